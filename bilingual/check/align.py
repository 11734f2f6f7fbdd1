"""Pair an external English translation (one paragraph per block) with a Chinese document.

Equal counts pair one to one. Otherwise a Gale–Church dynamic programme over
paragraph lengths picks 1-1, 2-1, 1-2, 1-0 and 0-1 beads, helped by anchors
that both sides share (numbers and Latin-script names) and by the words whose
CC-CEDICT glosses the English holds (lexicon.py), searched in a band
around the diagonal so that time and memory grow linearly with the paragraphs. What stays unpaired is
reported as an "unaligned" finding, and every merge as an "alignment" note, so
nothing is guessed silently. The result is marked block-aligned (see
bilingual.check: en_alignment / en_groups).
"""

from __future__ import annotations

import math

from bilingual.check import ALIGNMENT_KEY, GROUPS_KEY, lexicon
from bilingual.check.base import Finding, excerpt
from bilingual.check.beads import LATIN_NAME as _LATIN_NAME
from bilingual.check.beads import anchor_cost as _anchor_cost
from bilingual.check.beads import anchors_source as _anchors_source
from bilingual.check.beads import join as _join
from bilingual.check.beads import length_cost as _length_cost
from bilingual.check.english_numbers import target_values
from bilingual.check.text import PRIOR_RATIO, UNALIGNED_MESSAGE, source_length
from bilingual.glossary.english import fold_english
from bilingual.model import Block, Document, Segment, segment_id

# -log prior of each bead (source blocks, English paragraphs), after Gale & Church (1993).
_PRIOR = {(1, 1): 0.89, (1, 0): 0.005, (0, 1): 0.005, (2, 1): 0.045, (1, 2): 0.045}
_COST = {bead: -math.log(p) for bead, p in _PRIOR.items()}
# An unpaired paragraph costs its prior plus this (tuned on tests/fixtures/parallel: 97 % of beads right).
_SKIP_EXTRA = 2.0


# The search keeps to a band around the proportional diagonal (source block i near English
# paragraph i*m/n): BAND cells either side at first, widened fourfold while the best path
# runs along the band's edge, until it holds MAX_CELLS cells. Time and memory are linear in
# the paragraphs (a full table was 3000 x 2000 cells: 91 s); a translation that drifts by
# more than the band is still aligned, its pairing reported like any other.
BAND = 16
MAX_CELLS = 100_000


def align_paragraphs(sources: list[str], english: list[str]) -> list[tuple[list[int], list[int]]]:
    """Beads ([source indices], [English indices]) covering both lists in order."""
    n, m = len(sources), len(english)
    if n == m:
        return [([i], [i]) for i in range(n)]
    if not n or not m:
        return [([i], []) for i in range(n)] + [([], [j]) for j in range(m)]
    costs = _BeadCosts(sources, english)
    band = BAND
    while True:
        beads, on_edge = _banded(n, m, band, costs)
        wider = band * 4
        if not on_edge or band >= max(n, m) or (n + 1) * (2 * wider + 1) > MAX_CELLS:
            return beads
        band = wider


class _BeadCosts:
    """The cost of each bead, from lengths and shared anchors; what a bead of one or two
    paragraphs on either side has is computed once per paragraph, not once per cell."""

    def __init__(self, sources: list[str], english: list[str]) -> None:
        src_len = [source_length(s) for s in sources]
        en_len = [len(e) for e in english]
        total_src, total_en = sum(src_len), sum(en_len)
        self.ratio = total_en / total_src if total_src and total_en else PRIOR_RATIO
        anchors = [_anchors_source(s) for s in sources]
        values = [target_values(e) for e in english]
        words = [{fold_english(w) for w in _LATIN_NAME.findall(e)} for e in english]
        # (length, anchors) of sources[i:i+1] and sources[i:i+2]; (length, values, words) likewise.
        self.src = {1: [(src_len[i], anchors[i]) for i in range(len(sources))],
                    2: [(src_len[i] + src_len[i + 1], _join(anchors[i], anchors[i + 1]))
                        for i in range(len(sources) - 1)]}
        self.en = {1: [(en_len[j], values[j], words[j]) for j in range(len(english))],
                   2: [(en_len[j] + en_len[j + 1] + 1, values[j] | values[j + 1], words[j] | words[j + 1])
                       for j in range(len(english) - 1)]}
        glosses = [lexicon.source_glosses(s) for s in sources]
        stems = [lexicon.english_stems(e) for e in english]
        self.glosses = {1: glosses, 2: [glosses[i] + glosses[i + 1] for i in range(len(sources) - 1)]}
        self.stems = {1: stems, 2: [stems[j] | stems[j + 1] for j in range(len(english) - 1)]}

    def step(self, i: int, j: int, di: int, dj: int) -> float:
        """Cost of the bead taking sources[i:i+di] and english[j:j+dj]."""
        if di == 0 or dj == 0:
            return _COST[(di, dj)] + _SKIP_EXTRA
        sl, anchors = self.src[di][i]
        el, vals, words = self.en[dj][j]
        return (_COST[(di, dj)] + _length_cost(sl, el, self.ratio) + _anchor_cost(anchors, vals, words)
                + lexicon.cost(self.glosses[di][i], self.stems[dj][j]))


def _banded(n: int, m: int, band: int, costs: _BeadCosts) -> tuple[list[tuple[list[int], list[int]]], bool]:
    """The cheapest beads with every cell within `band` of the diagonal; and whether the path
    touched the band's edge (where a wider band might have found a cheaper one)."""
    lo = [max(0, (i * m) // n - band) for i in range(n + 1)]
    hi = [min(m, -((-i * m) // n) + band) for i in range(n + 1)]
    inf = float("inf")
    cost = [[inf] * (hi[i] - lo[i] + 1) for i in range(n + 1)]
    back: list[list[tuple[int, int] | None]] = [[None] * (hi[i] - lo[i] + 1) for i in range(n + 1)]
    cost[0][0 - lo[0]] = 0.0
    for i in range(n + 1):
        row, base = cost[i], lo[i]
        for j in range(base, hi[i] + 1):
            here = row[j - base]
            if here == inf:
                continue
            for (di, dj) in _COST:
                a, b = i + di, j + dj
                if a > n or b > m or b < lo[a] or b > hi[a]:
                    continue
                total = here + costs.step(i, j, di, dj)
                if total < cost[a][b - lo[a]]:
                    cost[a][b - lo[a]] = total
                    back[a][b - lo[a]] = (di, dj)
    beads = []
    on_edge = False
    i, j = n, m
    while i or j:
        if (j == lo[i] and lo[i] > 0) or (j == hi[i] and hi[i] < m):
            on_edge = True
        di, dj = back[i][j - lo[i]]
        beads.append((list(range(i - di, i)), list(range(j - dj, j))))
        i, j = i - di, j - dj
    return beads[::-1], on_edge


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
