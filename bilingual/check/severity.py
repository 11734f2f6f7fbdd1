"""Severity: how much a finding's evidence weighs, alone and beside the sentence's other findings.

Each family's check says what it saw. Some of what it sees is strong evidence of
an error (the English gives 31 where the source says 30; the source negates a
verb and the English has no negation at all); some is weak, because faithful
human translations show it too (a number said in words, or dropped with
nothing in its place: 9、10月份 -> "September and October"; a negator inside a
word of its own: 价格不菲 -> "a hefty price"; an English longer than usual). A
weak finding stays a warning only when another, independent family flags the
same sentence: two signals agree. Alone, it becomes info: a proofreader listing
info findings still sees it, with its message unchanged.

Every finding this pass grades carries a short `reason` saying which it was, so
severity is explained, never a hidden score. The rules are data:
bilingual/data/check/severity.toml.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from functools import lru_cache

from bilingual import datafiles
from bilingual.check.base import RANK, Finding, Unit


@lru_cache(maxsize=1)
def _rules() -> dict:
    return datafiles.toml("check/severity.toml")


def family(kind: str) -> str:
    """The family a finding kind belongs to: kinds of one family are not independent signals."""
    return _rules()["family"].get(kind, kind)


# --- the evidence of each kind: (weak, reason) ----------------------------------------------------

def _length(u: Unit, f: Finding) -> tuple[bool, str]:
    return True, "a length difference alone: faithful renderings are often longer or shorter"


def _negation(u: Unit, f: Finding) -> tuple[bool, str]:
    from bilingual.check.negation import source_polarity

    if f.kind != "negation.missing":
        return False, "the English negates a clause the source states without any negator"
    words = source_polarity(u.source).strong
    lexical = [w for w in words if _lexical(w)]
    if words and len(lexical) == len(words):
        shown = ", ".join(f"{w} ({_tag(w)})" for w in dict.fromkeys(lexical))
        return True, (f"the negator is part of a word of its own ({shown}, not a negated verb), "
                      "which English often renders without a negation")
    if words and _double_negative(u.source, words):
        return True, ("the negator negates a negative word of its own (没有不合时宜 'not inappropriate'), "
                      "which English often renders by the positive word instead of two negations")
    if words and _litotes(u.source, words):
        return True, ("the negator grades an adjective, alone or after a degree word (不高, 没那么容易: 'not high', "
                      "'not that easy'), which English often renders with the opposite word instead of a negation")
    return False, "the source negates a verb or clause and the English has no negation at all"


def _litotes(source: str, strong: list[str]) -> bool:
    """Every strong negator of the source is a one-character one before an adjective it grades: after a degree
    word (没那么容易, 不太清楚), or a one-character adjective that ends the predicate (效益不高， "low benefit");
    没那么做 ("did not do it so") and 不好说 (an adjective before a verb) negate a verb."""
    from bilingual.check.negation import _words

    rules = _rules()["negation"]
    degree, closers = set(rules["degree_words"]), set(rules["predicate_closers"])
    words = _words(source)
    at = [k for k, w in enumerate(words) if w in strong]

    def graded(k: int) -> bool:
        if len(words[k]) != 1 or k + 1 >= len(words):
            return False
        if words[k + 1] in degree:
            return k + 2 < len(words) and _tag(words[k + 2]) in ("a", "ad", "an")
        after = words[k + 2] if k + 2 < len(words) else ""
        return (len(words[k + 1]) == 1 and _tag(words[k + 1]) == "a"
                and (not after or after in closers or not any(c.isalnum() for c in after)))

    return bool(at) and len(at) >= len(strong) and all(graded(k) for k in at)


def _double_negative(source: str, strong: list[str]) -> bool:
    """Every strong negator of the source stands right before a lexical negative, a word a negator starts
    that is no negated verb (并没有不合时宜 "not inappropriate", 没有不安 "not uneasy"): the two cancel."""
    from bilingual.check.negation import _words, source_polarity

    lexical = set(source_polarity(source).weak_words)
    words = _words(source)
    at = [k for k, w in enumerate(words) if w in strong]
    return bool(at) and len(at) >= len(strong) and all(k + 1 < len(words) and words[k + 1] in lexical for k in at)


GRADERS: dict[str, Callable[[Unit, Finding], tuple[bool, str]]] = {
    "length-ratio": _length,
    "negation.missing": _negation,
    "negation.added": _negation,
}


def weigh(units: list[Unit], findings: list[Finding]) -> list[Finding]:
    """`findings` with each graded finding's severity decided by its evidence and corroboration (module doc)."""
    by_id = {u.id: u for u in units}
    graded: list[tuple[Finding, bool, str]] = []
    for f in findings:
        grader = GRADERS.get(f.kind)
        u = by_id.get(f.segment)
        if grader is None or u is None or RANK[f.severity] < RANK["warning"]:
            graded.append((f, False, ""))
            continue
        weak, reason = grader(u, f)
        graded.append((f, weak, reason))
    signals: dict[str, list[Finding]] = {}
    for f, _, _ in graded:
        if RANK[f.severity] >= RANK["warning"]:
            signals.setdefault(f.segment, []).append(f)
    out = []
    for f, weak, reason in graded:
        if not reason:
            out.append(f)
            continue
        if not weak:
            out.append(replace(f, reason=f"strong evidence: {reason}"))
            continue
        others = [g for g in signals.get(f.segment, []) if family(g.kind) != family(f.kind)]
        if others:
            kinds = ", ".join(dict.fromkeys(g.kind for g in others))
            out.append(replace(f, severity="warning",
                               reason=f"weak evidence ({reason}), corroborated by {kinds} on the same sentence"))
        else:
            out.append(replace(f, severity="info",
                               reason=f"weak evidence alone ({reason}); no other check flags the sentence"))
    return out


# --- jieba's dictionary tags ------------------------------------------------------------------------

def _lexical(word: str) -> bool:
    """A negator word that is not a negated verb (module doc, severity.toml): its tag is not verbal, and it is
    no negated adverb either (不再, 未必: d after d), which negates the verb phrase that follows."""
    from bilingual.check.negation import _lists

    lists = _lists()
    if word in lists.single or word in lists.strong:
        return False
    tag = _tag(word)
    if not tag or tag in _rules()["negation"]["verbal_tags"]:
        return False  # a word jieba's dictionary lacks is no evidence of a lexical item
    return not (tag == "d" and _tag(word[1:]) == "d")


def _tag(word: str) -> str:
    """jieba's dictionary part-of-speech tag of `word` ("" when the dictionary lacks it)."""
    from bilingual.glossary.wordcut import dictionary_tag

    return dictionary_tag(word)
