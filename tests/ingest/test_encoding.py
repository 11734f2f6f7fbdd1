"""Encodings: the same article read from UTF-8 (with/without BOM), GB18030, GBK and Big5 bytes."""

from __future__ import annotations

import pytest

from bilingual.errors import BilingualError
from bilingual.ingest import read
from bilingual.ingest.encoding import decode

from .helpers import CDT_2020, SEED, TERM


def _blocks(doc):
    return [(b.role, b.source) for b in doc.blocks]


@pytest.mark.parametrize("encoding", ["utf-8-sig", "gb18030", "gbk"])
def test_simplified_seed_in_each_encoding(write, encoding):
    text = SEED.read_text(encoding="utf-8")
    (expected,) = read(SEED)
    (doc,) = read(write(f"seed-{encoding}.txt", text, encoding))
    assert _blocks(doc) == _blocks(expected)
    assert doc.meta.title == expected.meta.title and doc.meta.format == "cdt"


def test_short_gbk_file(write):
    text = "标题\n\n" + CDT_2020.read_text(encoding="utf-8").split("<p>")[2].split("</p>")[0]
    (doc,) = read(write("short.txt", text, "gbk"))
    assert doc.meta.title == "标题"
    assert doc.blocks[0].source == "时代就这样推着我们前行。"


def test_traditional_article_in_big5(write):
    # Keep the lines Big5 can hold (it lacks a few Hong Kong forms such as 裏 and 着).
    lines = [ln for ln in TERM.read_text(encoding="utf-8").splitlines() if _big5_ok(ln)]
    text = "\n".join(lines)
    (expected,) = read(write("term-utf8.md", text))
    (doc,) = read(write("term-big5.md", text, "big5"))
    assert len(doc.blocks) > 50
    assert _blocks(doc) == _blocks(expected)
    assert doc.meta.script == "hant"


def _big5_ok(line: str) -> bool:
    try:
        line.encode("big5")
    except UnicodeEncodeError:
        return False
    return True


def test_bom_is_not_content():
    assert decode("\ufeff正文".encode()) == "正文"
    assert decode("正文".encode("utf-8-sig")) == "正文"


@pytest.mark.parametrize("data, message", [
    (b"", "empty"),
    (b"  \n\t\n", "empty"),
    (b"\x89PNG\r\n\x1a\n" + bytes(range(256)), "PNG image"),
    (b"text\x00with\x00nul" * 10, "binary"),
    (b"%PDF-1.7\n...", "PDF"),
])
def test_empty_and_binary_files_are_refused(write, data, message):
    with pytest.raises(BilingualError, match=message):
        read(write("bad.txt", data))


def test_undecodable_bytes_are_refused(write):
    # Lead bytes with no valid trail byte in UTF-8, GB18030 or Big5.
    data = "正文".encode() + b"\xff\xfe\x80\xff\x81\x20\xfe\x7f\xff" * 20
    with pytest.raises(BilingualError, match="cannot decode|garbage|not UTF-8"):
        read(write("mixed.txt", data))


def test_broken_utf8_after_bom_is_refused(write):
    with pytest.raises(BilingualError, match="UTF-8 mark"):
        read(write("bom.txt", b"\xef\xbb\xbf" + "正文".encode("gbk")))


def test_error_is_one_line_naming_the_file(write):
    path = write("empty.md", b"")
    with pytest.raises(BilingualError) as err:
        read(path)
    assert "\n" not in str(err.value) and str(path) in str(err.value)
