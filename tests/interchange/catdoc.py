"""A small real Document for the CAT round-trip tests: parallel-corpus sentences in two paragraphs.

The English is the corpus's human reference, standing in for engine output
(origin "mt") so the tests exercise formats, not translation quality.
"""

from __future__ import annotations

import opencc

from bilingual.model import Block, Document, Segment, segment_id
from tests.conftest import FIXTURES

DOC_ID = "parallel-sample"


def parallel_lines(count: int) -> list[tuple[str, str]]:
    zh = (FIXTURES / "parallel" / "zh.txt").read_text(encoding="utf-8").splitlines()
    en = (FIXTURES / "parallel" / "en.txt").read_text(encoding="utf-8").splitlines()
    return list(zip(zh, en, strict=True))[:count]


def make_doc(per_block: int = 3, blocks: int = 2) -> Document:
    """`blocks` paragraphs of `per_block` segments each, all three columns filled."""
    to_hant = opencc.OpenCC("s2twp")
    pairs = parallel_lines(per_block * blocks)
    doc = Document(id=DOC_ID)
    for b in range(blocks):
        chunk = pairs[b * per_block:(b + 1) * per_block]
        segs = [Segment(id=segment_id(DOC_ID, b, i, zh), source=zh, hans=zh, hant=to_hant.convert(zh),
                        en=en, origin="mt") for i, (zh, en) in enumerate(chunk)]
        doc.blocks.append(Block(role="heading" if b == 0 else "paragraph", segments=segs,
                                source="".join(zh for zh, _ in chunk)))
    return doc


class Term:
    def __init__(self, hans: str, en: str, kind: str) -> None:
        self.hans, self.en, self.kind = hans, en, kind


class Match:
    def __init__(self, term: Term, start: int) -> None:
        self.term, self.start, self.end = term, start, start + len(term.hans)


class SubstringGlossary:
    """Test double with the glossary's find() shape (Match objects with .term.hans/.en/.kind)."""

    def __init__(self, terms: list[Term]) -> None:
        self.terms = terms

    def find(self, text: str) -> list[Match]:
        found = []
        for term in self.terms:
            start = text.find(term.hans)
            while start >= 0:
                found.append(Match(term, start))
                start = text.find(term.hans, start + 1)
        return sorted(found, key=lambda m: m.start)
