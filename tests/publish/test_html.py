"""The HTML page: its Traditional column tagged with the region it is written in, so browsers use its glyphs."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup

from bilingual.model import Block, Cell, Document
from bilingual.publish.html import render_html
from tests.publish.epubdocs import seed_doc, seg

REGION_TAGS = [("zh-HK", "zh-Hant-HK"), ("zh-TW", "zh-Hant-TW"), ("zh-Hant", "zh-Hant")]


def rich_doc(region: str) -> Document:
    """The seed's opening with a figure and a one-cell table, as a build for `region` records it."""
    doc = seed_doc()
    doc.provenance["region"] = region
    alt = seg(doc.id, 1, 0, "条约全文截图", "Screenshot of the treaty text")
    cell = seg(doc.id, 2, 0, "成员国", "Member states")
    doc.blocks[1:1] = [Block(role="figure", segments=[alt], source=alt.source, src="https://example.org/a.png"),
                       Block(role="cell", segments=[cell], source=cell.source, cell=Cell(table=1, row=0, col=0))]
    return doc


@pytest.mark.parametrize("region, tag", REGION_TAGS)
def test_every_traditional_element_of_the_page_carries_the_regions_tag(region, tag):
    soup = BeautifulSoup(render_html(rich_doc(region)), "lxml")
    hant = soup.select("main .cell.hant")
    assert {c.parent["class"][1] for c in hant} >= {"paragraph", "quote", "heading", "figure", "table"}
    assert {c["lang"] for c in hant} == {tag}
    assert soup.select_one("header .titles p")["lang"] == tag  # the Traditional title under the h1
    assert soup.select_one(".colheads .hant")["lang"] == tag
    assert soup.select_one("label:has(#show-hant)")["lang"] == tag
    names = soup.select(".names tbody tr")
    assert names and all(row.select("td")[1]["lang"] == tag for row in names)
    assert {el["lang"] for el in soup.select("[lang^=zh-Hant]")} == {tag}  # and nothing else says otherwise
    assert {c["lang"] for c in soup.select("main .cell.hans")} == {"zh-Hans"}  # Simplified has no region


def test_a_traditional_first_page_is_in_the_regions_language():
    soup = BeautifulSoup(render_html(rich_doc("zh-HK"), columns=("hant", "en")), "lxml")
    assert soup.html["lang"] == "zh-Hant-HK" and soup.h1["lang"] == "zh-Hant-HK"


def test_a_document_that_records_no_region_keeps_the_generic_tag():
    doc = rich_doc("")
    del doc.provenance["region"]
    soup = BeautifulSoup(render_html(doc), "lxml")
    assert {c["lang"] for c in soup.select("main .cell.hant")} == {"zh-Hant"}


def test_the_pages_css_gives_hong_kong_its_own_fonts_after_the_generic_rule():
    css = BeautifulSoup(render_html(rich_doc("zh-HK")), "lxml").style.string
    generic, hk = css.index(":lang(zh-Hant) {"), css.index(":lang(zh-Hant-HK) {")
    assert generic < hk  # :lang() matches by prefix: the later rule wins for zh-Hant-HK
    assert '--cjk-sans-hk: "Noto Sans CJK HK"' in css
