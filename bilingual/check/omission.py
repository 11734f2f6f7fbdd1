"""Omission inside a paragraph: a source sentence with no counterpart in the paragraph's English.

An external translation is paired with the source paragraph by paragraph
(align.py), so a sentence left out of a long paragraph changes its length only
a little and escapes the length check. Here each block unit's source sentences
(its segments) are aligned with the English sentences by the same Gale–Church
dynamic programme as paragraphs, helped by shared numbers and Latin names; a
substantial source sentence left on its own (a 1-0 bead) is reported.
"""

from __future__ import annotations

import re
import statistics

from bilingual.check import lexicon
from bilingual.check.base import Finding, Unit, excerpt
from bilingual.check.beads import LATIN_NAME as _LATIN_NAME
from bilingual.check.beads import anchor_cost as _anchor_cost
from bilingual.check.beads import anchors_source as _anchors_source
from bilingual.check.beads import length_cost as _length_cost
from bilingual.check.english_numbers import target_values
from bilingual.check.text import PRIOR_RATIO, source_length
from bilingual.glossary.english import fold_english

# -log prior of each bead (source sentences, English sentences); English often merges or splits sentences.
_BEADS = {(1, 1): 0.6, (2, 1): 2.0, (1, 2): 2.0, (3, 1): 3.5, (1, 3): 3.5, (1, 0): 3.0, (0, 1): 3.0}
# An English sentence left alone beside a source sentence left alone is its rendering (a pair) only when it is
# at least this share of the length the source needs: "That movement ended …" (54) renders no 91 characters.
PAIR_SHARE = 1 / 3
MIN_CHARS = 10  # a shorter sentence (a dateline, 他说) may well be merged into its neighbour
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"'”’)\]]*\s+(?=[\"“‘'(\[]?[A-Z0-9])")


def english_sentences(text: str) -> list[str]:
    """An English paragraph cut into sentences (after . ! ? before a capital or digit; Mr. etc. kept)."""
    parts = [p.strip() for p in _SENTENCE_END.split(text) if p.strip()]
    out: list[str] = []
    for p in parts:
        if out and re.search(r"\b(?:Mr|Mrs|Ms|Dr|St|No|Prof|Gen|Sen|Rep|U\.S|U\.K|Jan|Feb|Aug|Sept?|Oct|Nov|Dec)\.$",
                             out[-1]):
            out[-1] += " " + p
        else:
            out.append(p)
    return out


def findings(units: list[Unit]) -> list[Finding]:
    """omission findings for block units of two or more source sentences."""
    blocks = [u for u in units if len(u.sentences) >= 2 and u.en.strip()]
    if not blocks:
        return []
    ratios = [len(u.en) / source_length(u.source) for u in units if u.en.strip() and source_length(u.source) >= 6]
    ratio = statistics.median(ratios) if len(ratios) >= 5 else PRIOR_RATIO
    out = []
    for u in blocks:
        for k in dropped_sentences(list(u.sentences), english_sentences(u.en), ratio):
            sentence = u.sentences[k]
            if source_length(sentence) < MIN_CHARS:
                continue
            out.append(Finding(u.id, "omission", "warning", excerpt(u.source, sentence), excerpt(u.en),
                               f"sentence {k + 1} of this paragraph has no counterpart in the English",
                               "check whether the translation left it out", source_mark=sentence))
    return out


def dropped_sentences(sources: list[str], english: list[str], ratio: float) -> list[int]:
    """Indices of source sentences the best alignment leaves without English."""
    n, m = len(sources), len(english)
    src_len = [source_length(s) for s in sources]
    en_len = [len(e) for e in english]
    anchors = [_anchors_source(s) for s in sources]
    en_values = [target_values(e) for e in english]
    en_words = [{fold_english(w) for w in _LATIN_NAME.findall(e)} for e in english]
    glosses = [lexicon.source_glosses(s) for s in sources]
    en_stems = [lexicon.english_stems(e) for e in english]
    inf = float("inf")
    cost = [[inf] * (m + 1) for _ in range(n + 1)]
    back: list[list[tuple[int, int] | None]] = [[None] * (m + 1) for _ in range(n + 1)]
    cost[0][0] = 0.0
    for i in range(n + 1):
        for j in range(m + 1):
            if cost[i][j] == inf:
                continue
            for (di, dj), prior in _BEADS.items():
                a, b = i + di, j + dj
                if a > n or b > m:
                    continue
                if di == 0 or dj == 0:
                    step = prior  # Gale–Church: a skipped sentence costs its prior only
                else:
                    numbers = [x for k in range(i, a) for x in anchors[k][0]]
                    names = set().union(*(anchors[k][1] for k in range(i, a)))
                    step = (prior + _length_cost(sum(src_len[i:a]), sum(en_len[j:b]) + (dj - 1), ratio)
                            + _anchor_cost((numbers, names), set().union(*en_values[j:b]),
                                           set().union(*en_words[j:b]))
                            + lexicon.cost([g for k in range(i, a) for g in glosses[k]],
                                           frozenset().union(*en_stems[j:b])))
                if cost[i][j] + step < cost[a][b]:
                    cost[a][b] = cost[i][j] + step
                    back[a][b] = (di, dj)
    path = []  # the beads (first source sentence, source sentences, English sentences), built last first
    i, j = n, m
    while i or j:
        di, dj = back[i][j]
        path.append((i - di, di, j - dj, dj))
        i, j = i - di, j - dj
    path.reverse()
    # a source sentence left alone beside an English one left alone has its English, of a length the
    # programme found too far from its own (a fragment, a free rendering): a pair, not an omission; unless
    # that English is far too short to render it (a sentence of the next paragraph's, or a clause of its own)
    dropped = []
    for k, (start, di, _first, dj) in enumerate(path):
        if dj:
            continue
        need = PAIR_SHARE * ratio * sum(src_len[start:start + di])
        beside = path[max(0, k - 1):k] + path[k + 1:k + 2]
        if not any(b[1] == 0 and sum(en_len[b[2]:b[2] + b[3]]) >= need for b in beside):
            dropped += range(start, start + di)
    return sorted(dropped)
