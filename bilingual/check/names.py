"""Chinese person names the glossary lacks, checked by romanization.

LAC (glossary/ner.py) finds the person names of the source; a name that starts
with a Chinese surname (bilingual/data/check/surnames.txt) and is not a
glossary term must appear in the English in some romanization: Hanyu Pinyin
(Deng Yaping, Deng Ya-ping, Yaping Deng), Wade–Giles (Teng Ya-p'ing, Chiang
Ching-kuo) from pypinyin, or Hong Kong Government Cantonese (Wong Chi-fung,
Law Kwun-chung) from cantonese-romanisation. Surname or given name alone is
enough (Mr Deng; Nathan Law), the surname only if no other source person has
it. When neither is there and the English holds a romanized Chinese name that
no source person explains (a surname alone does not), the name was most likely
rendered as someone else's: a warning. Neither there and nothing in its place
(a Korean or Japanese name read the Chinese way, a name left out): info.
"""

from __future__ import annotations

import itertools
import re
from functools import lru_cache

from bilingual import datafiles
from bilingual.check.base import Finding, Unit, excerpt
from bilingual.glossary import Names
from bilingual.glossary.english import fold_english

# Capitalised English words a romanized name is made of (Deng, Ya-ping, Yaping, Teng, Ch'ing-kuo).
_CAPITAL = re.compile(r"\b[A-Z][a-zA-Z'’]*(?:-[a-zA-Z'’]+)?\b")


@lru_cache(maxsize=1)
def _lists() -> tuple[frozenset[str], frozenset[str]]:
    """(capitalised pairs that are no names, English function words that are no name parts):
    bilingual/data/check/names.toml."""
    data = datafiles.toml("check/names.toml")
    return frozenset(data["not_names"]), frozenset(data["english_words"])


@lru_cache(maxsize=1)
def surnames() -> tuple[str, ...]:
    """Chinese surnames, two-character ones first (欧阳 before 欧)."""
    return tuple(sorted(_surname_readings(), key=len, reverse=True))


def split_name(name: str) -> tuple[str, str] | None:
    """(surname, given name) of a Chinese name of two to four characters, or None. A Hong Kong married
    woman's name puts her husband's surname before her own (林郑月娥: 林 + 郑月娥, "Carrie Lam Cheng Yuet-ngor"),
    never the same surname twice."""
    if not 2 <= len(name) <= 4 or not all("\u4e00" <= c <= "\u9fff" for c in name):
        return None
    for s in surnames():
        if name.startswith(s) and 1 <= len(name) - len(s) <= 2:
            return s, name[len(s):]
    if len(name) == 4 and name[0] != name[1] and {name[0], name[1]} <= _single_surnames():
        return name[0], name[1:]  # not a doubled character: 方方风云 is no 方 married to a 方
    return None


@lru_cache(maxsize=1)
def _single_surnames() -> frozenset[str]:
    return frozenset(s for s in surnames() if len(s) == 1)


@lru_cache(maxsize=4096)
def romanizations(chars: str) -> frozenset[str]:
    """Every spelling of `chars` (a surname or a given name) as one folded word: pinyin, Wade–Giles,
    Cantonese, each with heteronyms; syllables joined (Yaping, Ya-ping and Ya Ping all fold to 'yaping')."""
    from pypinyin import Style, pinyin

    from bilingual.variants import converter

    per_char: list[set[str]] = []
    canto = _cantonese()  # keyed by Traditional characters: 黃, not 黄
    traditional = converter("s2t").convert(chars)
    for c, t in zip(chars, traditional if len(traditional) == len(chars) else chars, strict=True):
        forms = {_fold(p) for p in pinyin(c, style=Style.NORMAL, heteronym=True)[0]}
        forms |= {_fold(p) for p in pinyin(c, style=Style.WADEGILES, heteronym=True)[0]}
        forms |= {_fold(p) for p in canto.get(c, []) + canto.get(t, [])}
        forms |= {f.replace("v", "u") for f in forms}  # lü -> lv -> lu
        per_char.append({f for f in forms if f})
    combos = itertools.islice(itertools.product(*per_char), 2000)
    return frozenset("".join(parts) for parts in combos)


@lru_cache(maxsize=1)
def _cantonese() -> dict[str, list[str]]:
    from cantoroman import Cantonese

    return Cantonese().charToRoman


@lru_cache(maxsize=1)
def _syllables() -> frozenset[str]:
    """Every romanized syllable the three systems write, for telling a romanized name from an English word."""
    from pypinyin import Style, pinyin

    common = "".join(chr(c) for c in range(0x4E00, 0x9FA6))
    out = {_fold(p) for group in pinyin(common, style=Style.NORMAL, heteronym=True) for p in group}
    out |= {_fold(p) for group in pinyin(common, style=Style.WADEGILES, heteronym=True) for p in group}
    out |= {_fold(p) for forms in _cantonese().values() for p in forms}
    return frozenset(s for s in out if s.isalpha())


def _fold(text: str) -> str:
    return re.sub(r"[^a-z]", "", fold_english(text))


def _words(en: str) -> tuple[set[str], set[str]]:
    """The English's folded words, and its hyphenated or adjacent capitalised pairs joined (Ya-ping, Ya Ping)."""
    words = {_fold(w) for w in re.findall(r"[A-Za-z'’]+", en)}
    joined = {_fold(w) for w in re.findall(r"[A-Za-z'’]+(?:-[A-Za-z'’]+)+", en)}
    caps = _CAPITAL.findall(en)
    joined |= {_fold(a) + _fold(b) for a, b in zip(caps, caps[1:], strict=False)}
    return words, words | joined


def named(name: str, en: str, others: tuple[str, ...] = ()) -> bool:
    """The English writes the Chinese person name `name` (surname or given name) in some romanization.

    The surname alone is enough (Mr Deng) unless another person of `others` has it too (汪兴莲 and 汪淑玉:
    "Wang" may be either): then only the given name tells them apart.
    """
    parts = split_name(name)
    if parts is None:
        return True
    words, joined = _words(en)
    surname, given = parts
    shared = any((p := split_name(o)) and p[0] == surname for o in others if o != name)
    return bool((not shared and romanizations(surname) & words) or romanizations(given) & joined)


def mentions(name: str, en: str) -> int:
    """How many times the English writes the person: its capitalised words that romanize the surname, or
    the given name, whichever is more often written (安 is 'on' in Cantonese: 'on' is no mention)."""
    surname, given = split_name(name) or ("", "")
    words = [_fold(w) for w in _CAPITAL.findall(en)]
    return max(sum(w in romanizations(part) for w in words) for part in (surname, given))


def _romanized_name(a: str, b: str) -> bool:
    """Two capitalised words read as surname + given name in some romanization (Wang Lina, Teng Ya-p'ing)."""
    not_names, english = _lists()
    if f"{a} {b}".lower() in not_names or a.lower() in english or b.lower() in english:
        return False
    return _fold(a) in _surname_forms() and _syllabic(b)


@lru_cache(maxsize=1)
def _surname_forms() -> frozenset[str]:
    return frozenset(r for s in surnames() for r in romanizations(s))


def _syllabic(word: str) -> bool:
    parts = [_fold(p) for p in word.split("-")]
    if len(parts) > 1:
        return all(p in _syllables() for p in parts)
    w = parts[0]
    return w in _syllables() or any(w[:k] in _syllables() and w[k:] in _syllables() for k in range(1, len(w)))


def strangers(en: str, explained: set[str], people: tuple[str, ...] = ()) -> list[str]:
    """Romanized Chinese names in the English ('Wang Lina') that no source person of `people` and no
    folded word of `explained` accounts for. A surname alone does not account for a name whose given
    name is no source person's (周杰伦 does not explain "Zhou Lina")."""
    caps = _CAPITAL.findall(en)
    out = []
    for a, b in zip(caps, caps[1:], strict=False):
        if re.search(re.escape(a) + r"\s+" + re.escape(b), en) and _romanized_name(a, b):
            if _fold(a) not in explained and _fold(b) not in explained and not _someone(a, b, people):
                out.append(f"{a} {b}")
    return out


def _someone(a: str, b: str, people: tuple[str, ...]) -> bool:
    """The pair 'a b' (either order) is a source person's name, or holds one's given name."""
    for p in people:
        surname, given = split_name(p) or ("", "")
        names = romanizations(given) | romanizations(p)
        if _fold(b) in names or _fold(a) in names or _fold(a) + _fold(b) in names:
            return True
    return False


def findings(units: list[Unit], glossary: Names | None) -> list[Finding]:
    """name.person findings: a source person name the English does not romanize."""
    from bilingual.glossary.ner import entities

    out: list[Finding] = []
    for u in units:
        if not u.en.strip() or not any("\u4e00" <= c <= "\u9fff" for c in u.source):
            continue
        found = glossary.find(u.source) if glossary is not None else []
        people = [name for a, b, name in _people(entities(u.source))
                  if split_name(name) and not any(a < m.end and m.start < b for m in found)]
        if not people:
            continue
        explained = {_fold(w) for m in found for f in m.term.renderings() for w in f.split()}
        others = strangers(u.en, explained, tuple(people))
        # the English of the glossary's people in the source names them, no one else: "Zhang" of Zhang Binbin
        # does not name her coach 张亚杰, while "Lee" of Lee Hsien Loong still names 李显龙 beside Lee Kuan Yew
        rest = _without(u.en, [f for m in found if m.term.kind == "person" for f in m.term.renderings()])
        for name in dict.fromkeys(people):
            written = named(name, rest, tuple(people))
            # named, and as often as the source names the person unless a stranger stands in the English (刘安
            # twice -> "Zhou Lina … Liu An": one mention put someone else in that person's place)
            if written and not (others and mentions(name, rest) < people.count(name)):
                continue
            surname, given = split_name(name)
            spelled = " ".join(w.capitalize() for w in _pinyin(surname, given))
            if others:
                said = (f"is named {people.count(name)} times in the source but fewer in the English, which "
                        f"names '{others[0]}' too" if written
                        else f"is not in the English, which names '{others[0]}' instead")
                out.append(Finding(u.id, "name.person", "warning", excerpt(u.source, name), excerpt(u.en, others[0]),
                                   f"'{name}' ({spelled}) {said}",
                                   f"check the name: {spelled}", source_mark=name, target_mark=others[0]))
            else:
                out.append(Finding(u.id, "name.person", "info", excerpt(u.source, name), excerpt(u.en),
                                   f"'{name}' ({spelled}) is not in the English in any romanization",
                                   f"check that the name is rendered: {spelled}", source_mark=name))
    return out


def _without(en: str, forms: list[str]) -> str:
    """The English with every occurrence of `forms` as words (case ignored, longest first) taken out: "Xi" goes,
    the Xi of "Xinhua" stays."""
    for form in sorted(forms, key=len, reverse=True):
        en = re.sub(rf"(?<!\w){re.escape(form)}(?!\w)", " ", en, flags=re.IGNORECASE)
    return en


def _people(found) -> list[tuple[int, int, str]]:
    """(start, end, name) of the person entities; a married name LAC cut after the husband's surname
    (特首林 | 郑月娥) is taken whole (林郑月娥)."""
    people = [e for e in found if e.kind == "person"]
    out = []
    for before, e in zip([None, *people], people, strict=False):
        if before is not None and before.end == e.start and len(e.text) == 3 \
                and split_name(before.text[-1] + e.text) == (before.text[-1], e.text):
            out.append((e.start - 1, e.end, before.text[-1] + e.text))
        else:
            out.append((e.start, e.end, e.text))
    return out


def _pinyin(surname: str, given: str) -> list[str]:
    """The name in Hanyu Pinyin, a surname read as surnames.txt reads it (曾 Zeng, not the everyday ceng), ü as ü."""
    from pypinyin import lazy_pinyin

    parts = [surname, given[0], given[1:]] if len(given) == 3 else [surname, given]  # 林 郑 月娥: Lin Zheng Yuee
    family, own = parts[:-1], parts[-1]  # a married name's two surnames, then the given name
    readings = _surname_readings()
    spelled = [readings.get(p) or "".join(lazy_pinyin(p)) for p in family] + ["".join(lazy_pinyin(own))]
    return [p.replace("v", "ü") for p in spelled]  # pypinyin writes ü as v: 吕 Lü


@lru_cache(maxsize=1)
def _surname_readings() -> dict[str, str]:
    """surnames.txt's surnames, in its order, each -> its reading as a surname, lower case ("" if none is written)."""
    out = {}
    for line in datafiles.text("check/surnames.txt").splitlines():
        name, _, reading = line.partition("#")
        if name.strip():
            out[name.strip()] = reading.strip().lower()
    return out
