"""Findings about the English text itself: Chinese left in it, empty or missing
translations, duplicates, length-ratio outliers, and repeated n-gram loops."""

from __future__ import annotations

import math
import re
import statistics

from bilingual.chars import HAN_RANGES, KANA_HANGUL_RANGES
from bilingual.check.base import Finding, Unit, excerpt

_CJK = re.compile(rf"[{HAN_RANGES}{KANA_HANGUL_RANGES}]+(?:[\s\d·・]*[{HAN_RANGES}{KANA_HANGUL_RANGES}]+)*")
# Full-width punctuation that an English sentence never needs. A single em dash or ellipsis is English
# typography ('sworn enemy'—regulation); Chinese writes them doubled (——, ……).
_CJK_PUNCT = re.compile(r"[，。、；：？！「」『』《》【】（）〔〕～]|——|……")
_LATIN = re.compile(r"[A-Za-z0-9]")
_WORDS = re.compile(r"\w+")

# zh->en character ratio and its variance per source character when a document
# is too short to estimate its own (measured on tests/fixtures/parallel: 3.5, 19.6).
PRIOR_RATIO, PRIOR_VARIANCE = 3.5, 20.0
MIN_UNITS_FOR_ESTIMATE = 12
MIN_SOURCE_CHARS = 6
# Shared with align.py, so the aligner's finding and the check's are recognised as one.
UNALIGNED_MESSAGE = "no English paragraph was aligned to this source paragraph"


def findings(units: list[Unit]) -> list[Finding]:
    """All text-level findings, in unit order within each family."""
    return [*_cjk(units), *_empty(units), *_duplicates(units), *_length_ratio(units), *_repetition(units)]


def _cjk(units: list[Unit]) -> list[Finding]:
    out = []
    for u in units:
        han = _CJK.search(u.en)
        if han:
            out.append(Finding(u.id, "cjk-in-english", "error", excerpt(u.source), excerpt(u.en, han.group()),
                               f"Chinese characters left in the English: '{han.group()}'",
                               "translate or transliterate them", target_mark=han.group()))
        elif (p := _CJK_PUNCT.search(u.en)):
            out.append(Finding(u.id, "cjk-in-english", "warning", excerpt(u.source), excerpt(u.en, p.group()),
                               f"full-width punctuation '{p.group()}' in the English",
                               "use English punctuation", target_mark=p.group()))
    return out


def _empty(units: list[Unit]) -> list[Finding]:
    out = []
    for u in units:
        if not u.source.strip() or _WORDS.search(u.en):
            continue
        if u.level == "block":
            out.append(Finding(u.id, "unaligned", "error", excerpt(u.source), "",
                               UNALIGNED_MESSAGE,
                               "check whether the translation left this paragraph out"))
        elif not u.en.strip() and not u.origin:
            out.append(Finding(u.id, "missing", "error", excerpt(u.source), "",
                               "this segment has no translation", "translate it"))
        else:
            out.append(Finding(u.id, "empty", "error", excerpt(u.source), u.en,
                               "the translation is empty", "translate the segment"))
    return out


def _key(text: str) -> str:
    return " ".join(_WORDS.findall(text.casefold()))


def _duplicates(units: list[Unit]) -> list[Finding]:
    out = []
    seen_ids: set[str] = set()
    first: dict[str, Unit] = {}
    for u in units:
        if u.id in seen_ids:
            out.append(Finding(u.id, "duplicate", "error", excerpt(u.source), excerpt(u.en),
                               "this segment id occurs twice in the document",
                               "rebuild the document: ids must be unique"))
        seen_ids.add(u.id)
        key = _key(u.en)
        if len(key.split()) < 4:
            continue  # "Yes." twice is not a copying accident
        prev = first.setdefault(key, u)
        if prev is not u and _key(prev.source) != _key(u.source):
            out.append(Finding(u.id, "duplicate", "warning", excerpt(u.source), excerpt(u.en),
                               f"same English as segment {prev.id}, for a different source",
                               "translate this segment on its own"))
    return out


def source_length(text: str) -> float:
    """Source length in 'Chinese characters': Latin text counts as its own English length / ratio."""
    compact = re.sub(r"\s", "", text)
    latin = len(_LATIN.findall(compact))
    return len(compact) - latin + latin / PRIOR_RATIO


def _length_ratio(units: list[Unit]) -> list[Finding]:
    """Gale–Church style: English length ~ N(c·l, s²·l) for a source of length l."""
    pairs = [(u, source_length(u.source), len(u.en.strip())) for u in units if u.en.strip()]
    pairs = [(u, a, b) for u, a, b in pairs if a >= MIN_SOURCE_CHARS]
    if not pairs:
        return []
    ratio, variance = PRIOR_RATIO, PRIOR_VARIANCE
    if len(pairs) >= MIN_UNITS_FOR_ESTIMATE:
        ratio = statistics.median(b / a for _, a, b in pairs)
        # median of a chi-square(1) variable is 0.455: a robust variance estimate.
        variance = max(statistics.median((b - ratio * a) ** 2 / a for _, a, b in pairs) / 0.455, 4.0)
    out = []
    for u, a, b in pairs:
        z = (b - ratio * a) / math.sqrt(variance * a)
        factor = b / (ratio * a)
        short = z < 0
        if (short and z < -3 and factor < 0.6) or (not short and z > 4.5 and factor > 1.8):
            severity = "warning"
        elif abs(z) > 2.5:
            severity = "info"
        else:
            continue
        what = "shorter" if short else "longer"
        out.append(Finding(u.id, "length-ratio", severity, excerpt(u.source), excerpt(u.en),
                           f"the English is {factor:.1f}× the expected length ({what} than usual; z={z:+.1f})",
                           "check for a truncated or dropped part" if short else "check for added or repeated text"))
    return out


def repetition_loop(text: str) -> tuple[str, int] | None:
    """The longest back-to-back repeated n-gram (n ≤ 8) that looks like an MT loop, with its count."""
    words = _WORDS.findall(text.casefold())
    best = None
    for n in range(1, 9):
        need = 3 if n <= 2 else 2
        i = 0
        while i + n <= len(words):
            gram = words[i:i + n]
            count = 1
            while words[i + count * n:i + (count + 1) * n] == gram:
                count += 1
            if count >= need and not all(w.isdigit() for w in gram):
                if best is None or count * n > best[1] * len(best[0].split()):
                    best = (" ".join(gram), count)
                i += count * n
            else:
                # Past the run, less its last gram: a loop starting inside it is a rotation of
                # this gram and repeats no more often. Stepping by one (as "12, 12, 12 …" made
                # it) measured the same run again from every word: quadratic.
                i += (count - 1) * n + 1
    return best


# A run of Chinese said twice, punctuation between (中奖了！中奖了！, “快走！”“快走！”): the writer's own
# repetition. A doubled verb with nothing between (研究研究, 一步一步) is one word's form, no repeat.
_SOURCE_REPEAT = re.compile(r"([\u3400-\u9fff]{2,})[\s!！,，、.。…~～?？“”\"'‘’「」『』]+\1")


def _words_of(gram: str) -> str:
    """A pattern for the words of `gram` as a text writes them: any punctuation or spaces between them."""
    return r"\W+".join(re.escape(w) for w in gram.split())


def _across_clauses(en: str, gram: str) -> bool:
    """The two copies of `gram` stand in two clauses: a comma, semicolon, colon or full stop between them."""
    copy = _words_of(gram)
    twice = re.search(rf"(?<!\w){copy}(\W+){copy}(?!\w)", en, re.IGNORECASE)
    return bool(twice and re.search(r"[,;:.]", twice.group(1)))


def _says_twice(source: str) -> bool:
    """The source writes some run of four Chinese characters or more twice (表现良好 … 表现良好): a phrase, not
    a name or a filler that sentences repeat (特朗普, 他们的)."""
    grams = [source[i:i + 4] for i in range(len(source) - 3)]
    seen = set()
    for g in grams:
        if all("\u3400" <= c <= "\u9fff" for c in g):
            if g in seen:
                return True
            seen.add(g)
    return False


def _repetition(units: list[Unit]) -> list[Finding]:
    out = []
    for u in units:
        loop = repetition_loop(u.en)
        if loop:
            gram, count = loop
            written = re.search(rf"(?<!\w){_words_of(gram)}(?!\w)", u.en, re.IGNORECASE)
            gram = written.group() if written else gram  # the mark as the text writes it
            # "I got it! I got it!" for 中奖了！中奖了！; "companies do well; companies do well when …" for
            # 公司表现良好时…；公司在…时表现良好: the source says it twice, the English across a clause's edge
            if count == 2 and (_SOURCE_REPEAT.search(u.source) or (_across_clauses(u.en, gram)
                                                                  and _says_twice(u.source))):
                out.append(Finding(u.id, "repetition", "info", excerpt(u.source), excerpt(u.en, gram),
                                   f"'{gram}' repeated {count} times in a row, as the source repeats itself",
                                   "check that the repetition renders the source's", target_mark=gram))
                continue
            out.append(Finding(u.id, "repetition", "error", excerpt(u.source), excerpt(u.en, gram),
                               f"'{gram}' repeated {count} times in a row (a machine-translation loop)",
                               "retranslate the segment", target_mark=gram))
    return out
