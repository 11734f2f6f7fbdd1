"""Glossary findings: a source term whose expected English (or regional zh-Hant form)
is missing, a banned variant present, or fewer English mentions than source mentions.

Chinese is matched by the glossary itself (substring, no word boundaries);
English with word boundaries, case-insensitively, accents folded, and with the
usual inflections (Putin's, Putin’s, PUTIN, Putins) accepted.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Collection
from functools import lru_cache

from bilingual import datafiles
from bilingual.check.base import Finding, Unit, excerpt
from bilingual.glossary import Names, Term
from bilingual.glossary.english import english_words, fold_english


@lru_cache(maxsize=4096)
def _pattern(form: str) -> re.Pattern:
    """A form as the glossary folds it (english_words: "the US" is also found as "US"), any
    run of spaces or hyphens between its words, or a comma ("one country two systems" and "one country,two
    systems" for "one country, two systems"), and an inflection (Putin's, Putins) allowed."""
    body = r"(?:,\s*|[\s\-]+)".join(re.escape(w.rstrip(",")) for w in english_words(form))
    return re.compile(rf"(?<![\w]){body}(?:'s|'|s|es)?(?![\w])")


def find_english(text: str, forms: list[str]) -> list[tuple[int, int]]:
    """Non-overlapping spans of any of `forms` in `text`, longest form first (Vladimir Putin before Putin)."""
    folded = fold_english(text)
    spans: list[tuple[int, int]] = []
    for form in sorted({f for f in forms if f and f.strip()}, key=len, reverse=True):
        for m in _pattern(form).finditer(folded):
            if not any(a < m.end() and m.start() < b for a, b in spans):
                spans.append(m.span())
    return sorted(spans)


def unfolded_span(text: str, span: tuple[int, int]) -> tuple[int, int]:
    """A span of fold_english(text) as a span of `text` itself (folding may drop accents or expand)."""
    if len(fold_english(text)) == len(text):
        return span
    ends = []  # folded length after each original character
    total = 0
    for c in text:
        total += len(fold_english(c))
        ends.append(total)
    a = next(i for i, e in enumerate(ends) if e > span[0])
    b = next((i + 1 for i, e in enumerate(ends) if e >= span[1]), len(text))
    return a, b


def english_forms(term: Term) -> list[str]:
    """Every English form the glossary accepts for a term: en, en_long, en_adj, a place's regular demonym."""
    forms = term.renderings()
    if term.kind == "place":
        forms += [d for f in forms for d in demonyms(f)]
    return forms


def demonyms(name: str) -> list[str]:
    """Regular adjectives of a place name: China -> Chinese, Russia -> Russian, Japan -> Japanese.

    Irregular ones (Britain -> British, France -> French) are not guessed.
    """
    if not name or not name[-1].isalpha():
        return []
    if name[-1] in "ae":
        return [name + "n", name[:-1] + "ese", name[:-1] + "ian", name[:-1] + "ean"]
    return [name + "ese", name + "ian", name + "i"]


def _hant_form(term: Term, region: str) -> str:
    # Only curated forms: where the glossary is silent, OpenCC's own conversion stands.
    return term.hant.get(region) or term.hant.get("zh-Hant") or ""


def findings(units: list[Unit], glossary: Names, region: str = "zh-TW") -> list[Finding]:
    """Glossary findings for every unit: names of the source, banned spellings anywhere in the English."""
    banned_anywhere = [t for t in glossary.terms if t.banned]
    out: list[Finding] = []
    for u in units:
        terms: dict[str, tuple[Term, int, str]] = {}
        needs_english: dict[str, bool] = {}  # term id -> some mention needs its English (not all implied)
        matches = glossary.find(u.source)
        # words of the source's people and organisations: "the Trump administration" names no other place
        people = {w.casefold() for m in matches if m.term.kind != "place" for f in m.term.renderings()
                  for w in f.split()}
        mentions = Counter(m.term.id for m in matches)
        # names the source writes by their own form at least once; an alias keeps the writer's spelling in Traditional
        # as convert writes it (美国宇航局 -> 美國宇航局, not Taiwan's 美國國家航空暨太空總署)
        by_name = {m.term.id for m in matches if not m.hans or m.hans == m.term.hans}
        for match in matches:
            seen = terms.get(match.term.id)
            terms[match.term.id] = (match.term, (seen[1] if seen else 0) + 1, seen[2] if seen else match.surface)
            end = match.end
            while nxt := next((m for m in matches if m.start == end and m.term.kind != "place"), None):
                end = nxt.end  # 美国特朗普政府: the phrase follows the person
            implied = _implied(u, match.term, end, people, mentions[match.term.id]) or _named_by_inner_place(
                u, match, matches)
            needs_english[match.term.id] = needs_english.get(match.term.id, False) or not implied
        reported_banned: set[str] = set()
        for term, count, surface in terms.values():
            others = {f.casefold() for t, _, _ in terms.values() if t.id != term.id for f in (t.en, t.en_long) if f}
            out += _term_findings(u, term, count, surface, region, reported_banned, implied=not needs_english[term.id],
                                  others=others, by_alias=term.id not in by_name)
        if u.en.strip():
            for term in banned_anywhere:
                if term.id not in terms:
                    out += _banned(u, term, reported_banned, surface="")
    return out


# After a place's English, a capitalised word set off by a comma or a bracket names where that place is
# ("Shanghai, China"; a wrong country there is another place: "Shanghai, Ruritania").
_PLACE_AFTER = re.compile(r"\s*(?:,|\()\s*(?:the\s+)?[A-Z]")


def _named_by_inner_place(u: Unit, match, matches) -> bool:
    """A place written right before a glossary place inside it (中国上海, 美国纽约) that the English names
    alone ("born in Shanghai"): the city implies its country, as English writes it. Not where the English
    puts another place after the city's name ("Shanghai, Ruritania")."""
    if match.term.kind != "place":
        return False
    inner = next((m for m in matches if m.start == match.end and m.term.kind == "place"
                  and m.term.id != match.term.id), None)
    if inner is None:
        return False
    ends = [unfolded_span(u.en, span)[1] for span in find_english(u.en, english_forms(inner.term))]
    return any(not _PLACE_AFTER.match(u.en, end) for end in ends)


@lru_cache(maxsize=2)
def _implied_after(kind: str) -> dict[str, tuple[re.Pattern, ...]]:
    """The phrases that leave a place (kind "place") or a party (kind "org") implied, with their English."""
    table = datafiles.toml("check/glossary.toml")["implied_after" if kind == "place" else "implied_after_org"]
    return {zh: tuple(re.compile(rf"(?<![\w-]){re.escape(e)}(?![\w-])", re.IGNORECASE) for e in english)
            for zh, english in table.items()}


@lru_cache(maxsize=1)
def _before() -> frozenset[str]:
    return frozenset(w.lower() for w in datafiles.toml("check/glossary.toml")["implied"]["before"])


@lru_cache(maxsize=1)
def _between() -> tuple[str, ...]:
    return tuple(datafiles.toml("check/glossary.toml")["implied"].get("between", []))


@lru_cache(maxsize=1)
def _stand_ins() -> tuple[re.Pattern, re.Pattern]:
    """The English stand-ins for a place, and the source words that are such a stand-in's own Chinese."""
    table = datafiles.toml("check/glossary.toml")["implied"]
    english = "|".join(re.escape(w) for w in table.get("stand_ins", []))
    source = "|".join(re.escape(w) for w in table.get("stand_in_sources", [])) or "(?!)"
    return re.compile(rf"(?<![\w-])(?:{english})(?![\w-])", re.IGNORECASE), re.compile(source)


def _spare_stand_ins(u: Unit) -> int:
    """The English's stand-ins for a place ("the country") left once the source's own words (国内) have theirs.
    A source word counts only as a word of its own in the word cut: 国家 inside 发展中国家 (developing
    countries) or 全国 inside 全国人大常委会 (the NPC Standing Committee) takes no stand-in."""
    spare = len(_stand_ins()[0].findall(u.en))
    return spare - _own_stand_ins(u.source) if spare else 0


@lru_cache(maxsize=256)
def _own_stand_ins(source: str) -> int:
    """How many of the source's words are a stand-in's own Chinese (国内), counted once per sentence however many
    of its places ask."""
    pattern = _stand_ins()[1]
    if not pattern.search(source):  # the cut only when there is something to take
        return 0
    from bilingual.glossary.wordcut import shared

    return sum(1 for a, b in shared().tokenize(source) if pattern.fullmatch(source, a, b))


def _implied(u: Unit, term: Term, end: int, people: Collection[str] = frozenset(), mentions: int = 1) -> bool:
    """A place (or a party) named in front of a phrase whose English leaves it implied (美国当地时间 ->
    "local time", 美国国务院 -> "the State Department", 中共十九大 -> "the 19th National Congress"), the
    English giving that phrase neither after a capitalised word nor before "of" and one (another place:
    "Ruritania local time", "the president of Ruritania"). A word of `people`, the source's people and
    organisations, is no other place ("the Trump administration"). A place the English names by its kind
    ("the nation's oldest law") as often as the source names it (`mentions`) is implied too."""
    if term.kind not in ("place", "org"):
        return False
    if term.kind == "place" and _spare_stand_ins(u) >= mentions:
        return True
    rest = u.source[end:].lstrip()
    rest = next((rest[len(w):] for w in _between() if rest.startswith(w)), rest)  # 美国前总统: former President
    for zh, english in _implied_after(term.kind).items():
        if rest.startswith(zh):
            for m in (m for p in english for m in p.finditer(u.en)):
                before = re.search(r"(\S+)\s+$", u.en[:m.start()])
                after = re.match(r"\s+of\s+(?:the\s+)?([A-Z])", u.en[m.end():])  # "president of Ruritania"
                word = re.sub(r"['’]s$", "", before.group(1)).casefold() if before else ""
                if not (before and before.group(1)[:1].isupper() and word not in _before() and word not in people) \
                        and not after:
                    return True
    return False


def _term_findings(u: Unit, term: Term, count: int, surface: str, region: str, reported: set[str],
                   implied: bool = False, others: Collection[str] = frozenset(),
                   by_alias: bool = False) -> list[Finding]:
    """The term's findings in one unit; `others`: the English of the unit's other names (en, en_long), which
    renders them and not an alternative of this one (Beijing stands for 中国 as "Washington" for 美国, but not
    beside 北京). `by_alias`: the source writes the name only by its aliases, so no regional form is required."""
    out: list[Finding] = []
    forms = [f for f in english_forms(term) if f.casefold() not in others or f in (term.en, term.en_long)]
    expected = term.en
    if u.en.strip() and forms:
        found = len(find_english(u.en, forms))
        out += _banned(u, term, reported, surface)
        if found == 0:
            out.append(Finding(u.id, "glossary.missing", "info" if implied else "error",
                               excerpt(u.source, surface), excerpt(u.en),
                               f"'{surface}' should appear as '{expected}' in the English",
                               f"use '{expected}'" + (f" (or '{term.en_long}')" if term.en_long
                                                      and term.en_long != expected else ""),
                               source_mark=surface))
        elif found < count:
            # info: translators replace repeated mentions by pronouns ("the country") as a matter of style
            out.append(Finding(u.id, "glossary.count", "info", excerpt(u.source, surface), excerpt(u.en),
                               f"'{surface}' occurs {count} times in the source but '{expected}' "
                               f"only {found} time{'s' if found != 1 else ''} in the English",
                               f"check that no mention of '{expected}' was dropped",
                               source_mark=surface))
    want = "" if by_alias else _hant_form(term, region)
    if want and u.hant.strip() and want not in u.hant:
        out.append(Finding(u.id, "glossary.hant", "error", excerpt(u.source, surface), excerpt(u.hant),
                           f"{region} writes '{surface}' as '{want}', which the Traditional column lacks",
                           f"use '{want}' in the zh-Hant column", source_mark=surface, target_column="hant"))
    return out


def _banned(u: Unit, term: Term, reported: set[str], surface: str) -> list[Finding]:
    out = []
    allowed = find_english(u.en, english_forms(term))
    for bad in term.banned:
        spans = [s for s in find_english(u.en, [bad]) if not any(a <= s[0] and s[1] <= b for a, b in allowed)]
        if spans and bad.casefold() not in reported:
            reported.add(bad.casefold())
            a, b = unfolded_span(u.en, spans[0])
            shown = u.en[a:b]
            out.append(Finding(u.id, "glossary.banned", "error", excerpt(u.source, surface), excerpt(u.en, shown),
                               f"'{shown}' is a wrong spelling of '{term.en}'", f"replace it with '{term.en}'",
                               source_mark=surface, target_mark=shown))
    return out
