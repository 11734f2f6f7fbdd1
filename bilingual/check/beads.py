"""Costs of a Gale–Church alignment bead, shared by the paragraph aligner (align.py) and the
sentence alignment inside a paragraph (omission.py): length agreement and shared anchors."""

from __future__ import annotations

import math
import re

from bilingual.check.numbers import source_numbers
from bilingual.check.text import PRIOR_VARIANCE
from bilingual.glossary.english import fold_english

ANCHOR_BONUS = 1.5  # per shared number or name
ANCHOR_PENALTY = 1.0  # per source anchor the English lacks
LATIN_NAME = re.compile(r"[A-Za-z][A-Za-z'’.\-]*[A-Za-z]")

Anchors = tuple[list[set], set[str]]


def anchors_source(text: str) -> Anchors:
    """A source's numbers (their accepted values) and Latin-script names."""
    return [n.accepted for n in source_numbers(text)], {fold_english(w) for w in LATIN_NAME.findall(text)}


def join(a: Anchors, b: Anchors) -> Anchors:
    return a[0] + b[0], a[1] | b[1]


def anchor_cost(src: Anchors, en_values: set, en_words: set[str]) -> float:
    """Lower for each anchor the English shares, higher for each it lacks."""
    numbers, names = src
    hits = sum(1 for acc in numbers if acc & en_values) + len(names & en_words)
    misses = len(numbers) + len(names) - hits
    return ANCHOR_PENALTY * misses - ANCHOR_BONUS * hits


def length_cost(src_len: float, en_len: float, ratio: float) -> float:
    """-log probability of an English length for a source length (Gale & Church's normal model)."""
    delta = (en_len - ratio * src_len) / math.sqrt(PRIOR_VARIANCE * max(src_len, 1.0))
    return -math.log(max(math.erfc(abs(delta) / math.sqrt(2)), 1e-300))
