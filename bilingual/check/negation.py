"""Negation: a Chinese clause that negates needs a negation in its English, and the reverse.

The Chinese side is read on jieba's word cut with the word lists of
bilingual/data/check/negation.toml: 不仅 (not only), 非常 (very), 无论
(regardless) and the like do not negate; 不满, 非法 may or may not become an
English negation; two strong negators in one clause (不能不, 没有人不知道) may
cancel out. The English side counts not, n't, no, never, none, nobody,
nothing, neither, nor, cannot, without; fail, lack, refuse, unable and the like
soften a missing one. Only a clear polarity difference is reported: a
negating source with no negation at all in the English (the "not used to" ->
"used to" flip), or a negating English for a source with no negator.
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass
from functools import lru_cache

from bilingual import datafiles
from bilingual.check.base import Finding, Unit, excerpt

if sys.version_info >= (3, 11):
    pass
else:  # pragma: no cover
    pass

_CLAUSE = re.compile(r"[，,。；;！!？?：:\n]")


@dataclass(frozen=True)
class _Lists:
    negators: frozenset[str]
    single: frozenset[str]
    strong: frozenset[str]
    not_negation: frozenset[str]
    weak: frozenset[str]
    english_strong: re.Pattern
    english_weak: re.Pattern
    english_not_negation: re.Pattern


@lru_cache(maxsize=1)
def _lists() -> _Lists:
    data = datafiles.toml("check/negation.toml")

    def words(key: str) -> re.Pattern:
        alternatives = sorted(data[key], key=len, reverse=True)
        return re.compile(r"(?<![\w'])(?:" + "|".join(re.escape(w) for w in alternatives) + r")(?![\w'])",
                          re.IGNORECASE)

    return _Lists(frozenset(data["negators"]), frozenset(data["single"]), frozenset(data["strong"]),
                  frozenset(data["not_negation"]), frozenset(data["weak"]), words("english_strong"),
                  words("english_weak"), words("english_not_negation"))


@dataclass
class Polarity:
    """What one side says about negation: the strong negators (as written) and whether any weak one is there."""

    strong: list[str]
    weak: bool
    negates: bool  # some clause has an odd number of strong negators


def source_polarity(text: str) -> Polarity:
    """The negators of a Chinese text, clause by clause."""
    lists = _lists()
    strong: list[str] = []
    weak = negates = False
    for clause in _CLAUSE.split(text):
        count = 0
        for word in _words(clause):
            if word in lists.not_negation or not any(c in lists.negators for c in word):
                continue
            if word in lists.weak:
                weak = True
            elif word in lists.strong or word in lists.single or (len(word) == 2 and word[0] in "不没"):
                strong.append(word)
                count += 1
            else:
                weak = True  # 无辜, 非正式, 不合时宜: a negator starting a lexical word or an idiom
        negates = negates or count % 2 == 1
    return Polarity(strong, weak, negates)


def english_polarity(text: str) -> Polarity:
    """The negation words of an English text (not only, no doubt and the like left out)."""
    lists = _lists()
    text = lists.english_not_negation.sub(" ", text.replace("\u2019", "'"))
    strong = [m.group() for m in lists.english_strong.finditer(text)]
    strong += re.findall(r"\b\w+n't\b", text, re.IGNORECASE)
    weak = bool(lists.english_weak.search(text))
    return Polarity(strong, weak, bool(strong))


def findings(units: list[Unit]) -> list[Finding]:
    """negation.missing / negation.added for units whose two sides disagree on polarity."""
    out = []
    for u in units:
        if not u.en.strip() or not u.source.strip():
            continue
        src, en = source_polarity(u.source), english_polarity(_numbered_no(u.en))
        if src.negates and not en.strong and not en.weak:
            word = src.strong[0]
            out.append(Finding(u.id, "negation.missing", "warning", excerpt(u.source, word), excerpt(u.en),
                               f"the source negates ('{word}') but the English has no negation",
                               "check whether the English says the opposite of the source", source_mark=word))
        elif en.strong and not src.strong and not src.weak:
            word = en.strong[0]
            out.append(Finding(u.id, "negation.added", "warning", excerpt(u.source), excerpt(u.en, word),
                               f"the English negates ('{word}') but the source has no negation",
                               "check whether the English says the opposite of the source", target_mark=word))
    return out


def _numbered_no(text: str) -> str:
    """'No. 1' and 'no.3' are numbers, not negations."""
    return re.sub(r"\b[Nn]o\.\s*(?=\d)", "number ", text)


def _words(text: str) -> list[str]:
    """jieba's dictionary cut of a clause (the one cutter the glossary matcher uses too)."""
    from bilingual.glossary.wordcut import shared

    return [text[a:b] for a, b in shared().tokenize(text)]
