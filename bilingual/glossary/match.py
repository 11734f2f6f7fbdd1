"""Finding glossary names in text: one automaton over every surface, word checks at the candidates.

pyahocorasick finds every occurrence of every surface (Simplified, aliases,
Traditional forms) in one pass; only those candidate spans are judged, longest
first, by the word cut of the text around them (rules.py, with the lists of
bilingual/data/names/matching.toml). The cut is jieba's dictionary with the
glossary's names added (wordcut.py), made only for the runs of text that hold a
candidate. Protection, conversion and the check all call this one matcher, so
a name the check expects is exactly a name the translation protected.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from bilingual import datafiles, hant
from bilingual.chars import HAN, WORD_RUN
from bilingual.glossary import rules as match_rules
from bilingual.glossary.terms import Term
from bilingual.glossary.wordcut import WordCut, shared
from bilingual.variants import converter

FIND_CACHE = 100_000  # sentences remembered by Matcher.find before it starts over
# Dictionary count a glossary name gets in the word cut when jieba's own is lower. It must beat a
# word crossing the name's end when that word is weaker than the words the name leaves (拜登|上|彻底
# over 拜|登上|彻底 needs more than 38: 拜 6,338 x 登上 1,558 / 上 258,101), and lose to a crossing
# word stronger than them (其余|华 over 其|余华 needs less than 272: 其余 4,454 x 华 4,364 / 其 71,322).
NAME_COUNT = 100


@dataclass(frozen=True)
class Match:
    """A glossary name found in text: [start, end) and the surface as written."""

    start: int
    end: int
    term: Term
    surface: str
    # The Simplified spelling the surface stands for: term.hans, or the alias it was written as.
    hans: str = ""


@dataclass(frozen=True)
class Decision:
    """What the matcher made of one candidate span: matched or not, and why."""

    start: int
    end: int
    term: Term
    surface: str
    matched: bool
    why: str
    # The Simplified spelling the surface stands for (as Match.hans).
    hans: str = ""


class Matcher:
    """Finds the surfaces of an index (surface -> (term, Simplified spelling)) in text."""

    def __init__(self, index: dict[str, tuple[Term, str]]):
        import ahocorasick

        self._index = index
        self._automaton = ahocorasick.Automaton()
        for surface in index:
            self._automaton.add_word(surface, surface)
        if index:
            self._automaton.make_automaton()
        self._names = {hans: NAME_COUNT for _term, hans in index.values() if len(hans) > 1}
        self._cutter: WordCut | None = None
        # find() runs on the same sentence several times per build (convert, protect, check).
        self._found: dict[str, tuple[Match, ...]] = {}

    def forget_sentences(self) -> None:
        """Empty the sentence cache of find() (a benchmark repeating its corpus measures work, not lookups)."""
        self._found.clear()

    def find(self, text: str) -> list[Match]:
        """Names in `text`, in order: longest first, never overlapping, each standing as a word."""
        found = self._found.get(text)
        if found is None:
            if len(self._found) > FIND_CACHE:
                self._found.clear()
            found = self._found[text] = tuple(
                Match(d.start, d.end, d.term, d.surface, d.hans)
                for d in self._decide(text) if d.matched)
        return list(found)

    def explain(self, text: str) -> list[Decision]:
        """Every candidate span in `text` with the verdict and its reason, in text order."""
        return self._decide(text, explain=True)

    def _candidates_and_twin(self, text: str) -> tuple[list[tuple[int, int, str]], str]:
        """(start, end, index surface) of every surface in `text` and, in a Traditional text, in its
        Simplified twin: the text may write a name otherwise than the glossary's regional forms (華昇 for
        華升, 風物志 for 風物誌); and the twin, which the rules judge (the text itself when it is Simplified)."""
        if not self._index:
            return [], text
        found = [(end + 1 - len(s), end + 1, s) for end, s in self._automaton.iter(text)]
        if hant.only_traditional().search(text) is None:
            return found, text  # most text: Simplified, or no character only Traditional writes
        simple = _simplified(text)
        if len(simple) != len(text):
            return found, text
        seen = {(a, b) for a, b, _s in found}
        found += [c for c in ((end + 1 - len(s), end + 1, s) for end, s in self._automaton.iter(simple))
                  if c[:2] not in seen]
        return found, simple

    def _decide(self, text: str, explain: bool = False) -> list[Decision]:
        # The rules and the dictionary are Simplified: judge a Traditional text by its Simplified twin.
        found, simple = self._candidates_and_twin(text)
        candidates = sorted(found, key=lambda c: (c[0] - c[1], c[0]))
        if not candidates:
            return []
        r = match_rules.rules()
        cut = match_rules.Cut(simple, self._tokenize, self._freq, WORD_RUN)
        owner: list[Decision | None] = [None] * len(text)
        # Where another name starts: candidates still to judge and names matched, not names refused
        # (台湾 before 联合国 in 台湾联合国协进会, where 联合国 is part of the longer name).
        starts: dict[int, int] = {}
        for start, _end, _key in candidates:
            starts[start] = starts.get(start, 0) + 1
        out: list[Decision] = []
        for start, end, key in candidates:
            term, hans = self._index[key]
            surface = text[start:end]
            holder = next((d for d in owner[start:end] if d is not None), None)
            if holder is not None:
                _drop(starts, start)
                if explain:
                    out.append(Decision(start, end, term, surface, False,
                                        f"inside or across the longer match '{holder.surface}'", hans))
                continue
            ok, why = match_rules.judge(cut, start, end, term.kind, term.bare, hans, r, starts)
            if cut.text is not text:
                why = _traditional(why, simple, text)
            decision = Decision(start, end, term, surface, ok, why, hans)
            if ok:
                owner[start:end] = [decision] * (end - start)
            else:
                _drop(starts, start)
            if ok or explain:
                out.append(decision)
        return sorted(out, key=lambda d: (d.start, d.start - d.end))

    def _cut(self) -> WordCut:
        if self._cutter is None:
            self._cutter = shared().with_words(self._names)
        return self._cutter

    def _tokenize(self, run: str) -> list[tuple[int, int]]:
        return self._cut().tokenize(run)

    def _freq(self, word: str) -> int:
        return self._cut().freq(word)


def _traditional(why: str, simple: str, text: str) -> str:
    """A reason written about the Simplified twin, with its quoted pieces as the text writes them."""
    def back(m) -> str:
        at = simple.find(m.group(1))
        return f"'{text[at:at + len(m.group(1))]}'" if at >= 0 else m.group(0)

    return re.sub(r"'([^']+)'", back, why)


def _simplified(text: str) -> str:
    return converter("t2s").convert(text)


def _drop(starts: dict[int, int], start: int) -> None:
    """One candidate fewer starts at `start`; a start with none left is no longer where a name starts."""
    if starts[start] > 1:
        starts[start] -= 1
    else:
        del starts[start]


# A character used as a word of its own less often than this in jieba's dictionary (瑜 1,671;
# 称 26,275, 说 219,817) is taken for part of a given name after a short name (heads_longer_name).
GIVEN_NAME_FREQ = 10_000


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
    a, b = start, end
    while a > 0 and WORD_RUN.match(text[a - 1]):
        a -= 1
    while b < len(text) and WORD_RUN.match(text[b]):
        b += 1
    chunk = _simplified(text[a:b])
    if len(chunk) != b - a:
        chunk = text[a:b]
    words = {a + s: a + e for s, e in shared().tokenize(chunk)}
    if words.get(end) != end + 1:
        return False
    return shared().freq(_simplified(text[end])) < GIVEN_NAME_FREQ


@cache
def _surnames() -> frozenset[str]:
    return frozenset(line.split("\t")[0] for line in datafiles.lines("hant/surnames.txt"))
