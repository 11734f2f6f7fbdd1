"""Plain text: blank lines separate paragraphs; hard-wrapped lines are rejoined.

Chinese text files often put one paragraph per line, indented with full-width
spaces and no blank line between: an indented line also starts a paragraph, and
a run of lines that nearly all end a sentence is read one paragraph per line.
A short first line without closing punctuation is taken as the title.
"""

from __future__ import annotations

import re

from bilingual.ingest.inline import fold
from bilingual.model import Block, Document, Meta

_INDENT = re.compile(r"^(\u3000|\s{2,}|\t)")
_FINAL = "。！？!?…；;：:，,、.」』”’)）"
_SENTENCE_END = tuple("。！？!?….」』”\"")
TITLE_MAX_CHARS = 40


def paragraphs(text: str) -> list[str]:
    """Paragraph texts, each folded (CJK lines joined without a space, Latin with one)."""
    paras: list[list[str]] = []
    current: list[str] = []
    for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        if not line.strip():
            if current:
                paras.append(current)
            current = []
            continue
        if current and _INDENT.match(line):
            paras.append(current)
            current = []
        current.append(line)
    if current:
        paras.append(current)
    out = []
    for lines in paras:
        pieces = lines if _line_per_paragraph(lines) else ["\n".join(lines)]
        out.extend(p for p in (fold(piece)[0] for piece in pieces) if p)
    return out


def _line_per_paragraph(lines: list[str]) -> bool:
    """Lines that (nearly) all end a sentence were written one paragraph per line, not wrapped."""
    if len(lines) < 2:
        return False
    ends = sum(1 for ln in lines if ln.rstrip().endswith(_SENTENCE_END))
    return ends >= 0.8 * len(lines)


def read_text(text: str) -> Document:
    """A Document (id and file fields left to the caller) from plain text."""
    paras = paragraphs(text.lstrip("\ufeff"))
    meta = Meta()
    if len(paras) > 1 and len(paras[0]) <= TITLE_MAX_CHARS and not paras[0].endswith(tuple(_FINAL)) \
            and "\n" not in text.lstrip("\ufeff").strip().split("\n\n", 1)[0].strip():
        meta.title, paras = paras[0], paras[1:]
    return Document(id="", meta=meta, blocks=[Block(role="paragraph", source=p) for p in paras])
