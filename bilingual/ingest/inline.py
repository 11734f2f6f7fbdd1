"""Text with inline marks, built piece by piece, then whitespace-folded into a Block.

Folding follows the reader's eye, not the byte stream: runs of whitespace become
one space, and a run that holds a line break next to a CJK character disappears,
because a hard-wrapped Chinese line never meant a space (Latin words keep theirs).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from bilingual.model import Block, Mark

# Control characters (but tab, line breaks and NEL), the two noncharacters and lone surrogates
# (a hand-edited JSON's "\ud800": no UTF-8 can hold one): never text, and illegal in the XML of
# XLIFF, TMX and EPUB. fold() turns the whitespace ones into a space and drops the rest;
# strip_controls() drops them all.
CONTROL = frozenset(chr(c) for c in (*range(0x20), *range(0x7F, 0xA0)) if chr(c) not in "\t\n\r\x85") \
    | {"\ufffe", "\uffff"} | {chr(c) for c in range(0xD800, 0xE000)}
_CONTROL_TABLE = dict.fromkeys(map(ord, CONTROL))
# What fold() changes: whitespace (re's \s is str.isspace) or a control character. A Chinese paragraph
# usually holds neither, and is its own fold.
_FOLDS = re.compile("[\\s\x00-\x1f\x7f-\x9f\ufffe\uffff\ud800-\udfff]")


def strip_controls(text: str) -> str:
    """`text` without control characters (see CONTROL): for metadata, which is not folded."""
    return text.translate(_CONTROL_TABLE)


def is_wide(ch: str) -> bool:
    """CJK ideographs, kana, hangul and full-width punctuation: no spaces between them."""
    return unicodedata.east_asian_width(ch) in ("W", "F")


def fold(raw: str) -> tuple[str, list[int]]:
    """Fold whitespace in `raw`; return the text and a map raw index -> folded index.

    The map has len(raw) + 1 entries so that a mark's end offset maps too.
    """
    if not _FOLDS.search(raw):
        return raw, list(range(len(raw) + 1))
    out: list[str] = []
    pos = [0] * (len(raw) + 1)
    i, n = 0, len(raw)
    while i < n:
        if raw[i].isspace():
            j = i
            while j < n and raw[j].isspace():
                j += 1
            before = out[-1] if out else ""
            after = raw[j] if j < n else ""
            has_break = any(c in "\n\r" for c in raw[i:j])
            drop = not before or not after or (has_break and (is_wide(before) or is_wide(after)))
            start = len(out)
            if not drop:
                out.append(" ")
            for k in range(i, j):
                pos[k] = start
            i = j
            continue
        pos[i] = len(out)
        if raw[i] not in CONTROL:
            out.append(raw[i])
        i += 1
    pos[n] = len(out)
    return "".join(out), pos


@dataclass
class Inline:
    """An open run of inline text; marks are stored as raw offsets until `take`."""

    parts: list[str] = field(default_factory=list)
    size: int = 0
    marks: list[Mark] = field(default_factory=list)

    def add(self, text: str) -> None:
        if text:
            self.parts.append(text)
            self.size += len(text)

    def visible(self) -> bool:
        """True once the run holds something other than whitespace."""
        return any(p.strip() for p in self.parts)

    def mark(self, start: int, tag: str, href: str = "") -> None:
        """Close a mark that opened at raw offset `start` and ends here."""
        if self.size > start:
            self.marks.append(Mark(start=start, end=self.size, tag=tag, href=href))

    def take(self, role: str, level: int = 0) -> Block | None:
        """The folded Block for what was collected (None if only whitespace); resets the run."""
        raw = "".join(self.parts)
        marks = self.marks
        self.parts, self.size, self.marks = [], 0, []
        text, pos = fold(raw)
        if not text:
            return None
        folded = []
        for m in marks:
            start, end = pos[m.start], pos[m.end]
            while start < end and text[start] == " ":
                start += 1
            while end > start and text[end - 1] == " ":
                end -= 1
            if start < end:
                folded.append(Mark(start=start, end=end, tag=m.tag, href=m.href))
        return Block(role=role, source=text, source_marks=_merge(folded), level=level)


def _merge(marks: list[Mark]) -> list[Mark]:
    """Marks sorted, with overlapping or nested marks of one kind (tag and link) made one.

    <b><b>x</b></b> is no bolder than <b>x</b>; merged, the marks of one kind never
    overlap, so a position lies under a handful of marks at most and every later step
    that walks marks (segmenting, converting, rendering) stays linear.
    """
    marks.sort(key=lambda m: (m.start, -m.end))
    out: list[Mark] = []
    last: dict[tuple[str, str], Mark] = {}
    for m in marks:
        prev = last.get((m.tag, m.href))
        if prev is not None and m.start < prev.end:
            prev.end = max(prev.end, m.end)
            continue
        out.append(m)
        last[(m.tag, m.href)] = m
    out.sort(key=lambda m: (m.start, -m.end))
    return out
