"""The collection index page: links every article page, in order, titles in each script present."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup

from bilingual.errors import BilingualError
from bilingual.publish.index import write_index
from tests.publish.epubdocs import hk_doc, luo_doc, seed_doc


def test_index_links_every_article_in_order_with_titles_date_author(tmp_path):
    docs = [seed_doc(), luo_doc(), hk_doc()]
    (tmp_path / "articles").mkdir()
    pages = [tmp_path / "articles" / "seed.html", tmp_path / "罗冠聪 一切.html", tmp_path / "hk.html"]
    path = write_index(docs, pages, tmp_path / "index.html", title="Test collection")
    soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
    assert soup.h1.get_text() == "Test collection"
    links = soup.select("ol > li > a")
    assert [a["href"] for a in links] == ["articles/seed.html", "%E7%BD%97%E5%86%A0%E8%81%AA%20%E4%B8%80%E5%88%87.html",
                                          "hk.html"]
    first = [(s["lang"], s.get_text()) for s in links[0].find_all("span")]
    assert first == [("zh-Hans", "俄罗斯与朝鲜结盟，东北亚局势巨变"), ("zh-Hant", "俄羅斯與朝鮮結盟，東北亞局勢鉅變"),
                     ("en", "Russia and North Korea ally; Northeast Asia transformed")]
    assert [s["lang"] for s in links[2].find_all("span")] == ["zh-Hans"]  # only the source title is known
    metas = [li.select_one(".meta").get_text(" ") for li in soup.select("ol > li")]
    assert "2024-06-20" in metas[0] and "古老板的老巢" in metas[0]
    assert "2020-09-22" in metas[1] and "罗冠聪" in metas[1]
    assert "2020-06-19" in metas[2] and "英国驻华使馆" in metas[2]


def test_index_is_self_contained_and_escapes_titles(tmp_path):
    doc = seed_doc()
    doc.meta.title = doc.meta.title_hans = '<script>alert(1)</script>'
    doc.meta.author = '<img src=x onerror=alert(2)>'
    html = write_index([doc], [tmp_path / "a.html"], tmp_path / "index.html").read_text(encoding="utf-8")
    soup = BeautifulSoup(html, "html.parser")
    assert soup.find("script") is None and soup.find("img") is None
    assert soup.find(src=True) is None and soup.find("link") is None  # nothing fetched
    assert "&lt;script&gt;" in html


def test_index_refuses_mismatched_pages(tmp_path):
    with pytest.raises(BilingualError, match="2 articles but 1 pages"):
        write_index([seed_doc(), luo_doc()], [tmp_path / "a.html"], tmp_path / "index.html")
    assert not (tmp_path / "index.html").exists()


def test_index_titles_follow_the_shown_columns(tmp_path):
    docs = [seed_doc(), hk_doc()]
    pages = [tmp_path / "seed.html", tmp_path / "hk.html"]
    path = write_index(docs, pages, tmp_path / "index.html", columns=("hant", "en"))
    soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
    first, second = soup.select("ol > li > a")
    assert [(s["lang"], s.get_text()) for s in first.find_all("span")] == [
        ("zh-Hant", "俄羅斯與朝鮮結盟，東北亞局勢鉅變"),
        ("en", "Russia and North Korea ally; Northeast Asia transformed")]
    # No Traditional title known: the source's stands in, as on the article's own page.
    assert [s["lang"] for s in second.find_all("span")] == ["zh-Hans"]
    assert "English: " in soup.footer.get_text()


def test_each_entry_tags_its_traditional_title_with_its_own_documents_region(tmp_path):
    hk, tw, old = seed_doc(), seed_doc(), seed_doc()
    hk.provenance["region"], tw.provenance["region"] = "zh-HK", "zh-TW"
    for doc in (hk, tw, old):  # a Simplified source, its byline converted for the region
        doc.meta.script, doc.meta.author = "hans", "古老板的老巢"
        doc.meta.converted = {"hant": {"author": "古老闆的老巢"}}
    pages = [tmp_path / f"{n}.html" for n in ("hk", "tw", "old")]
    path = write_index([hk, tw, old], pages, tmp_path / "index.html", columns=("hant", "en"))
    soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
    assert [a.find("span")["lang"] for a in soup.select("ol > li > a")] == ["zh-Hant-HK", "zh-Hant-TW", "zh-Hant"]
    assert [li.select(".meta span")[1]["lang"] for li in soup.select("ol > li")] == \
        ["zh-Hant-HK", "zh-Hant-TW", "zh-Hant"]
    for doc in (hk, tw, old):  # a Traditional source's own text: its region nobody stated
        doc.meta.script = "hant"
    path = write_index([hk, tw, old], pages, tmp_path / "index.html", columns=("hant", "en"))
    soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
    assert {a.find("span")["lang"] for a in soup.select("ol > li > a")} == {"zh-Hant"}
    css = soup.style.string
    assert css.index(":lang(zh-Hant) {") < css.index(':lang(zh-Hant-HK) { font-family: "Noto Sans CJK HK"')
