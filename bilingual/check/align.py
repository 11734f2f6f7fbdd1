"""Pair an external English translation (one paragraph per block) with a Chinese document.

Equal counts pair one to one. Otherwise a Gale–Church dynamic programme over
paragraph lengths picks 1-1, 2-1, 1-2, 1-0 and 0-1 beads, helped by anchors
that both sides share (numbers and Latin-script names). What stays unpaired is
reported as an "unaligned" finding, and every merge as an "alignment" note, so
nothing is guessed silently. The result is marked block-aligned (see
bilingual.check: en_alignment / en_groups).
"""

from __future__ import annotations

import math

from bilingual.check import ALIGNMENT_KEY, GROUPS_KEY
from bilingual.check.base import Finding, excerpt
from bilingual.check.beads import LATIN_NAME as _LATIN_NAME
from bilingual.check.beads import anchor_cost as _anchor_cost
from bilingual.check.beads import anchors_source as _anchors_source
from bilingual.check.beads import join as _join
from bilingual.check.beads import length_cost as _length_cost
from bilingual.check.numbers import target_values
from bilingual.check.text import PRIOR_RATIO, UNALIGNED_MESSAGE, source_length
from bilingual.glossary.english import fold_english
from bilingual.model import Block, Document, Segment, segment_id

# -log prior of each bead (source blocks, English paragraphs), after Gale & Church (1993).
_PRIOR = {(1, 1): 0.89, (1, 0): 0.005, (0, 1): 0.005, (2, 1): 0.045, (1, 2): 0.045}
_COST = {bead: -math.log(p) for bead, p in _PRIOR.items()}
# An unpaired paragraph costs its prior plus this (tuned on tests/fixtures/parallel: 97 % of beads right).
_SKIP_EXTRA = 2.0


def align_paragraphs(sources: list[str], english: list[str]) -> list[tuple[list[int], list[int]]]:
    """Beads ([source indices], [English indices]) covering both lists in order."""
    if len(sources) == len(english):
        return [([i], [i]) for i in range(len(sources))]
    src_len = [source_length(s) for s in sources]
    en_len = [len(e) for e in english]
    ratio = sum(en_len) / sum(src_len) if sum(src_len) and sum(en_len) else PRIOR_RATIO
    src_anchor = [_anchors_source(s) for s in sources]
    en_values = [target_values(e) for e in english]
    en_words = [{fold_english(w) for w in _LATIN_NAME.findall(e)} for e in english]
    n, m = len(sources), len(english)
    inf = float("inf")
    cost = [[inf] * (m + 1) for _ in range(n + 1)]
    back: list[list[tuple[int, int] | None]] = [[None] * (m + 1) for _ in range(n + 1)]
    cost[0][0] = 0.0
    for i in range(n + 1):
        for j in range(m + 1):
            if cost[i][j] == inf:
                continue
            for (di, dj), prior in _COST.items():
                a, b = i + di, j + dj
                if a > n or b > m:
                    continue
                if di == 0 or dj == 0:
                    step = prior + _SKIP_EXTRA
                else:
                    sl = sum(src_len[i:a])
                    el = sum(en_len[j:b]) + (dj - 1)
                    vals = set().union(*en_values[j:b])
                    words = set().union(*en_words[j:b])
                    anchors = src_anchor[i] if di == 1 else _join(src_anchor[i], src_anchor[i + 1])
                    step = prior + _length_cost(sl, el, ratio) + _anchor_cost(anchors, vals, words)
                if cost[i][j] + step < cost[a][b]:
                    cost[a][b] = cost[i][j] + step
                    back[a][b] = (di, dj)
    beads = []
    i, j = n, m
    while i or j:
        di, dj = back[i][j]
        beads.append((list(range(i - di, i)), list(range(j - dj, j))))
        i, j = i - di, j - dj
    return beads[::-1]


def _ensure_segments(doc: Document) -> None:
    """A block read but not yet segmented gets one segment holding its whole text."""
    for bi, block in enumerate(doc.blocks):
        if not block.segments and block.source.strip():
            block.segments = [Segment(id=segment_id(doc.id, bi, 0, block.source), source=block.source)]


def align_translation(doc: Document, english_paragraphs: list[str]) -> tuple[Document, list[Finding]]:
    """A copy of `doc` with the English paragraphs put on its blocks, and the alignment findings."""
    doc = doc.copy()
    _ensure_segments(doc)
    english = [p.strip() for p in english_paragraphs if p and p.strip()]
    indexed = [(bi, b) for bi, b in enumerate(doc.blocks) if b.segments]
    beads = align_paragraphs([b.text("hans") or b.text("source") for _, b in indexed], english)
    findings: list[Finding] = []
    groups: list[str] = []
    last_id = indexed[0][1].segments[0].id if indexed else ""
    for src, ens in beads:
        blocks: list[tuple[int, Block]] = [indexed[k] for k in src]
        text = "\n\n".join(english[k] for k in ens)
        if blocks:
            groups.append("+".join(str(bi) for bi, _ in blocks))
            first = blocks[0][1].segments[0]
            last_id = first.id
            for _, block in blocks:
                for seg in block.segments:
                    seg.en, seg.origin = "", ("human" if ens else "")
            first.en = text
        source = "".join(b.text("hans") or b.text("source") for _, b in blocks)
        if blocks and not ens:
            findings.append(Finding(last_id, "unaligned", "error", excerpt(source), "",
                                    UNALIGNED_MESSAGE,
                                    "check whether the translation left this paragraph out"))
        elif ens and not blocks:
            findings.append(Finding(last_id, "unaligned", "error", "", excerpt(text),
                                    f"English paragraph {ens[0] + 1} matches no source block"
                                    + (" (it follows this segment's block)" if last_id else ""),
                                    "check whether it belongs to a neighbouring paragraph or is an addition"))
        elif len(blocks) > 1 or len(ens) > 1:
            what = (f"source blocks {blocks[0][0] + 1}-{blocks[-1][0] + 1} share English paragraph {ens[0] + 1}"
                    if len(blocks) > 1 else
                    f"source block {blocks[0][0] + 1} takes English paragraphs {ens[0] + 1}-{ens[-1] + 1}")
            findings.append(Finding(last_id, "alignment", "info", excerpt(source), excerpt(text), what,
                                    "check the pairing; findings for these paragraphs are made on them together"))
    doc.provenance[ALIGNMENT_KEY] = "block"
    doc.provenance[GROUPS_KEY] = " ".join(groups)
    return doc, findings
