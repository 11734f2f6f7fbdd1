"""Finding glossary names in text: longest first, never overlapping, short names only as words.

A first-character index keeps the scan to the positions where some surface
can start; jieba (bilingual/glossary/wordcut.py) is asked only about the few
short candidates, so 余华 is not found in 其余华人 nor 德国 in 道德国家.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from bilingual import datafiles
from bilingual.chars import HAN, WORD_RUN
from bilingual.glossary.terms import Term
from bilingual.glossary.wordcut import WordCut
from bilingual.variants import converter

# Surfaces this short (two characters or fewer: 余华, 德国, 日本) match only on word
# boundaries, so 其余华人 or 道德国家 never yield a name.
SHORT = 2
FIND_CACHE = 100_000  # sentences remembered by Matcher.find before it starts over


@dataclass(frozen=True)
class Match:
    """A glossary name found in text: [start, end) and the surface as written."""

    start: int
    end: int
    term: Term
    surface: str
    # The Simplified spelling the surface stands for: term.hans, or the alias it was written as.
    hans: str = ""


class Matcher:
    """Finds the surfaces of an index (surface -> (term, Simplified spelling)) in text."""

    def __init__(self, index: dict[str, tuple[Term, str]]):
        self._index = index
        # First character -> lengths of the surfaces starting with it, longest first: the candidate
        # scan visits only the positions a regex of first characters finds.
        starts: dict[str, set[int]] = {}
        for s in index:
            starts.setdefault(s[0], set()).add(len(s))
        self._starts = {c: sorted(ns, reverse=True) for c, ns in starts.items()}
        self._first = re.compile("[" + "".join(re.escape(c) for c in sorted(starts)) + "]") if starts else None
        # find() runs on the same sentence several times per build (convert, protect, check).
        self._found: dict[str, tuple[Match, ...]] = {}

    def find(self, text: str) -> list[Match]:
        """Names in `text`, in order: longest first, never overlapping; short ones only as whole words."""
        found = self._found.get(text)
        if found is None:
            if len(self._found) > FIND_CACHE:
                self._found.clear()
            found = self._found[text] = tuple(self._find(text))
        return list(found)

    def _find(self, text: str) -> list[Match]:
        candidates = []
        if self._first is None:
            return []
        index, starts, size = self._index, self._starts, len(text)
        for first in self._first.finditer(text):
            i = first.start()
            for n in starts[text[i]]:
                if i + n > size:  # a slice past the end is shorter than n: no surface of length n
                    continue
                hit = index.get(text[i:i + n])
                if hit is not None:
                    candidates.append((i, i + n, *hit))
        candidates.sort(key=lambda c: (c[0] - c[1], c[0]))
        taken = [False] * len(text)
        words: dict[int, int] = {}
        found = []
        for start, end, term, hans in candidates:
            if any(taken[start:end]):
                continue
            if end - start <= SHORT:
                if start not in words and end not in words:
                    words.update(_words(text, start))
                if not _whole_word(text, start, end, words):
                    continue
            taken[start:end] = [True] * (end - start)
            found.append(Match(start, end, term, text[start:end], hans))
        return sorted(found, key=lambda m: m.start)


_WORDCUT: WordCut | None = None
# A character used as a word of its own less often than this in jieba's dictionary (瑜 1,671;
# 称 26,275, 说 219,817) is taken for part of a given name after a short name (heads_longer_name).
GIVEN_NAME_FREQ = 10_000


def _words(text: str, at: int) -> dict[int, int]:
    """Word start -> end by jieba (dictionary only, no HMM guessing) around `at`.

    Only the run of Han/alphanumeric characters holding `at` is cut: jieba cuts
    such runs independently anyway, and cutting a whole article is slow.
    """
    a, b = at, at
    while a > 0 and WORD_RUN.match(text[a - 1]):
        a -= 1
    while b < len(text) and WORD_RUN.match(text[b]):
        b += 1
    chunk = text[a:b]
    simple = _simplified(chunk)
    if len(simple) != len(chunk):
        simple = chunk
    return {a + start: a + end for start, end in _wordcut().tokenize(simple)}


def heads_longer_name(text: str, start: int, end: int) -> bool:
    """Whether the short name text[start:end] may begin a longer name no glossary knows (韩国瑜).

    jieba leaves the characters of an unknown given name as words of one character
    (韩国|瑜|说). When the name starts with a common surname (韩; data/hant/surnames.txt)
    and runs on into a lone character that is rare as a word of its own (瑜; not 和, 说,
    称), it reads as a person's name: a regional rewrite of the short name (韓國 -> 南韓)
    must not be applied there. 普京突访 (普 is no common surname) is Putin.
    """
    if end >= len(text) or not HAN.match(text[end]) or _simplified(text[start]) not in _surnames():
        return False
    if _words(text, start).get(end) != end + 1:
        return False
    return _wordcut().freq(_simplified(text[end])) < GIVEN_NAME_FREQ


@cache
def _surnames() -> frozenset[str]:
    return frozenset(line.split("\t")[0] for line in datafiles.lines("hant/surnames.txt"))


def _wordcut() -> WordCut:
    """The one jieba cutter, made on first use (it reads its dictionary lazily)."""
    global _WORDCUT
    if _WORDCUT is None:
        _WORDCUT = WordCut()
    return _WORDCUT


def _whole_word(text: str, start: int, end: int, words: dict[int, int]) -> bool:
    """A short name counts only as a word of its own, or as the head of a compound of two words.

    余华 in 其余华人 (其余|华人) and 德国 in 道德国家 (道德|国家) start mid-word: no.
    中国 in 中国政府 (one dictionary word, 中国 + 政府): yes. 朝鲜 in 朝鲜族: no (族 is no word).
    """
    word_end = words.get(start)
    if word_end is None:
        return False
    if end in words or end == len(text) or not WORD_RUN.match(text[end]):
        return True
    rest = text[end:word_end]
    return len(rest) >= 2 and _wordcut().freq(_simplified(rest)) > 0


def _simplified(text: str) -> str:
    return converter("t2s").convert(text)
