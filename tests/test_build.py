"""End to end: the seed through the real CLI and the real engine path (tiny random-weight package)."""

from __future__ import annotations

import json
import re
import shutil
from difflib import SequenceMatcher

import pytest
from bs4 import BeautifulSoup

from bilingual.hant import writer
from bilingual.model import Document
from tests.clirun import run_cli
from tests.conftest import SEED

BOILERPLATE = ("档案卡", "版权说明", "CDS收藏", "addtoany", "Facebook", "Telegram", "WhatsApp", "Copy Link")


def _fold(text: str) -> str:
    return re.sub(r"\s+", "", text)


def _seed_paragraphs() -> list[str]:
    """The seed's content paragraphs straight from its HTML: an oracle independent of our ingest."""
    body = SEED.read_text(encoding="utf-8").split("------", 1)[1]
    soup = BeautifulSoup(body, "lxml")
    for box in soup.select(".su-spoiler, .addtoany_share_save_container"):
        box.decompose()
    return [_fold(p.get_text()) for p in soup.find_all("p") if _fold(p.get_text())]




def _build(capsys, tmp_path, *extra):
    out = tmp_path / "out"
    result = run_cli(capsys, "build", SEED, "-o", out, *extra)
    assert result.code == 0, result.err
    page = out / f"{SEED.stem}.html"
    return page, BeautifulSoup(page.read_text(encoding="utf-8"), "lxml"), out / f"{SEED.stem}.json"


def _cells(soup, column):
    return [_fold(c.get_text()) for c in soup.select(f"main .row .cell.{column}")]


def test_seed_page_has_three_aligned_columns(capsys, tmp_path, argos_home):
    page, soup, data = _build(capsys, tmp_path)

    paragraphs = _seed_paragraphs()
    hans = _cells(soup, "hans")
    assert hans == paragraphs, "every source paragraph appears once, in order, in the Simplified column"

    hant = _cells(soup, "hant")
    to_hant = writer("s2twp")
    assert len(hant) == len(hans)
    # The Traditional column is the default variant's writer (OpenCC + bilingual/data/hant) but for
    # the glossary's regional names (普丁).
    for t, s in zip(hant, hans, strict=True):
        assert SequenceMatcher(None, t, to_hant.convert(s)).ratio() > 0.8, (t, s)
    assert any(t != s for t, s in zip(hant, hans, strict=True)), "the Traditional column really is converted"

    en_rows = soup.select("main .row .cell.en")
    assert len(en_rows) == len(hans)
    for row in soup.select("main .row"):
        spans = {col: len(row.select(f".cell.{col} .seg")) for col in ("hans", "hant", "en")}
        assert spans["hans"] == spans["hant"] == spans["en"] >= 1, "segments align across the columns"
    assert all(c.get_text().strip() for c in en_rows), "every English cell is filled by the engine"

    # The default variant writes Taiwan's Traditional, and says so (zh-Hant-TW: Taiwan's glyphs and fonts).
    for col, lang in (("hans", "zh-Hans"), ("hant", "zh-Hant-TW"), ("en", "en")):
        assert all(c["lang"] == lang for c in soup.select(f"main .cell.{col}"))

    text = page.read_text(encoding="utf-8")
    header = soup.select_one("header.meta").get_text()
    for value in ("俄罗斯与朝鲜结盟，东北亚局势巨变", "古老板的老巢", "2024-06-20", "https://chinadigitaltimes.net/chinese/709104.html"):
        assert value in header or value in text
    main = soup.select_one("main").get_text()
    assert not any(word in main for word in BOILERPLATE)
    assert "<script" not in text.lower() and "javascript:" not in text.lower()
    assert not re.search(r"<link[^>]+stylesheet|src=\"https?:", text), "the page fetches nothing"

    assert soup.select("main .row.heading") and soup.select("main .row.quote")
    # The reader's column switches: one checkbox per column, wired by CSS alone (no script).
    assert [i["id"] for i in soup.select(".toggles input[type=checkbox]")] == ["show-hans", "show-hant", "show-en"]
    assert "body:has(#show-hant:not(:checked)) .hant" in soup.style.string
    doc = Document.from_dict(json.loads(data.read_text(encoding="utf-8")))
    assert [_fold(b.text("hans")) for b in doc.blocks if b.segments] == paragraphs
    assert all(s.en and s.origin in ("mt", "memory") for s in doc.segments())
    assert len({s.id for s in doc.segments()}) == len(doc.segments())


def test_ids_are_stable_across_builds(capsys, tmp_path, argos_home):
    _, _, first = _build(capsys, tmp_path / "a")
    _, _, second = _build(capsys, tmp_path / "b")
    ids = [[s["id"] for b in json.loads(p.read_text())["blocks"] for s in b["segments"]] for p in (first, second)]
    assert ids[0] == ids[1]


def test_no_translate_leaves_english_visibly_empty(capsys, tmp_path, monkeypatch):
    monkeypatch.setenv("ARGOS_PACKAGES_DIR", str(tmp_path / "no-packages"))
    page, soup, _ = _build(capsys, tmp_path, "--no-translate")
    en = soup.select("main .cell.en")
    assert en and all("empty" in c["class"] and not c.get_text().strip() for c in en)
    assert all(c.get_text().strip() for c in soup.select("main .cell.hans"))


def test_build_without_model_stops_before_writing(capsys, tmp_path, monkeypatch):
    monkeypatch.setenv("ARGOS_PACKAGES_DIR", str(tmp_path / "no-packages"))
    out, memory = tmp_path / "out", tmp_path / "new-memory.sqlite"
    result = run_cli(capsys, "build", SEED, "-o", out, "--memory", memory)
    assert result.code != 0
    assert "bilingual models install" in result.err and len(result.err.strip().splitlines()) == 1
    assert not out.exists() or not any(out.iterdir())
    assert not list(tmp_path.glob("new-memory*"))  # the model is looked for before the memory is opened


@pytest.mark.parametrize("variant, expected", [("s2twp", "軟體"), ("s2hk", "軟件")])
def test_variant_option_reaches_the_traditional_column(capsys, tmp_path, variant, expected):
    article = tmp_path / "a.txt"
    article.write_text("这个软件很好用。\n\n第二段。\n", encoding="utf-8")
    page = tmp_path / "out" / "a.html"
    result = run_cli(capsys, "build", article, "-o", tmp_path / "out", "--no-translate", "--variant", variant)
    assert result.code == 0, result.err
    assert expected in page.read_text(encoding="utf-8")


def test_unwritable_output_is_reported_before_any_translation(capsys, tmp_path, monkeypatch):
    monkeypatch.setenv("ARGOS_PACKAGES_DIR", str(tmp_path / "no-packages"))
    blocker = tmp_path / "a-file"
    blocker.write_text("x", encoding="utf-8")
    result = run_cli(capsys, "build", SEED, "-o", blocker / "out")
    assert result.code == 4 and "is a file" in result.err and "models install" not in result.err


def test_extra_glossary_paths_stay_out_of_the_editions(tmp_path, capsys):
    """The build's JSON records the --glossary files (for a later check); the page and the book,
    which readers see, neither show the maker's paths nor change with the folder they came from."""
    books = []
    for place in ("a", "b"):
        folder = tmp_path / place
        folder.mkdir()
        extra = folder / "extra.tsv"
        extra.write_text("id\tkind\thans\ten\nxi-test\tperson\t东北亚\tNortheast Asia\n", encoding="utf-8")
        out = tmp_path / f"out-{place}"
        r = run_cli(capsys, "build", SEED, "-o", out, "--no-translate", "--glossary", extra, "--format", "html,epub")
        assert r.code == 0, r.err
        data = json.loads(next(out.glob("*.json")).read_text(encoding="utf-8"))
        assert data["provenance"]["glossary_files"] == str(extra.resolve())
        page = next(out.glob("*.html")).read_text(encoding="utf-8")
        assert str(folder) not in page and "glossary_files" not in page
        books.append(next(out.glob("*.epub")).read_bytes())
    assert books[0] == books[1]


def test_english_input_builds_with_one_warning_line(capsys, tmp_path):
    article = tmp_path / "english.txt"
    article.write_text("This is false. It is not true.\n\nA second paragraph that quotes one word, 中国.\n",
                       encoding="utf-8")
    chinese = tmp_path / "chinese.txt"
    chinese.write_text("这是一篇中文文章。它引用了 This is false. It is not true. 两句英文。\n", encoding="utf-8")
    result = run_cli(capsys, "build", article, chinese, "-o", tmp_path / "out", "--no-translate")
    assert result.code == 0, result.err
    warnings = [line for line in result.err.splitlines() if line.strip()]
    assert len(warnings) == 1 and warnings[0].startswith("bilingual: warning: english.txt: little or no Chinese")
    soup = BeautifulSoup((tmp_path / "out" / "english.html").read_text(encoding="utf-8"), "lxml")
    for col in ("hans", "hant"):  # the space between two English sentences survives in the Chinese columns
        assert soup.select_one(f"main .cell.{col}").get_text() == "This is false. It is not true."
    soup = BeautifulSoup((tmp_path / "out" / "chinese.html").read_text(encoding="utf-8"), "lxml")
    assert "It is not true. 两句英文。" in soup.select_one("main .cell.hans").get_text()


@pytest.mark.parametrize("variant, tag", [("s2hk", "zh-Hant-HK"), ("s2twp", "zh-Hant-TW"), ("s2tw", "zh-Hant-TW"),
                                          ("s2t", "zh-Hant")])
def test_the_traditional_column_is_tagged_with_the_variants_region_in_page_index_and_book(capsys, tmp_path,
                                                                                          variant, tag):
    """A Hong Kong build's Traditional is zh-Hant-HK (browsers then draw Hong Kong's glyphs, not Taiwan's)."""
    import zipfile

    from lxml import etree

    article = tmp_path / "a.txt"
    article.write_text("这个软件很好用。\n\n第二段。\n", encoding="utf-8")
    out = tmp_path / "out"
    result = run_cli(capsys, "build", SEED, article, "-o", out, "--no-translate", "--variant", variant,
                     "--format", "html,epub", "--columns", "zh-Hant,zh-Hans,en", "--title", "T")
    assert result.code == 0, result.err
    for page in (out / f"{SEED.stem}.html", out / "a.html"):
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "lxml")
        assert {c["lang"] for c in soup.select("main .cell.hant")} == {tag}
        assert {el["lang"] for el in soup.select("[lang^=zh-Hant]")} == {tag}
    seed = BeautifulSoup((out / f"{SEED.stem}.html").read_text(encoding="utf-8"), "lxml")
    assert seed.html["lang"] == tag  # headed by its Traditional title (a.txt has none: its source's heads it)
    index = BeautifulSoup((out / "index.html").read_text(encoding="utf-8"), "lxml")
    assert index.select_one("ol a span")["lang"] == tag
    with zipfile.ZipFile(out / "T.epub") as z:
        opf = etree.fromstring(z.read("EPUB/content.opf"))
        chapter = z.read("EPUB/ch001.xhtml").decode()
    assert opf.get("{http://www.w3.org/XML/1998/namespace}lang") == tag
    dc = "{http://purl.org/dc/elements/1.1/}language"
    assert [e.text for e in opf.iter(dc)] == [tag, "zh-Hans", "en"]
    assert f'class="c hant" lang="{tag}" xml:lang="{tag}"' in chapter
    if variant == "s2hk" and shutil.which("java"):
        from tests.publish.test_epub import epubcheck_problems

        assert epubcheck_problems(out / "T.epub") == []


def test_a_traditional_source_keeps_the_generic_tag_whatever_the_variant(capsys, tmp_path):
    """The variant says whose Traditional the conversion writes; a source written in Traditional is not
    converted, and nobody stated its region: it is zh-Hant, not the build's zh-Hant-HK."""
    article = tmp_path / "t.txt"
    article.write_text("這個軟體很好用，臺灣的朋友說。\n\n第二段。\n", encoding="utf-8")
    out = tmp_path / "out"
    result = run_cli(capsys, "build", article, "-o", out, "--no-translate", "--variant", "s2hk", "--format", "html")
    assert result.code == 0, result.err
    soup = BeautifulSoup((out / "t.html").read_text(encoding="utf-8"), "lxml")
    assert {c["lang"] for c in soup.select("main .cell.hant")} == {"zh-Hant"}


@pytest.mark.parametrize("region, tag", [("zh-HK", "zh-Hant-HK"), ("zh-TW", "zh-Hant-TW")])
def test_a_traditional_sources_stated_region_tags_its_column_page_and_report(capsys, tmp_path, region, tag):
    """--source-region says whose Traditional the source is (an HK article in HK glyphs); the check report of the
    edition shows the source under the same tag."""
    from bilingual import api
    from bilingual.publish.report import render

    article = tmp_path / "t.txt"
    article.write_text("前特首董建華表示，三名記者被捕。\n\n第二段。\n", encoding="utf-8")
    out = tmp_path / "out"
    result = run_cli(capsys, "build", article, "-o", out, "--no-translate", "--source-region", region,
                     "--format", "html")
    assert result.code == 0, result.err
    soup = BeautifulSoup((out / "t.html").read_text(encoding="utf-8"), "lxml")
    assert {c["lang"] for c in soup.select("main .cell.hant")} == {tag}
    assert soup.select_one("header.meta h1")["lang"] == tag  # headed by its own Traditional title
    assert json.loads((out / "t.json").read_text(encoding="utf-8"))["provenance"]["source_region"] == region
    (out / "en.txt").write_text("A former chief executive said four reporters were arrested.\n\nPart two.\n",
                                encoding="utf-8")
    doc, findings = api.check(article, out / "en.txt", region=region)
    assert findings and f'<div lang="{tag}">' in render(doc, findings, "html")
    # a Simplified source ignores it: its Traditional column is the variant's
    simplified = tmp_path / "s.txt"
    simplified.write_text("这个软件很好用。\n", encoding="utf-8")
    result = run_cli(capsys, "build", simplified, "-o", tmp_path / "out2", "--no-translate", "--source-region", region)
    assert result.code == 0, result.err
    soup = BeautifulSoup((tmp_path / "out2" / "s.html").read_text(encoding="utf-8"), "lxml")
    assert {c["lang"] for c in soup.select("main .cell.hant")} == {"zh-Hant-TW"}
