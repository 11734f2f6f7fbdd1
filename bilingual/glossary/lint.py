"""`glossary check`: every bad row with file:line, and what only shows across files.

A conflicting alias, a banned spelling that is another name's rendering, a
name inside a longer one.
"""

from __future__ import annotations

from pathlib import Path

from bilingual.glossary.english import english_key
from bilingual.glossary.terms import Problem, Term, glossary_files, merge, read_file


def lint(paths: list[Path]) -> list[Problem]:
    """Every problem in the glossary files, plus conflicts between them, with file:line."""
    problems: list[Problem] = []
    terms: list[Term] = []
    for path in glossary_files(paths):
        found, bad = read_file(path)
        problems.extend(bad)
        terms.extend(found)
    merged = merge(terms)
    owner: dict[str, Term] = {}
    for t in merged:
        for s in [t.hans, *t.aliases]:
            first = owner.setdefault(s, t)
            if first is not t and first.file != t.file:
                problems.append(Problem(t.file, t.line, f"alias {s!r} claimed by two terms: {t.id!r} and "
                                                        f"{first.id!r} ({first.file}:{first.line})"))
    problems += _banned_renderings(merged)
    problems += _contained(owner)
    return sorted(problems, key=lambda p: (p.file, p.line, p.level != "error"))


def _contained(owner: dict[str, Term]) -> list[Problem]:
    """A surface inside another term's longer surface: find() prefers the long one, which may surprise.

    Each pair is found by looking up, at every position of every surface, the surfaces that
    start with that character (a first-character index, as in Glossary.find), rather than by
    comparing all surfaces pairwise; pairs are reported in the order of `owner`.
    """
    lengths: dict[str, set[int]] = {}
    for s in owner:
        lengths.setdefault(s[0], set()).add(len(s))
    order = {s: n for n, s in enumerate(owner)}
    pairs: set[tuple[int, int]] = set()
    for long, other in owner.items():
        for i, c in enumerate(long):
            for n in lengths.get(c, ()):
                short = long[i:i + n]
                if len(short) == n and short != long and short in owner and owner[short] is not other:
                    pairs.add((order[short], order[long]))
    surfaces = list(owner)
    out = []
    for a, b in sorted(pairs):
        short, long = surfaces[a], surfaces[b]
        t, other = owner[short], owner[long]
        out.append(Problem(t.file, t.line, f"{short!r} ({t.id}) occurs inside {long!r} "
                                           f"({other.id}, line {other.line}): longest match wins", "info"))
    return out


def _banned_renderings(terms: list[Term]) -> list[Problem]:
    """A banned spelling that is another term's rendering would flag every correct use of that name.

    (One equal to its own term's rendering is refused row by row in read_file.)
    """
    rendering: dict[str, Term] = {}
    for t in terms:
        for form in t.renderings():
            rendering.setdefault(english_key(form), t)
    out = []
    for t in terms:
        for bad in t.banned:
            other = rendering.get(english_key(bad))
            if other is not None and other is not t:
                out.append(Problem(t.file, t.line, f"banned spelling {bad!r} of {t.id!r} is a rendering of "
                                                   f"{other.id!r} ({other.file}:{other.line})"))
    return out
