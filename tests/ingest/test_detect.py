"""Format detection: content first, extension second."""

from __future__ import annotations

from pathlib import Path

import pytest

from bilingual.ingest import read
from bilingual.ingest.detect import detect_text

from .helpers import CDT_OLD, SEED, TERM


@pytest.mark.parametrize("source, name, expected", [
    (SEED, "seed.txt", "cdt"),
    (SEED, "seed.html", "cdt"),
    (SEED, "seed", "cdt"),
    (CDT_OLD, "old.md", "cdt"),
    (TERM, "term.txt", "markdown"),
    (TERM, "term.html", "markdown"),
])
def test_real_files_detected_by_content(source, name, expected):
    assert detect_text(source.read_text(encoding="utf-8"), Path(name)) == expected


@pytest.mark.parametrize("text, name, expected", [
    ("<!DOCTYPE html><html><body><p>正文</p></body></html>", "a.txt", "html"),
    ("<?xml version='1.0'?>\n<html xmlns='http://www.w3.org/1999/xhtml'><body><p>正文</p></body></html>",
     "a", "html"),
    ("<p>第一段</p>\n<p>第二段</p>", "a.txt", "html"),
    ("<p>第一段</p>", "a.html", "html"),
    ("# 標題\n\n正文有 **粗體** 與 [鏈接](https://example.com)。", "a.txt", "markdown"),
    ("正文一段。", "a.md", "markdown"),
    ("第一段。\n\n第二段，有 < 和 > 符號。", "a.txt", "text"),
    ("第一段。\n\n第二段。", "noext", "text"),
])
def test_small_inputs(text, name, expected):
    assert detect_text(text, Path(name)) == expected


def test_detected_format_is_recorded(write):
    (doc,) = read(write("page.txt", "<!DOCTYPE html><html><head><title>題</title></head>"
                                    "<body><p>正文。</p></body></html>"))
    assert (doc.meta.format, doc.meta.title, [b.source for b in doc.blocks]) == ("html", "題", ["正文。"])


def test_article_extensions_are_data_for_folders_and_detection(tmp_path, monkeypatch):
    """One list (boilerplate.json) says which files a folder build reads and which reader an extension suggests."""
    from bilingual.ingest import article_files
    from bilingual.ingest.sanitize import rules

    monkeypatch.setitem(rules()["article_extensions"], ".mkd", "markdown")
    one_sign = "标题\n\n**粗体**开头的一段正文。\n"  # one Markdown sign: the extension decides
    assert detect_text(one_sign, Path("a.mkd")) == "markdown"
    assert detect_text(one_sign, Path("a.txt")) == "text"
    (tmp_path / "a.mkd").write_text(one_sign, encoding="utf-8")
    (tmp_path / "b.rst").write_text(one_sign, encoding="utf-8")
    assert [p.name for p in article_files(tmp_path)] == ["a.mkd"]


def test_epub_is_told_by_its_bytes_alone():
    from bilingual.ingest.detect import detect_bytes

    from .helpers import EPUB

    assert detect_bytes(EPUB.read_bytes()) == "epub"
    assert detect_bytes(SEED.read_bytes()) is None
