"""Plain text: blank-line paragraphs, hard wraps rejoined, a short first line as title."""

from __future__ import annotations

from bilingual.ingest import read
from bilingual.ingest.inline import is_wide

from .helpers import FIXTURES, TERM, assert_clean_text


def _term_paragraphs() -> list[str]:
    """Plain prose paragraphs of the Markdown fixture (no markup lines), as written."""
    body = TERM.read_text(encoding="utf-8").split("---", 2)[2]
    return [p.strip() for p in body.split("\n\n")
            if p.strip() and not p.lstrip().startswith(("#", ">", "!", "<", "*", "原文", "---"))
            and "\n" not in p.strip() and len(p.strip()) > 40]


def _hard_wrap(text: str, width: int) -> list[str]:
    """Wrap the way a CJK editor does: about `width` characters a line, cutting between wide characters.

    (A cut at a space or inside a Latin word would lose information no reader can restore.)
    """
    lines, start = [], 0
    while len(text) - start > width:
        cut = start + width
        while cut < len(text) and not (is_wide(text[cut - 1]) and is_wide(text[cut])):
            cut += 1
        lines.append(text[start:cut])
        start = cut
    return [*lines, text[start:]]


def test_hard_wrapped_real_paragraphs_come_back_whole(write):
    paras = _term_paragraphs()
    assert len(paras) > 50
    wrapped = "\n\n".join("\n".join(_hard_wrap(p, 23)) for p in paras)
    assert wrapped.count("\n") > 3 * len(paras)
    (doc,) = read(write("wrapped.txt", wrapped))
    assert [b.source for b in doc.blocks] == [" ".join(p.split()) for p in paras]
    assert all(b.role == "paragraph" for b in doc.blocks)
    assert doc.meta.format == "text" and doc.meta.script == "hant"
    assert_clean_text(doc)


def test_short_first_line_is_title(write):
    (doc,) = read(write("t.txt", "季風書園的最後一天\n\n第一段。\n\n第二段。\n"))
    assert doc.meta.title == "季風書園的最後一天"
    assert [b.source for b in doc.blocks] == ["第一段。", "第二段。"]


def test_first_line_ending_a_sentence_is_not_a_title(write):
    (doc,) = read(write("t.txt", "這是一句話。\n\n第二段。\n"))
    assert doc.meta.title == ""
    assert [b.source for b in doc.blocks] == ["這是一句話。", "第二段。"]


def test_indented_lines_start_paragraphs(write):
    text = "\u3000\u3000第一段的開始，\n接着寫完。\n\u3000\u3000第二段。\n\u3000\u3000第三段。\n"
    (doc,) = read(write("indent.txt", text))
    assert [b.source for b in doc.blocks] == ["第一段的開始，接着寫完。", "第二段。", "第三段。"]


def test_one_sentence_per_line_file_keeps_its_lines():
    (doc,) = read(FIXTURES / "parallel" / "zh.txt")
    lines = [ln.strip() for ln in (FIXTURES / "parallel" / "zh.txt").read_text(encoding="utf-8").splitlines()
             if ln.strip()]
    assert [b.source for b in doc.blocks] == lines
    assert doc.meta.script == "hans"


def test_latin_lines_rejoin_with_a_space(write):
    (doc,) = read(write("en.txt", "A wrapped\nEnglish line\nends here\n\nSecond one\n"))
    assert [b.source for b in doc.blocks] == ["A wrapped English line ends here", "Second one"]
