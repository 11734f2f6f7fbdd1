"""Numbers and dates: every number in the source must appear in the English in some accepted form.

Both sides are reduced to values (Decimal, so 13.21万亿 and "13.21 trillion"
compare exactly) plus month and weekday names; a source number is present when
any of its accepted values occurs in the English. Chinese numerals are parsed
with cn2an (a maintained library); what it does not cover (Arabic digits with
万/亿 multipliers, 百分之, decades, months, weekdays) is small and handled here.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from functools import lru_cache

from bilingual import datafiles
from bilingual.check.base import Finding, Unit, excerpt
from bilingual.check.english_numbers import (
    ALL_DAY,
    DATE,
    FULLWIDTH,
    MAX_DIGITS,
    MONTHS,
    SLASH_FRACTION,
    WEEKDAYS,
    dec,
    multiple_counts,
    says_half,
    shares,
    target_counts,
)

_CN_DIGITS = "零〇一二两三四五六七八九"
# Latin Os or circles written for 〇 after a Chinese digit, up to another digit or 年 (六O二厂, Factory 602;
# 二○○八年; 一九九O年 and 二○○○年, whose zeros end the year): zeros, the run as long as it is.
_ZERO = "OoＯ○◯"
_ZERO_LIKE = re.compile(rf"(?<=[{_CN_DIGITS}])[{_ZERO}]+(?=[{_CN_DIGITS}年])")
# Multipliers written after a decimal (七点五万 is 75,000), the longest first.
_DECIMAL_SCALES = ("万亿", "亿", "万")
_CN_RUN = re.compile(rf"[{_CN_DIGITS}十][{_CN_DIGITS}十百千万亿]*"
                     rf"(?:点[{_CN_DIGITS}]+(?:{'|'.join(_DECIMAL_SCALES)})?)?")
_MULT = {"十": 10, "百": 100, "千": 1000, "万": 10**4, "十万": 10**5, "百万": 10**6, "千万": 10**7,
         "亿": 10**8, "十亿": 10**9, "百亿": 10**10, "千亿": 10**11, "万亿": 10**12}
# 多/余 between a number and its multiplier (1590多亿 "more than 159 billion", 30余万) leave the value as it is.
_ARABIC = re.compile(r"(?<![\d,])(?<!\d\.)(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?"
                     r"(?: ?[多余]?(万亿|[十百千]?亿|[十百千]?万|[百千]))?")
# Not after a numeral: 三百分之一 is one in three hundred (a fraction, below), not 1%.
_PERCENT = re.compile(rf"(?<![{_CN_DIGITS}十百千万\d])百分之([{_CN_DIGITS}十百千点]+)")
# Any other fraction, X分之Y (三分之二 two thirds, 千分之一 one in a thousand), and tenths, N成 (两成 20%, 七八成
# 70-80%) where a clause goes on or ends after them (成 starts words too: 成为, 一成不变).
_FRACTION = re.compile(rf"([{_CN_DIGITS}十百千万]+|\d+)分之([{_CN_DIGITS}十点]+|\d+)")
# A fraction in digits (english_numbers.SLASH_FRACTION: 约占居民负债的2/3, two thirds) is none after 第 or before a
# unit of time or order: 第3/4季度 (the third and fourth quarters), 9/10月.
_NOT_FRACTION_AFTER = re.compile(r" ?[季月日号期届周年天版楼层]")
_TENTHS = re.compile(rf"(?<![{_CN_DIGITS}十百千万\d])([一二两三四五六七八九]{{1,2}})成")
# What may follow tenths at once; before any other word, 成 must end a word of the word cut (六成|车票, 60 % of the
# tickets; not 三|成为, 三|成本, 一成不变).
_AFTER_TENTHS = re.compile(r"以上|以下|左右|多|的|[，。、；：！？,.;:!?）)」”\s]|$")
# Tenths written N分 in a saying (一分部署、九分落实: 10 % deployment, 90 % implementation; 七分饱): a count of
# points, minutes or cents too (九分 stays 9), never 分之, 分钟, 分别 and the other words 分 starts, nor the
# idioms 一分为二 (to split in two, to see both sides) and 四分五裂, 一分一秒 (a digit right after 分).
_TENTHS_FEN = re.compile(rf"(?<![{_CN_DIGITS}十百千万\d点])([一二三四五六七八九])分"
                         r"(?![之钟别析子开配散布享手工裂化队期批为一二三四五六七八九])")
# The first number of a range whose last carries the multiplier (600-700万, 3至5亿): the multiplier is shared.
_RANGE_SCALE = re.compile(r"\s*(?:-|~|～|—|–|至|到)\s*(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)? ?"
                          r"(万亿|[十百千]?亿|[十百千]?万)")
_WEEKDAY = re.compile(r"(?<![每0-9一二三四五六七八九十两])(?:周|星期|礼拜)([一二三四五六日天])")
_WEEKDAY_NUM = {"一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "日": 7, "天": 7}
# A digit right after Latin letters, or after them and a hyphen, is part of a designation (HMX-1, G7,
# COVID-19): the English writes it as the source does, never as the article "a".
_DESIGNATION = re.compile(r"[A-Za-z][-‐–]?$")
# A date that names an event, quoted (“8·11”汇改, the 11 August reform; “7.19洪灾”, the 19 July flood): English
# writes it 8.11, 9/11 or July 19, so it is one number, answered by its dotted form, a slash or month and day.
_QUOTED_DATE = re.compile(r"(?<=[“「『\"‘'])(\d{1,2})[·・•.](\d{1,2})(?![\d.])")
# An English name the source quotes in brackets after its Chinese one (《1983年人民代表法》 (Representation of
# the People Act 1983)): a gloss of words, whose numbers, when the Chinese just before gives them, are not
# counted again.
_LATIN_GLOSS = re.compile(r"[(（]\s*[A-Za-z][\w'’.&-]*(?:\s+[\w'’.&-]+)+\s*[)）]", re.ASCII)
_GLOSS_REACH = 40  # characters before the gloss in which the Chinese name's numbers are looked for


@dataclass
class SourceNumber:
    """A number found in the source, the text it came from, and what counts as rendering it."""

    text: str
    accepted: set = field(default_factory=set)
    digits: bool = True  # written in Arabic digits (certain) rather than Chinese numerals
    start: int = 0  # where `text` starts in the source
    kind: str = ""  # what the characters after it make of it (_kind_after): year, month, day, decade...
    # (value, English unit pattern): the number converted into another unit (3万亩 -> 2,000 hectares), a
    # rendering only where the English names that unit (_converted); no value of the number's own (describe)
    converted: set = field(default_factory=set)

    def renderings(self, en: str) -> list:
        """What renders the number in the English `en`, a month or weekday first, a converted value last."""
        own = sorted(self.accepted, key=lambda v: not isinstance(v, tuple))
        return own + [v for v, unit in self.converted if unit.search(en)]

    def describe(self) -> str:
        plain = sorted((_fmt(v) for v in self.accepted if isinstance(v, Decimal)), key=len)
        named = [v for v in self.accepted if isinstance(v, tuple) and v[0] in ("month", "weekday")]
        names = sorted((MONTHS if kind == "month" else WEEKDAYS)[n - 1].capitalize() for kind, n in named)
        return " or ".join(names + plain[:2])


def _fmt(v: Decimal) -> str:
    if v == v.to_integral_value() and v.adjusted() < MAX_DIGITS:
        n = int(v)
        return f"{n:,}" if n >= 10000 else str(n)
    return format(v.normalize(), "f") if v.adjusted() < MAX_DIGITS else format(v, "E")


@lru_cache(maxsize=1)
def _not_numbers() -> tuple[str, ...]:
    return tuple(sorted(datafiles.lines("check/numeral_words.txt"), key=len, reverse=True))


def _cn_value(run: str) -> Decimal | None:
    import cn2an

    scale = next((m for m in _DECIMAL_SCALES if "点" in run and run.endswith(m)), "")
    try:  # cn2an reads 七点五 but not 七点五万 (75,000): the multiplier after a decimal is applied here
        value = dec(cn2an.cn2an(run[:len(run) - len(scale)], "normal"))
    except (ValueError, KeyError, IndexError, InvalidOperation):
        return None
    return value * _MULT[scale] if scale else value


# A number listed before another, the unit written once after the last (9、10月份: September and October).
_LISTED = re.compile(rf"\s*[、和与及至到~～—-]\s*(?:\d+|[{_CN_DIGITS}十]+)")


def _kind_after(text: str, end: int) -> str:
    """What the characters after a number make of it: a century, a decade, a year, a month, a day, an hour, a
    multiple (倍), a birth-decade generation (80后), or a plain count (""). A number listed before another takes
    the kind of the last (9、10月份: two months)."""
    if listed := _LISTED.match(text, end):
        return _kind_after(text, listed.end())
    after = text[end:end + 5].lstrip(" ")  # 10 月: a space between digits and Chinese is common
    if after.startswith("世纪"):
        return "century"
    if after.startswith("年代"):
        return "decade"
    if after.startswith(("年", "财年")):
        return "year"
    if after.startswith("月"):
        return "month"
    if after.startswith(("日", "号")):
        return "day"
    if _HOUR.match(after):
        return "hour"
    if after.startswith("倍"):
        return "times"
    if after.startswith("后"):
        return "generation"  # 80后, 90后: those born in the 1980s, the 1990s
    return ""


# The kinds of a number before 倍 (_kind_of): a multiple, which English may give by a word (doubled, threefold).
MULTIPLES = ("times", "product")


def _kind_of(text: str, start: int, end: int) -> str:
    """_kind_after for the number text[start:end], a multiple told apart by what stands around it: one the
    source states as the product (A是B的2倍, 的两倍, 2倍于B: "product") from one that may count the increase
    (高1倍, 增长了2倍: "times", which English may give as the product, 2 or 3)."""
    kind = _kind_after(text, end)
    if kind == "times" and (text[start - 1:start] in ("的", "是")
                            or text.startswith("倍于", text.find("倍", end))):
        return "product"
    return kind


# 1 点左右 (at about 1am), 8点钟: a time of day. Not 3点建议 (three suggestions), where 点 counts things.
_HOUR = re.compile(r"点(?:钟|左右|多|半|整|前|后|[0-9０-９]|[，。；,.;\s]|$)")


def _accept(value: Decimal, kind: str) -> set:
    accepted = {value}
    if kind == "decade":
        accepted |= {value % 100, 1900 + value % 100, 2000 + value % 100}
        if 1 <= value <= 9 and value == int(value):  # 7、80年代: a lone digit listed before a decade is its tens
            accepted |= {value * 10, 1900 + value * 10, 2000 + value * 10}
    elif kind == "year" and 1000 <= value <= 2999:
        accepted.add(("yy", int(value % 100)))  # FY18, '98
    elif kind == "century" and 1 <= value <= 30:
        accepted |= {(value - 1) * 100}  # 21世纪初: the early 2000s
    elif kind == "month" and 1 <= value <= 12 and value == int(value):
        accepted.add(("month", int(value)))
    elif kind == "generation" and 0 <= value < 100 and value % 5 == 0:
        accepted |= {1900 + value, 2000 + value}  # 80后: "the post-80s", "born in the 1980s"; 00后: the 2000s
    elif kind == "times":
        accepted.add(value + 1)  # 高1倍 is "twice as high": Chinese may count the increase, English the product
    return accepted


def source_numbers(text: str) -> list[SourceNumber]:
    """Every number, year, month, weekday, percentage and amount in a Chinese text.

    Each one's `text` is exactly as the source writes it (full-width digits
    included), so a proofreader's tool can highlight it.
    """
    original, text = text, _ZERO_LIKE.sub(lambda m: "〇" * len(m.group()), text.translate(FULLWIDTH))
    taken = [False] * len(text)
    found: list[tuple[int, SourceNumber]] = []

    def free(a: int, b: int) -> bool:
        return not any(taken[a:b])

    def take(a: int, b: int) -> None:
        taken[a:b] = [True] * (b - a)

    for word in _not_numbers():
        for m in re.finditer(re.escape(word), text):
            before = text[m.start() - 1] if m.start() else ""
            if before and (word[0] in "百千万亿" and (before in _CN_DIGITS + "十" or before.isdigit())
                           or word[0] == "十" and before in "二两三四五六七八九"):
                # 两千万, 3千万: the multiplier of a number, not the adverb 千万 ("by all means"); 三十分钟,
                # 四时三十分: thirty minutes, not the adverb 十分 ("very"); 二十几: twenty-odd, no 十几 (a dozen
                # or so) after a lone 2 (left unchecked, as 二十多 is). Not after 一 (这一十分重要: "this very
                # important") nor a digit (COVID-19十分危险)
                continue
            if (fraction := _FRACTION.match(text, m.start())) and fraction.end() > m.end():
                continue  # 十分之一, 二十分之一: a fraction's denominator, not the adverb 十分 ("very")
            take(m.start(), m.end())
    for m in _LATIN_GLOSS.finditer(text):
        before = text[max(0, m.start() - _GLOSS_REACH):m.start()]
        if all(re.search(rf"(?<!\d){n}(?!\d)", before) for n in re.findall(r"\d+", m.group())):
            take(m.start(), m.end())
    for m in _QUOTED_DATE.finditer(text):
        month, day = int(m.group(1)), int(m.group(2))
        if 1 <= month <= 12 and 1 <= day <= 31 and free(m.start(), m.end()):
            take(m.start(), m.end())
            accepted = {Decimal(f"{m.group(1)}.{m.group(2)}"), ("fraction", month, day), ("monthday", month, day)}
            found.append((m.start(), SourceNumber(m.group(0), accepted)))
    for m in DATE.finditer(text):
        take(m.start(), m.end())
        y, mo, d = (dec(int(g)) for g in m.groups())
        found += [(m.start(1), SourceNumber(m.group(1), _accept(y, "year"))),
                  (m.start(2), SourceNumber(m.group(2), _accept(mo, "month"))),
                  (m.start(3), SourceNumber(m.group(3), {d}))]
    for m in _WEEKDAY.finditer(text):
        if free(m.start(), m.end()):
            take(m.start(), m.end())
            found.append((m.start(), SourceNumber(m.group(0), {("weekday", _WEEKDAY_NUM[m.group(1)])}, False)))
    for m in _PERCENT.finditer(text):
        if free(m.start(), m.end()) and (v := _cn_value(m.group(1))) is not None:
            take(m.start(), m.end())
            found.append((m.start(), SourceNumber(m.group(0), {v} | _shares(v, text), False)))
    for m in _FRACTION.finditer(text):
        whole, part = _cn_or_digits(m.group(1)), _cn_or_digits(m.group(2))
        if free(m.start(), m.end()) and whole and part is not None:
            take(m.start(), m.end())
            accepted = _as_percent(100 * part / whole, text) | {part / whole}
            if part == 1:
                accepted.add(whole)  # 千分之一: one in a thousand
            found.append((m.start(), SourceNumber(m.group(0), accepted, m.group(1).isdigit())))
    for m in SLASH_FRACTION.finditer(text):
        part, whole = int(m.group(1)), int(m.group(2))
        if (free(m.start(), m.end()) and 0 < part < whole <= 12 and text[m.start() - 1:m.start()] != "第"
                and not _NOT_FRACTION_AFTER.match(text, m.end())):
            take(m.start(), m.end())
            value = dec(part) / dec(whole)
            accepted = _as_percent(100 * value, text) | {value, ("fraction", part, whole)}
            found.append((m.start(), SourceNumber(m.group(0), accepted)))
    for m in _TENTHS.finditer(text):
        if free(m.start(), m.end()) and (_AFTER_TENTHS.match(text, m.end()) or _word_ends(text, m.end())):
            take(m.start(), m.end())
            accepted = set().union(*(_as_percent(10 * v, text) | {v / 10} for v in map(_cn_value, m.group(1))))
            found.append((m.start(), SourceNumber(m.group(0), accepted, False)))
    for m in _TENTHS_FEN.finditer(text):
        if free(m.start(), m.end()) and (v := _cn_value(m.group(1))) is not None:
            take(m.start(), m.end())
            found.append((m.start(), SourceNumber(m.group(0), {v} | _as_percent(10 * v, text), False)))
    for m in _ARABIC.finditer(text):
        if not free(m.start(), m.end()):
            continue
        end = m.end()
        multiplier = m.group(3)
        if multiplier and text.startswith(_metric_units(), m.start(3)):
            end, multiplier = m.end(2) if m.group(2) else m.end(1), None  # 10千米 is 10 km, not 10,000 米
        take(m.start(), end)
        if end - m.start() > MAX_DIGITS:
            continue
        value = dec(m.group(1).replace(",", "") + (m.group(2) or ""))
        if multiplier:
            value *= _MULT[multiplier]
        kind = _kind_of(text, m.start(), end)
        accepted = _accept(value, kind)
        if not multiplier and (shared := _RANGE_SCALE.match(text, end)):
            accepted.add(value * _MULT[shared.group(1)])  # 600-700万: six to seven million
        if text[end:end + 1] == "%":
            accepted |= _shares(value, text)
        if value == 24 and text[end:end + 3].lstrip(" ").startswith("小时"):
            accepted.add(ALL_DAY)  # 24 小时免费电话 -> "numbers always available"
        found.append((m.start(), SourceNumber(text[m.start():end], accepted, kind=kind)))
    for m in _CN_RUN.finditer(text):
        a, b = m.span()
        while a < b and taken[a]:
            a += 1
        while b > a and taken[b - 1]:
            b -= 1
        run = text[a:b]
        if not run or not free(a, b) or len(run) > MAX_DIGITS or _inside_word(text, a, b):
            continue
        take(a, b)
        found += [(a, n) for n in _cn_numbers(run, _kind_of(text, a, b))]
    for at, n in found:
        n.converted = _converted(n.accepted, text, at + len(n.text))
        n.text = original[at:at + len(n.text)]  # FULLWIDTH maps one character to one
        n.start = at
    return _centuries_with_decades(original, [n for _, n in sorted(found, key=lambda x: x[0])])


def _converted(accepted: set, text: str, end: int) -> set[tuple[Decimal, re.Pattern]]:
    """The values in `accepted` in the units a translator converts the source's unit at `end` into (亩 ->
    hectares, acres), each with the pattern of that unit's English name, rounded as a writer rounds (half
    up): to a whole number and to 2 and 3 significant figures."""
    unit = next((u for u in _unit_conversions() if text.startswith(u[0], end)), None)
    if unit is None:
        return set()
    out = set()
    for value in (v for v in accepted if isinstance(v, Decimal) and v):
        for factor, english in unit[1]:
            v = value * factor
            rounded = {v.to_integral_value(ROUND_HALF_UP)}
            rounded |= {v.quantize(Decimal(1).scaleb(v.adjusted() - f + 1), ROUND_HALF_UP) for f in (2, 3)}
            out |= {(r.normalize(), english) for r in rounded if r}
    return out


@lru_cache(maxsize=1)
def _unit_conversions() -> tuple[tuple[str, tuple[tuple[Decimal, re.Pattern], ...]], ...]:
    def english(words: list[str]) -> re.Pattern:
        return re.compile(rf"(?<![a-z])(?:{'|'.join(map(re.escape, words))})s?(?![a-z])", re.IGNORECASE)

    units = datafiles.toml("check/unit_conversions.toml")["unit"]
    pairs = [(u["source"], tuple((Decimal(str(i["factor"])), english(i["english"])) for i in u["into"]))
             for u in units]
    return tuple(sorted(pairs, key=lambda u: -len(u[0])))  # a unit before a shorter one it starts with


def _cn_or_digits(run: str) -> Decimal | None:
    """The value of a run of digits or of Chinese numerals, a bare multiplier included (千分之一: 1000)."""
    if run.isdigit():
        return dec(int(run))
    return dec(_MULT[run]) if run in _MULT else _cn_value(run)


def _as_percent(value: Decimal, text: str) -> set:
    """A share of 100 as the English may write it: exactly, to one decimal or to a whole percent (66.7, 67), or
    by its name (two thirds)."""
    rounded = {value} | {r.normalize() for r in (value.quantize(Decimal("0.1")), value.quantize(Decimal("1"))) if r}
    return rounded.union(*(_shares(v, text) for v in rounded))


def _shares(value: Decimal, text: str) -> set:
    """The fractions a percentage may be written as, but not "half" when the source says half itself (减半,
    一半, english_numbers.toml half_words): the English "half" renders that, and 50% needs its own rendering."""
    return {s for s in shares(value) if not (s == ("share", "half") and says_half(text))}


def _centuries_with_decades(text: str, numbers: list[SourceNumber]) -> list[SourceNumber]:
    """20世纪60年代 is one number, the 1960s (or the sixties): not a century and a decade apart."""
    out: list[SourceNumber] = []
    for n in numbers:
        prev = out[-1] if out else None
        first = _first_year(prev) if prev is not None else None
        if (n.kind == "decade" and prev is not None and first is not None
                and not text[prev.start + len(prev.text):n.start].replace("世纪", "").strip()):
            decade = min(v for v in n.accepted if isinstance(v, Decimal)) % 100
            out[-1] = SourceNumber(text[prev.start:n.start + len(n.text)], {first + decade, decade},
                                   prev.digits and n.digits, prev.start, "decade")
        else:
            out.append(n)
    return out


def _first_year(n: SourceNumber) -> Decimal | None:
    """The first year of the century a century number names (20世纪: 1900, which _accept adds beside the 20), or
    None (not a century, or none _accept gives a year)."""
    if n.kind != "century":
        return None
    plain = {v for v in n.accepted if isinstance(v, Decimal)}
    return next(((v - 1) * 100 for v in plain if (v - 1) * 100 in plain), None)


@lru_cache(maxsize=1)
def _metric_units() -> tuple[str, ...]:
    """Units a multiplier character starts (千米 km, 千克 kg): the 千 there is a metric prefix."""
    return tuple(line.split("#")[0].strip() for line in datafiles.lines("check/metric_units.txt"))


@lru_cache(maxsize=1)
def _measure_words() -> frozenset[str]:
    lines = datafiles.text("check/measure_words.txt").splitlines()
    return frozenset(line.split("#")[0].strip() for line in lines if line.split("#")[0].strip())


def _word_ends(text: str, at: int) -> bool:
    """A word of the word cut ends at `at` (the words of the few characters either side)."""
    from bilingual.glossary.wordcut import shared

    lo = max(0, at - 4)
    return any(lo + e == at for _, e in shared().tokenize(text[lo:at + 4]))


def _inside_word(text: str, a: int, b: int) -> bool:
    """The numeral run text[a:b] is part of a dictionary word that is no count: 零售, 五角大楼, 四氢呋喃.

    A word of the numeral and a measure word (三天, 五年) or an ordinal (第二) is still a number.
    """
    from bilingual.glossary.wordcut import shared

    lo = a
    while lo > 0 and "\u4e00" <= text[lo - 1] <= "\u9fff" and a - lo < 4:
        lo -= 1
    hi = b
    while hi < len(text) and "\u4e00" <= text[hi] <= "\u9fff" and hi - b < 4:
        hi += 1
    for s, e in shared().tokenize(text[lo:hi]):
        s, e = s + lo, e + lo
        if s < b and a < e and (s < a or e > b):
            if s < a and text[s:a] != "第" and not (s == a - 1 and text[s] in "第每前后近约共"):
                return True
            if e > b and text[b] not in _measure_words():
                return True
    return False


def _cn_numbers(run: str, kind: str) -> list[SourceNumber]:
    # 三四天, 一两个: two adjacent digits mean "three or four", not 34.
    if len(run) == 2 and all(c in _CN_DIGITS for c in run):
        a, b = _cn_value(run[0]), _cn_value(run[1])
        if a is not None and b is not None and abs(a - b) == 1:
            return [SourceNumber(run, {a, b}, False)]
    value = _cn_value(run)
    if value is None or (value == 1 and kind != "month"):
        return []  # a lone 一 is "a", "the", "once", "whole"...: too loose to check
    return [SourceNumber(run, _accept(value, kind), False, kind=kind)]


def _consume(n: SourceNumber, counts: Counter, en: str) -> bool:
    for v in n.renderings(en):
        if counts[v] > 0:
            counts[v] -= 1
            return True
    return False


def findings(units: list[Unit]) -> list[Finding]:
    """number.missing for each source number with no accepted rendering in the English."""
    findings = []
    for unit in units:
        if not unit.en.strip():
            continue  # an empty translation is reported once, as empty/missing
        numbers = source_numbers(unit.source)
        if not numbers:
            continue
        strict, loose = target_counts(unit.en), target_counts(unit.en, loose=True)
        multiples = multiple_counts(unit.en) if any(n.kind in MULTIPLES for n in numbers) else Counter()
        # Each mention in the English answers one source number (iPhone7 and 7元 need two 7s); the
        # numbers with fewest renderings choose first, a month or weekday before a plain value.
        missing = []
        answered: list[SourceNumber] = []
        for n in sorted(numbers, key=lambda n: (len(n.accepted), n.start)):
            # "1名" is "a torturer": a digit 1 may be an article, except in a percentage (1% is not "a"),
            # a date (1日 is the first), a time (1点 is 1am) or a designation (HMX-1)
            # a multiple (1倍, 2倍) is said as often by a word (doubled, twice, tripled) as by a numeral
            lax = not n.digits or n.kind in MULTIPLES or (
                n.accepted == {1} and n.kind not in ("day", "hour")
                and unit.source[n.start + len(n.text):][:1] not in "%％"
                and not _DESIGNATION.search(unit.source, 0, n.start))
            if (_consume(n, strict, unit.en) or (lax and _consume(n, loose, unit.en))
                    or (n.kind in MULTIPLES and _consume(n, multiples, unit.en))):
                answered.append(n)
            else:
                missing.append(n)
        # 低于30度或在30度左右 -> "at or below 30 degrees": a repeat of a number the English already gives
        # is only worth a note, unless the English has a number of its own left over (30 ... 31)
        # (a leftover 1 is no evidence: "first", "one of" stand in every other sentence)
        spare = any(c > 0 and isinstance(v, Decimal) and v != 1 for v, c in strict.items())
        missing = [n for n in missing if not _romanized(n, unit.en)]
        for n in sorted(missing, key=lambda n: n.start):
            repeat = not spare and any(a.accepted == n.accepted for a in answered)
            loose = not spare and _small_count(n)
            findings.append(Finding(
                segment=unit.id, kind="number.missing",
                severity="info" if repeat or loose else "error" if n.digits else "warning",
                source=excerpt(unit.source, n.text), target=excerpt(unit.en),
                message=f"'{n.text}' in the source has no counterpart in the English",
                suggestion=f"render it as {n.describe()}", source_mark=n.text))
    return findings


def _romanized(n: SourceNumber, en: str) -> bool:
    """A numeral of two characters or more that the English spells out as a capitalised romanized word is part
    of a name, no count: 燕十三 -> "Yan Shisan", 王十一 -> "Wang Shiyi"."""
    from bilingual.check.names import romanizations

    if n.digits or len(n.text) < 2:
        return False  # 三 alone romanizes to San, as in San Francisco
    spelled = {w.casefold() for w in re.findall(r"\b[A-Z][a-z]+(?:-[a-z]+)?", en)}
    return bool({w.replace("-", "") for w in spelled} & romanizations(n.text))


def _small_count(n: SourceNumber) -> bool:
    """A count of ten or less written in Chinese numerals (两条大河, 十年, 三人): English renders it
    as often by an enumeration, a plural, 'both' or 'a decade' as by a numeral, so a missing one is
    only worth a note unless the English has a number of its own left over (三人 -> "two people")."""
    values = [v for v in n.accepted if isinstance(v, Decimal)]
    return not n.digits and not n.kind and bool(values) and max(values) <= 10
