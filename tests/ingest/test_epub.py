"""EPUB input: the oddly built fixture, an EbookLib-made book, and hostile archives."""

from __future__ import annotations

import io
import os
import zipfile
from pathlib import Path

import pytest

from bilingual.errors import BilingualError
from bilingual.ingest import epub, read, read_all

from .helpers import EPUB, assert_clean_text, assert_safe

CONTAINER = ('<?xml version="1.0"?><container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">'
             '<rootfiles><rootfile full-path="OEBPS/content.opf" media-type="application/oebps-package+xml"/>'
             '</rootfiles></container>')


def _chapter(title: str, body: str) -> str:
    return (f'<html xmlns="http://www.w3.org/1999/xhtml"><head><title>{title}</title></head>'
            f"<body><h1>{title}</h1>{body}</body></html>")


def _zip_epub(path: Path, members: dict[str, str], items: list[tuple[str, str]]) -> Path:
    """An EPUB written by hand (names such as ../x cannot be made with EbookLib)."""
    manifest = "".join(f'<item id="{i}" href="{h}" media-type="application/xhtml+xml"/>' for i, h in items)
    spine = "".join(f'<itemref idref="{i}"/>' for i, _ in items)
    opf = ('<?xml version="1.0"?><package xmlns="http://www.idpf.org/2007/opf" version="2.0">'
           '<metadata xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>惡意之書</dc:title></metadata>'
           f"<manifest>{manifest}</manifest><spine>{spine}</spine></package>")
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("mimetype", "application/epub+zip")
        zf.writestr("META-INF/container.xml", CONTAINER)
        zf.writestr("OEBPS/content.opf", opf)
        for name, text in members.items():
            zf.writestr(zipfile.ZipInfo(name), text)
    path.write_bytes(buf.getvalue())
    return path


def test_fixture_chapters_in_spine_order():
    docs = read(EPUB)
    assert [d.id for d in docs] == ["epub4j_simpleEpub-01", "epub4j_simpleEpub-02"]
    assert [d.meta.title for d in docs] == ["第一章 新的开始", "第二章 旧的回忆"]
    assert [b.source for b in docs[0].blocks] == ["第一行", "第二行", "第三行"]
    second = docs[1].blocks
    assert [b.source for b in second] == ["第一行", "第二行", "第三行", "aaabbbccc", "第五行"]
    assert [(m.start, m.end, m.tag) for m in second[3].source_marks] == [(3, 6, "strong")]
    for d in docs:
        m = d.meta
        assert (m.author, m.date, m.source, m.format, m.path, m.script) == (
            "佚名", "2024-05-29", "简易电子书", "epub", "epub4j_simpleEpub.epub", "hans")
        # The guide's cover page (书名, 作者, 简介) is not a chapter.
        assert not any(b.source in ("简易电子书", "佚名", "简介") for b in d.blocks)
        assert_safe(d)
        assert_clean_text(d)


def test_ebooklib_made_book(tmp_path):
    from ebooklib import epub as eb

    book = eb.EpubBook()
    book.set_identifier("test-book")
    book.set_title("三章之書")
    book.set_language("zh")
    book.add_author("作者甲")
    chapters = []
    for n, name in enumerate(["序", "第一章", "第二章"], 1):
        ch = eb.EpubHtml(title=name, file_name=f"c{n}.xhtml", lang="zh")
        ch.content = _chapter(name, f"<p>{name}的正文。</p><blockquote><p>{name}的引文。</p></blockquote>")
        book.add_item(ch)
        chapters.append(ch)
    book.toc = chapters
    book.add_item(eb.EpubNcx())
    book.add_item(eb.EpubNav())
    book.spine = ["nav", *chapters]
    path = tmp_path / "三章 之書.epub"
    eb.write_epub(str(path), book)
    docs = read_all([path])
    assert [d.meta.title for d in docs] == ["序", "第一章", "第二章"]
    assert [[(b.role, b.source) for b in d.blocks] for d in docs][1] == [
        ("paragraph", "第一章的正文。"), ("quote", "第一章的引文。")]
    assert all(d.meta.author == "作者甲" and d.meta.source == "三章之書" for d in docs)
    assert [d.id for d in docs] == ["三章-之書-01", "三章-之書-02", "三章-之書-03"]


def test_escaping_member_names_are_never_read_or_written(tmp_path, monkeypatch):
    work = tmp_path / "work"
    work.mkdir()
    monkeypatch.chdir(work)
    members = {
        "OEBPS/ok.xhtml": _chapter("正常", '<p onclick="x()">正文<script>alert(1)</script>。</p>'
                                         '<p><a href="javascript:alert(2)">壞鏈接</a></p>'),
        "../evil.xhtml": _chapter("越界", "<p>越界內容</p>"),
        "/abs.xhtml": _chapter("絕對", "<p>絕對路徑內容</p>"),
    }
    items = [("a", "ok.xhtml"), ("b", "../../evil.xhtml"), ("c", "/abs.xhtml"), ("d", "missing.xhtml")]
    path = _zip_epub(work / "evil.epub", members, items)
    before = sorted(str(p) for p in tmp_path.rglob("*"))
    docs = read(path)
    assert sorted(str(p) for p in tmp_path.rglob("*")) == before  # nothing extracted anywhere
    assert [[b.source for b in d.blocks] for d in docs] == [["正文。", "壞鏈接"]]
    assert_safe(docs[0])


def test_oversized_member_is_refused(tmp_path, monkeypatch):
    path = _zip_epub(tmp_path / "big.epub", {"OEBPS/a.xhtml": _chapter("大", "<p>" + "字" * 5000 + "</p>")},
                     [("a", "a.xhtml")])
    monkeypatch.setattr(epub, "MAX_MEMBER_BYTES", 1000)
    with pytest.raises(BilingualError, match="too large"):
        read(path)


def test_epub_without_text_chapters_is_an_error(tmp_path):
    path = _zip_epub(tmp_path / "empty.epub", {"OEBPS/a.xhtml": _chapter("", "<script>x()</script>")},
                     [("a", "a.xhtml")])
    with pytest.raises(BilingualError, match="no chapters with text"):
        read(path)


def test_detected_by_content_not_name(tmp_path):
    renamed = tmp_path / "book.bin"
    renamed.write_bytes(EPUB.read_bytes())
    assert [d.meta.format for d in read(renamed)] == ["epub", "epub"]


def test_broken_zip_is_an_error(tmp_path):
    path = tmp_path / "broken.epub"
    path.write_bytes(b"PK\x03\x04" + os.urandom(200))
    with pytest.raises(BilingualError, match="broken.epub"):
        read(path)


def _damage(path: Path, member: str, data: bytes) -> Path:
    """Overwrite the start of `member`'s stored (compressed) bytes in the archive at `path`."""
    raw = bytearray(path.read_bytes())
    with zipfile.ZipFile(path) as zf:
        info = zf.getinfo(member)
    start = info.header_offset + 30 + len(info.filename.encode()) + len(info.extra)
    raw[start:start + len(data)] = data
    path.write_bytes(bytes(raw))
    return path


def _deflated_epub(path: Path, chapter: str, *, compress: int = zipfile.ZIP_DEFLATED) -> Path:
    with zipfile.ZipFile(path, "w", compression=compress) as zf:
        zf.writestr("mimetype", "application/epub+zip", compress_type=zipfile.ZIP_STORED)
        zf.writestr("META-INF/container.xml", CONTAINER)
        zf.writestr("OEBPS/content.opf", '<package xmlns="http://www.idpf.org/2007/opf" version="2.0"><metadata/>'
                    '<manifest><item id="a" href="a.xhtml" media-type="application/xhtml+xml"/></manifest>'
                    '<spine><itemref idref="a"/></spine></package>')
        zf.writestr("OEBPS/a.xhtml", _chapter("章", f"<p>{chapter}</p>"))
    return path


@pytest.mark.parametrize("compress, garbage", [
    (zipfile.ZIP_DEFLATED, b"\xff" * 8),  # deflate block type 3 does not exist: zlib.error
    (zipfile.ZIP_STORED, b"XXXX"),  # readable bytes, wrong CRC: BadZipFile
])
def test_damaged_chapter_is_a_one_line_error_naming_book_and_member(tmp_path, compress, garbage):
    path = _damage(_deflated_epub(tmp_path / "bad.epub", "正文。" * 50, compress=compress), "OEBPS/a.xhtml", garbage)
    with pytest.raises(BilingualError, match=r"bad\.epub: OEBPS/a\.xhtml in the EPUB is damaged") as err:
        read(path)
    assert "\n" not in str(err.value)


def test_damaged_mimetype_is_not_an_epub_and_no_traceback(tmp_path):
    path = tmp_path / "bad.epub"
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("mimetype", "application/epub+zip" * 3)
    _damage(path, "mimetype", b"\xff" * 4)
    assert not epub.is_epub(path.read_bytes())
    with pytest.raises(BilingualError, match="bad.epub: not a readable EPUB"):
        read(path)


def test_damaged_epub_is_skipped_with_a_skipped_list(tmp_path):
    good = tmp_path / "good.txt"
    good.write_text("标题\n\n正文。", encoding="utf-8")
    bad = _damage(_deflated_epub(tmp_path / "bad.epub", "正文。" * 50), "OEBPS/a.xhtml", b"\xff" * 8)
    skipped: list[str] = []
    docs = read_all([bad, good], skipped=skipped)
    assert [d.meta.path for d in docs] == ["good.txt"]
    assert len(skipped) == 1 and "bad.epub" in skipped[0] and "damaged" in skipped[0]
