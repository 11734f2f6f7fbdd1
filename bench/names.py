"""Name figures on hand-labelled articles (tests/fixtures/names): the matcher and `glossary suggest`.

Matcher: the glossary is the shipped one plus every labelled name of the
article (so every listed name is a glossary name). A labelled name is
"rendered" where it stands on its own (not inside a longer labelled name) and
a match covers exactly it; a match "inside a longer name" lies strictly inside
an occurrence of a longer labelled name (香港 inside 香港记者协会). A name
labelled both bare and in 《》 gets one glossary row that stands bare, as a
curator would write it (one row per name; the glossary refuses two).

A match that is a whole ·/•-separated part of a labelled foreign name
(特朗普 in 唐纳德·特朗普, 梅兰尼娅·特朗普) is not counted as inside a longer
name: the part is that person's family name, written as a word of its own,
and the glossary's English for it (Trump) is the right English there too
(Donald Trump, Melania Trump). 特朗普 inside 斯特朗普 would still count.

Suggest: the names a curator needs are the labelled names the shipped glossary
lacks; recall counts those among the suggestions within the default limit,
precision the labelled names among the first 20 suggestions.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures"


@dataclass
class MatchFigures:
    standalone: int = 0
    rendered: int = 0
    matches: int = 0
    inside_longer: list[str] = field(default_factory=list)
    missed: list[str] = field(default_factory=list)


def labels(article: Path) -> list[tuple[str, str]]:
    """(name, kind) of an article's labelled names."""
    path = FIXTURES / "names" / article.parent.name / (article.stem + ".tsv")
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            name, kind = line.split("\t")[:2]
            out.append((name.strip(), kind.strip()))
    return out


def articles(part: str) -> list[Path]:
    return sorted((FIXTURES / "articles" / part).glob("*.md"))


def _texts(article: Path, *, byline: bool = False) -> list[str]:
    """The article's title and sentences as a build reads them; with `byline`, every text an edition shows
    beside them (author, source, rights, topics, collections)."""
    from bilingual import api
    from bilingual.segment import segment

    doc = api.load([article])[0]
    meta = doc.meta
    shown = [meta.author, meta.source, meta.rights, *meta.topics, *meta.collections] if byline else []
    return [meta.title, *shown] + [s.source for s in segment(doc).segments()]


def _glossary(names: list[tuple[str, str]]):
    from bilingual.glossary import Glossary, Term

    terms = list(Glossary.default().terms)
    stands_bare = {name for name, _ in names if not name.startswith("《")}
    rows: dict[str, int] = {}
    for i, (name, kind) in enumerate(names):
        bare = name.strip("《》")
        if bare in rows:
            continue  # labelled in 《》 and bare: one row, which stands bare
        rows[bare] = i
        terms.append(Term(f"label-{i}", bare, kind=kind, en=f"Label {i}",
                          match=["bare"] if bare in stands_bare else []))
    return Glossary(terms)


def _foreign_part(name: str, a: int, b: int) -> bool:
    """name[a:b] is one whole ·/•-separated part of a foreign name (特朗普 in 唐纳德·特朗普)."""
    return (("·" in name or "•" in name) and (a == 0 or name[a - 1] in "·•")
            and (b == len(name) or name[b] in "·•"))


# Last characters of a body whose head's post adds 长 to them (部长, 局长, 厅长, 署长, 处长).
_BODY_ENDS = ("部", "局", "厅", "署", "处")
# Characters that make 长 a word of its own after the body (长期 long-term, 长久, 长远, 长达 as long as, 长江).
_LONG_WORDS = frozenset("期久远达江")


# What follows 化 when it makes an -isation of the name (中国化。, 中国化的成果), not a word of its own (法国化妆品,
# French cosmetics): the end, anything but a Chinese character, or a particle.
_ISATION_ENDS = re.compile(r"$|[^\u4e00-\u9fff]|[的了是和与]")


def _occurrences(names: list[str], simple: str) -> list[tuple[int, int, str]]:
    """Where each labelled name occurs: a 《…》 label only inside its brackets. Not occurrences (names/README.md
    lists none of these as names): a demonym (日本人), an ethnic group (蒙古族), a language (蒙古语; not before
    语言, 中国语言 being China's language, nor 语境, a context), an -ism (马克思主义) or an -isation (中国化,
    Sinicisation: its English writes no China) built on the name, a
    body's name that runs into its head's post (中国外交部长, China's foreign minister: 部长, not the ministry), and
    the name inside an ordinary word of names/ordinary_words.txt (中国 in 发展中国家, developing countries)."""
    ordinary = [(m.start(), m.end()) for w in _ordinary_words() for m in re.finditer(re.escape(w), simple)]
    out = []
    for n in names:
        inner = n.strip("《》")
        for m in re.finditer(re.escape(n), simple):
            a = m.start() + (1 if n.startswith("《") else 0)
            b = a + len(inner)
            if not n.startswith("《") and (simple[b:b + 1] in ("人", "族") or simple[b:b + 2] == "主义"
                                           or (simple[b:b + 1] == "化" and _ISATION_ENDS.match(simple, b + 1))
                                           or (simple[b:b + 1] == "语" and simple[b + 1:b + 2] not in ("言", "境"))
                                           or (simple[b:b + 1] == "长" and inner.endswith(_BODY_ENDS)
                                               and simple[b + 1:b + 2] not in _LONG_WORDS)):
                continue
            if any(a2 <= a and b <= b2 for a2, b2 in ordinary):
                continue
            out.append((a, b, inner))
    return out


@cache
def _ordinary_words() -> tuple[str, ...]:
    path = FIXTURES / "names" / "ordinary_words.txt"
    return tuple(w for w in (line.split("#")[0].strip() for line in path.read_text(encoding="utf-8").splitlines()) if w)


def _standalone(spans: list[tuple[int, int, str]]) -> list[list[tuple[int, int, str]]]:
    """The labelled occurrences not inside a longer one, those that overlap in part grouped as one: only one of
    them can be the name there (中国足坛 holds 中国 and 国足; 微信支付宝 holds 微信支付 and 支付宝), and
    a matcher that finds either has found the name the text means."""
    alone = sorted((a, b, n) for a, b, n in spans
                   if not any(a2 <= a and b <= b2 and b2 - a2 > b - a for a2, b2, _ in spans))
    groups: list[list[tuple[int, int, str]]] = []
    for span in alone:
        if groups and span[0] < max(b for _a, b, _n in groups[-1]):
            groups[-1].append(span)
        else:
            groups.append([span])
    return groups


def match_figures(part: str, *, shipped_only: bool = False) -> MatchFigures:
    """Matcher figures; `shipped_only` matches with the shipped glossary alone (the labels then only judge)."""
    from bilingual.glossary import Glossary
    from bilingual.variants import converter

    fig = MatchFigures()
    t2s = converter("t2s")
    for article in articles(part):
        names = labels(article)
        glossary = Glossary.default() if shipped_only else _glossary(names)
        listed = sorted({n for n, _ in names}, key=len, reverse=True)
        for text in _texts(article):
            simple = t2s.convert(text)
            if len(simple) != len(text):
                simple = text
            spans = _occurrences(listed, simple)
            found = glossary.find(text)
            fig.matches += len(found)
            for m in found:
                outer = [n for a, b, n in spans if a <= m.start and m.end <= b and b - a > m.end - m.start
                         and not _foreign_part(n, m.start - a, m.end - a)]
                if outer:
                    fig.inside_longer.append(f"{article.stem}: {m.surface} in {outer[0]}")
            for group in _standalone(spans):  # a name inside a longer labelled one should not match on its own
                if shipped_only:  # only shipped glossary names have anything to render
                    group = [(a, b, n) for a, b, n in group
                             if any(m.surface == text[a:b] for m in glossary.find(text[a:b]))]
                if not group:
                    continue
                fig.standalone += 1
                if any(m.start == a and m.end == b for m in found for a, b, _n in group):
                    fig.rendered += 1
                else:
                    a, b, n = group[0]
                    fig.missed.append(f"{article.stem}: {n} in …{simple[max(0, a - 6):b + 6]}…")
    return fig


@dataclass
class SuggestFigures:
    needed: int = 0
    found: int = 0
    top20: int = 0
    top20_real: int = 0
    missed: list[str] = field(default_factory=list)
    wrong: list[str] = field(default_factory=list)


def suggest_figures(part: str, limit: int | None = None) -> SuggestFigures:
    from bilingual import api
    from bilingual.glossary import Glossary
    from bilingual.glossary.suggest import DEFAULT_LIMIT
    from bilingual.variants import converter

    shipped = Glossary.default()
    t2s = converter("t2s")
    fig = SuggestFigures()
    for article in articles(part):
        published = t2s.convert("\n".join(_texts(article, byline=True)))
        # a name only in what ingest drops (a site's footer, its chrome) is in no edition: nobody needs it
        names = {n for n in (t2s.convert(n).strip("《》") for n, _ in labels(article)) if n in published}
        needed = {n for n in names if not shipped.find(n) or shipped.find(n)[0].surface != n}
        got = [c.text.strip("《》") for c in api.suggest_names(article, limit=limit or DEFAULT_LIMIT)]
        fig.needed += len(needed)
        fig.found += len(needed & set(got))
        fig.missed += [f"{article.stem}: {n}" for n in sorted(needed - set(got))]
        fig.top20 += len(got[:20])
        fig.top20_real += sum(1 for g in got[:20] if g in names)
        fig.wrong += [f"{article.stem}: {g}" for g in got[:20] if g not in names]
    return fig


USAGE = "python -m bench.names [-v] [SET ...]   (sets: folders of tests/fixtures/articles; default: all of them)"


def main() -> None:
    import sys

    if {"-h", "--help"} & set(sys.argv[1:]):
        print(USAGE)  # not "no sets given": that would run every set, the held-out one too
        return
    parts = [a for a in sys.argv[1:] if not a.startswith("-")] or \
        sorted(p.name for p in (FIXTURES / "articles").iterdir() if p.is_dir())
    for part in parts:
        for shipped_only in (False, True):
            m = match_figures(part, shipped_only=shipped_only)
            what = "shipped glossary" if shipped_only else "shipped glossary + the labels"
            print(f"[{part}] matcher ({what}): {m.rendered}/{m.standalone} standalone labelled names rendered "
                  f"({m.rendered / max(m.standalone, 1):.1%}); {len(m.inside_longer)} of {m.matches} matches "
                  f"inside a longer labelled name")
            if part.startswith("tune") and "-v" in sys.argv:
                print("\n".join(["  inside: " + x for x in m.inside_longer] + ["  missed: " + x for x in m.missed]))
        s = suggest_figures(part)
        print(f"[{part}] suggest: {s.found}/{s.needed} needed names within the default limit "
              f"({s.found / max(s.needed, 1):.1%}); {s.top20_real}/{s.top20} of the first 20 are real names "
              f"({s.top20_real / max(s.top20, 1):.1%})")
        if part.startswith("tune") and "-v" in sys.argv:
            print("\n".join(["  suggest missed: " + x for x in s.missed] + ["  suggest wrong: " + x for x in s.wrong]))


if __name__ == "__main__":
    main()
