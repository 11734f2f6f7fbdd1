"""Units and scales: a percentage written without its percent, an amount in the wrong scale.

numbers.py asks whether each source value occurs in the English at all; a
translation that keeps the digits but drops what they count (90% -> 90) or
moves the scale (3亿 = 300 million -> 3 billion) passes that test or fails it
with a vague message. Here the source's percentages (3%, 百分之三, 3个百分点)
must come with a percent word in the English, and amounts written with 万/亿
must come in the same value, whatever the scale word (300 million, 0.3 billion).
"""

from __future__ import annotations

import re
from collections import Counter
from decimal import Decimal

from bilingual.check.base import Finding, Unit, excerpt
from bilingual.check.english_numbers import scaled_number, scales, target_counts, target_values, word_numbers
from bilingual.check.numbers import SourceNumber, source_numbers

_PERCENT_AFTER = re.compile(r"^\s*(?:[%％]|个?百分点)")
_POINTS_AFTER = re.compile(r"^\s*个?百分点")
_EN_PERCENT = re.compile(
    r"(?<![\w.])(\d[\d,]*(?:\.\d+)?)\s*(?:%|％|-?\s*per\s*-?cent(?:age)?(?:\s+points?)?|pc\b|percentage\s+points?"
    r"|points?\b)", re.IGNORECASE)
# The first number of a range written with a dash whose last carries the percent (15-30%, 15–30 percent) shares
# it. Not "from 10 to 5%": a percent left off the first of two numbers is a dropped unit (planting's units family).
_EN_RANGE_PERCENT = re.compile(r"(?<![\w.])(\d[\d,]*(?:\.\d+)?)\s*[-–]\s*"
                               r"(?=\d[\d,]*(?:\.\d+)?\s*(?:%|％|per\s*-?cent))", re.IGNORECASE)
_EN_SPELLED_PERCENT = re.compile(r"((?:[A-Za-z]+[\s-]+){1,4})(?:per\s*-?cent|percentage points?)", re.IGNORECASE)
# An amount may follow a currency's code with no space (GBP32 million, RMB280 million, JPY5 million).
_AMOUNT_BEFORE = r"(?:(?<![\w.,])|(?<=\b(?-i:[A-Z]{3})))"
_SCALED = re.compile(r"[万亿]$")


def findings(units: list[Unit]) -> list[Finding]:
    """unit.percent and unit.scale findings, unit by unit."""
    out: list[Finding] = []
    for u in units:
        if not u.en.strip():
            continue
        numbers = source_numbers(u.source)
        if not numbers:
            continue
        percents = english_percents(u.en)  # each English percentage renders one source percentage
        amounts = english_amounts(u.en)
        mentions = target_counts(u.en)  # a percentage's value, said with or without its percent word
        present = target_values(u.en, mentions)  # before _percent uses mentions up
        for n in numbers:
            if is_percent(u.source, n):  # "a" or "once" never renders a percentage
                out += _percent(u, n, percents, mentions)
            elif n.digits and _SCALED.search(n.text):
                out += _scale(u, n, amounts, present)
    return out


def is_percent(source: str, n: SourceNumber) -> bool:
    """The source number is a percentage: 百分之三, 3%, 3个百分点 (千分之一 is one in a thousand: a fraction)."""
    return n.text.startswith("百分之") or bool(_PERCENT_AFTER.match(source[n.start + len(n.text):]))


def english_percents(en: str) -> Counter:
    """Values the English gives as percentages (3%, 3 percent, three per cent, 3 percentage points), each as
    often as it is given: 接近 70％…70％ needs two."""
    values = Counter(Decimal(m.group(1).replace(",", "")) for pattern in (_EN_PERCENT, _EN_RANGE_PERCENT)
                     for m in pattern.finditer(en))
    for m in _EN_SPELLED_PERCENT.finditer(en):
        values.update({v for v in word_numbers(re.split(r"[\s-]+", m.group(1).lower().strip()))
                       if isinstance(v, Decimal)})
    return values


def english_amounts(en: str) -> list[tuple[Decimal, Decimal, str]]:
    """(value, mantissa, text as written) of every number in the English, scale words applied."""
    out = []
    for m in scaled_number(_AMOUNT_BEFORE).finditer(en):
        mantissa = Decimal(m.group(1).replace(",", "") + (m.group(2) or ""))
        scale = scales().get((m.group(3) or "").lower(), 1)
        out.append((mantissa * scale, mantissa, m.group(0)))
    return out


def _percent(u: Unit, n: SourceNumber, percents: Counter, mentions: Counter) -> list[Finding]:
    """A finding when the English gives the value without a percent word; each English mention answers one
    source percentage (接近 70％…70％ needs two)."""
    values = sorted(v for v in n.accepted if isinstance(v, Decimal))
    given = next((v for v in values if percents[v] > 0), None)
    if given is not None:
        percents[given] -= 1
        mentions[given] -= 1
        return []
    bare = next((v for v in values if mentions[v] > 0), None)
    if bare is None:
        return []  # missing altogether (numbers.py says so)
    mentions[bare] -= 1
    what = "percentage points" if _POINTS_AFTER.match(u.source[n.start + len(n.text):]) else "a percentage"
    value = min(values)
    mark = _written(u.en, value)
    return [Finding(u.id, "unit.percent", "error", excerpt(u.source, n.text), excerpt(u.en, mark),
                    f"'{n.text}' is {what}, but the English gives {mark or value} without '%' or 'percent'",
                    f"write {value}%" if what == "a percentage" else f"write {value} percentage points",
                    source_mark=n.text, target_mark=mark)]


def _scale(u: Unit, n: SourceNumber, amounts: list[tuple[Decimal, Decimal, str]], present: set) -> list[Finding]:
    values = {v for v in n.accepted if isinstance(v, Decimal)}
    if values & present:
        return []
    digits = Decimal(re.sub(r"[^\d.]", "", n.text.translate({0xFF10 + i: str(i) for i in range(10)})) or "0")
    for value, mantissa, written in amounts:
        for v in values:
            if value and v and (mantissa == digits or _power_of_ten(value / v)):
                return [Finding(u.id, "unit.scale", "error", excerpt(u.source, n.text), excerpt(u.en, written),
                                f"'{n.text}' is {_words(v)}, but the English says '{written}'",
                                f"write {_words(v)}", source_mark=n.text, target_mark=written)]
    return []


def _power_of_ten(ratio: Decimal) -> bool:
    if ratio <= 0 or ratio == 1:
        return False
    exponent = ratio.log10()
    return abs(exponent - round(exponent)) < Decimal("1e-9")


def _words(v: Decimal) -> str:
    """300000000 -> '300 million'; 50000 -> '50,000'."""
    for name, size in (("trillion", 10**12), ("billion", 10**9), ("million", 10**6)):
        if v >= size:
            return f"{format((v / size).normalize(), 'f')} {name}"
    return f"{int(v):,}" if v == int(v) else format(v.normalize(), "f")


def _written(en: str, value: Decimal) -> str:
    """The English text of the first number equal to `value`, as written."""
    for amount, _mantissa, written in english_amounts(en):
        if amount == value:
            return written
    return ""
