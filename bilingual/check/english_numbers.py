"""The English side of the number check: every value an English text states, however it is written.

Digits with scale words ("3.2 million", "£32m", "6-7 million"), dates, spelled-out
numbers ("two hundred and five", "sixth", "the sixties"), months, weekdays,
Roman numerals, fractions for percentages ("half") and the words that stand
for a small number ("both", "twice", "a decade"). The words are data:
bilingual/data/check/english_numbers.toml. numbers.py reads the Chinese side.
"""

from __future__ import annotations

import re
from collections import Counter
from decimal import Decimal
from functools import cache, lru_cache

from bilingual import datafiles

FULLWIDTH = {0xFF10 + i: str(i) for i in range(10)} | {ord("％"): "%", ord("．"): "."}
DATE = re.compile(r"(?<![\d.])(\d{4})[./-](\d{1,2})[./-](\d{1,2})(?![\d.])")
MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august", "september",
          "october", "november", "december"]
WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
# Digits a number may have to be checked: Python refuses int <-> str past 4,300 digits, and no
# article states a 100,000-digit amount (a run of digits that long is data, not a number).
MAX_DIGITS = 100
# The value a source number gives beside its digits when it is a day's 24 hours (24 小时): English often
# says it without the number ("round-the-clock"), and such a phrase answers it.
ALL_DAY = ("span", "all day")


def dec(v: int | float | str | Decimal) -> Decimal:
    return Decimal(str(v))


def _table() -> dict:
    return datafiles.toml("check/english_numbers.toml")  # read once per process (datafiles caches it)


@lru_cache(maxsize=1)
def scales() -> dict[str, int]:
    """Every scale word and its short form after digits (million, m, bn ...): its multiplier."""
    return _table()["scales"] | _table()["short_scales"]


def scale_pattern() -> str:
    """A regular expression alternative of the scale words, longest first (mn before m)."""
    return "|".join(re.escape(w) for w in sorted(scales(), key=len, reverse=True))


def shares(value: Decimal) -> set:
    """The fraction a percentage may be written as in English (50 -> "half"), as a value."""
    name = _table()["shares"].get(format(value.normalize(), "f"))
    return {("share", name)} if name else set()


def says_half(source: str) -> bool:
    """The Chinese text holds a word English says with "half" (一半, 减半, 上半年: english_numbers.toml)."""
    return any(w in source for w in _table()["half"]["words"])


_UNITS = {w: i for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
    "sixteen seventeen eighteen nineteen".split())}
_TENS = {w: 10 * i for i, w in enumerate("_ _ twenty thirty forty fifty sixty seventy eighty ninety".split())
         if w != "_"}
_ORDINALS = {w: i + 1 for i, w in enumerate(
    "first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth thirteenth "
    "fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth".split())}
_ORDINALS |= {w[:-1] + "ieth": v for w, v in _TENS.items()}
_ORDINALS |= {w + "ly": v for w, v in list(_ORDINALS.items()) if v <= 10}  # firstly … tenthly: 六是 -> "Sixthly"
_DECADES = {w[:-1] + "ies": v for w, v in _TENS.items()}
_ROMAN = {r: i for i, r in enumerate(
    "_ I II III IV V VI VII VIII IX X XI XII XIII XIV XV XVI XVII XVIII XIX XX".split()) if r != "_"}
_MONTH_ABBR = {m[:3]: i for i, m in enumerate(MONTHS)} | {"sept": 8}
_WEEKDAY_ABBR = {d[:3]: i for i, d in enumerate(WEEKDAYS)} | {"tues": 1, "thur": 3, "thurs": 3}
_WORD = re.compile(r"[A-Za-z]+")
_RANGE = re.compile(r"\s*(?:-|–|—|to)\s*")  # between the two numbers of a range: 6-7 million, 6 to 7 million
_DOTTED_TIME = re.compile(r"(?<![\d.])(\d{1,2})\.([0-5]\d)\s?(?:am|pm|a\.m\.|p\.m\.)(?!\w)", re.IGNORECASE)
_SHARE = re.compile(r"\b(?:(?:a|one|two|three)[\s-]+)?(?:half|halves|thirds?|quarters?)(?![\w-])", re.IGNORECASE)


@cache
def scaled_number(before: str = r"(?<![\d,])(?<!\d\.)") -> re.Pattern:
    """Digits, decimals and a scale word after them ("3.2 million", "£32m"): groups digits, decimals, scale.
    `before` is what may stand before the digits (units.py lets a currency code touch them: GBP32 million)."""
    return re.compile(rf"{before}(\d{{1,3}}(?:,\d{{3}})+|\d+)(\.\d+)?(?:\s*-?\s*({scale_pattern()})\b)?",
                      re.IGNORECASE)


@lru_cache(maxsize=1)
def _all_day() -> re.Pattern:
    """The whole-day phrases: a space in one is any whitespace, a hyphen a hyphen or a space."""
    phrases = (re.escape(p).replace(r"\ ", r"\s").replace(r"\-", r"[\s-]") for p in _table()["all_day"]["phrases"])
    return re.compile(rf"\b(?:{'|'.join(phrases)})\b", re.IGNORECASE)


def target_values(text: str, counts: Counter | None = None) -> set:
    """The set of numeric values, months and weekdays an English text mentions (`counts`: its target_counts,
    when the caller has them already)."""
    counts = target_counts(text) if counts is None else counts
    return set(counts) | set(target_counts(text, loose=True) - counts)


def multiple_counts(text: str) -> Counter:
    """How often the English gives each multiple by a word (doubled, threefold: english_numbers.toml)."""
    multiples = _table()["multiples"]
    return Counter(dec(multiples[w]) for w in (w.lower() for w in _WORD.findall(text)) if w in multiples)


# A fraction in digits (2/3), in the English and in the source (numbers.py), not a date's run of slashes.
SLASH_FRACTION = re.compile(r"(?<![\d/.])(\d{1,2}) ?/ ?(\d{1,2})(?![\d/.])")


# A race time (1:57.79, 3:51.659): minutes, seconds and their fraction, as 1分57秒79 gives 1, 57 and 79.
_RACE_TIME = re.compile(r"(?<![\d.:])(\d{1,2}):([0-5]\d)\.(\d{1,3})(?![\d:]|\.\d)")
# A month and its day (July 19, 19 July, Aug. 11): the date a quoted event names (“7.19”洪灾), both parts at once.
_MONTH_NAME = "(?:" + "|".join(sorted({m.capitalize() for m in [*MONTHS, *_MONTH_ABBR]}, key=lambda m: (-len(m), m))) \
              + r")\.?"
_MONTH_DAY = re.compile(rf"\b({_MONTH_NAME})\s+(\d{{1,2}})\b(?![\d:])|\b(\d{{1,2}})\s+({_MONTH_NAME})(?!\w)")


def target_counts(text: str, *, loose: bool = False) -> Counter:
    """How often the English mentions each value. `loose` counts only the words that stand for a
    small number without being numerals (a, once, both, twice, dozen): a number the source writes
    in digits needs a numeral."""
    text = text.translate(FULLWIDTH)
    words = _WORD.findall(DATE.sub(" ", text))
    if loose:
        return Counter(word_numbers([w.lower() for w in words], specials_only=True))
    values: list = []
    for m in DATE.finditer(text):
        values += [dec(int(g)) for g in m.groups()] + [("month", int(m.group(2)))]
    text = DATE.sub(" ", text)
    values += [("yy", int(y)) for y in re.findall(r"(?:['’]|\bFY)(\d{2})\b", text)]  # '98, FY18
    values += [dec(_ROMAN[w]) for w in re.findall(r"\b[IVX]{2,5}\b", text) if w in _ROMAN]  # Volume II
    values += _english_shares(text)
    values += [("fraction", int(a), int(b)) for a, b in SLASH_FRACTION.findall(text)]  # 2/3, as the source writes it
    values += [ALL_DAY] * len(_all_day().findall(text))
    for h, mm in _DOTTED_TIME.findall(text):
        values += [dec(int(h)), dec(int(mm))]  # 9.30am: nine thirty, as 上午9:30 gives 9 and 30
    for race in _RACE_TIME.findall(text):
        values += [dec(int(part)) for part in race]
    text = _RACE_TIME.sub(" ", text)  # its minutes are not a number of their own too
    for m in _MONTH_DAY.finditer(text):
        month, day = (m.group(1), m.group(2)) if m.group(1) else (m.group(4), m.group(3))
        values.append(("monthday", _month_number(month.lower().rstrip(".")), int(day)))
    multipliers = scales()
    previous = None  # the last number without a scale, and where it ended
    for m in scaled_number().finditer(text):
        if len(m.group(0)) > MAX_DIGITS:
            continue
        value = dec(m.group(1).replace(",", "") + (m.group(2) or ""))
        values.append(value)
        if m.group(3):
            multiplier = multipliers[m.group(3).lower()]
            values.append(value * multiplier)
            if previous and _RANGE.fullmatch(text, previous[1], m.start()):
                values.append(previous[0] * multiplier)  # RUB6-7 million: six million to seven million
        previous = None if m.group(3) else (value, m.end())
    for w in words:
        low = w.lower()
        if w[0].isupper() and low in MONTHS + ["sept"] or low.rstrip(".") in _MONTH_ABBR and w[0].isupper():
            values.append(("month", _month_number(low)))
        low = low[:-1] if low.endswith("days") else low  # on Wednesdays
        if w[0].isupper() and (low in WEEKDAYS or low in _WEEKDAY_ABBR):
            values.append(("weekday", (WEEKDAYS.index(low) if low in WEEKDAYS else _WEEKDAY_ABBR[low]) + 1))
    values += word_numbers([w.lower() for w in words])
    return Counter(values)


def _english_shares(text: str) -> list:
    """The fractions an English text names: half, a quarter, three quarters, a third, two thirds ("the third
    quarter" is no share: a quarter or third needs a count before it; "half-jokingly" is a word of its own)."""
    out = []
    for m in _SHARE.finditer(text):
        words = m.group().lower().replace("-", " ").split()
        last = words[-1].rstrip("s") if words[-1] != "halves" else "half"
        if last == "half":
            out.append(("share", "half"))
        elif len(words) == 2:
            count = words[0]
            name = {"third": {"two": "two thirds"}, "quarter": {"three": "three quarters"}}[last].get(count, last)
            if count in ("a", "one") or name != last:
                out.append(("share", name))
    return out


def _month_number(low: str) -> int:
    return MONTHS.index(low) + 1 if low in MONTHS else _MONTH_ABBR[low.rstrip(".")] + 1


_FRACTIONS = ("half", "halves", "third", "thirds", "quarter", "quarters")


def _fraction_before(words: list[str], i: int) -> bool:
    """Whether the article words[i] follows a fraction (half a century, a quarter of a century): the group
    after it is then the fraction's whole, not a count of its own."""
    before = words[max(0, i - 2):i]
    return before[-1:] == ["half"] or (before[-1:] == ["of"] and before[0] in _FRACTIONS)


def word_numbers(words: list[str], *, specials_only: bool = False) -> list:
    """Values of spelled-out numbers: 'twenty-five', 'two hundred and five', 'sixth', 'sixties';
    with `specials_only`, only the words that stand for a small number (a, once, twice, dozen)."""
    big, groups, special = _table()["scales"], _table()["groups"], _table()["special"]
    values: list = []
    specials: list = []
    total = current = 0
    in_number = False

    def flush() -> None:
        nonlocal total, current, in_number
        if in_number:
            values.append(dec(total + current))
        total = current = 0
        in_number = False

    for i, w in enumerate(words):
        nxt = words[i + 1] if i + 1 < len(words) else ""
        if w in _UNITS:
            current += _UNITS[w]
            in_number = True
        elif w in _TENS:
            current += _TENS[w]
            in_number = True
        elif w in big and in_number:
            mult = big[w]
            if mult == 100:
                current = (current or 1) * 100
            else:
                total += (current or 1) * mult
                current = 0
            in_number = True
        elif w == "and" and in_number and i and words[i - 1] in big and (nxt in _UNITS or nxt in _TENS):
            continue  # two hundred and five; but "three and four" are two numbers
        elif w in _ORDINALS and in_number and current >= 20 and current % 10 == 0 and _ORDINALS[w] < 10:
            if w == "second":  # a thirty-second advert (30秒) is a count of seconds as well as the 32nd
                values.extend((dec(total + current), dec(_ORDINALS[w])))
            current += _ORDINALS[w]  # twenty-fifth (第二十五次): the ordinal ends the number
            flush()
        elif w in groups and in_number:
            values.append(dec((total + current) * groups[w]))  # two decades: 20, and the 2 as written
            flush()
        else:
            flush()
            if w in _ORDINALS:
                values.append(dec(_ORDINALS[w]))
            elif w in _DECADES:
                values.append(dec(_DECADES[w]))
            elif w in special:
                # "a million" is a number; "a" alone still stands for 1, loosely.
                if nxt in big:
                    current, in_number = special[w], True
                elif nxt in groups and special[w] == 1 and not _fraction_before(words, i):
                    # "a century" is 100 years as "one century" is (100多年), and still "a" (1个世纪); "half a
                    # century" is no 100
                    values.append(dec(groups[nxt]))
                    specials.append(dec(special[w]))
                else:
                    specials.append(dec(special[w]))
    flush()
    return specials if specials_only else values
