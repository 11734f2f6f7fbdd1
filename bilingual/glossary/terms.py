"""Glossary files: the TSV format, read and written in one place, its rows as Terms.

The data lives in glossary/*.tsv (format and precedence: glossary/README.md).
Reading is strict so a curator learns of every bad row with file:line;
what only shows across files is glossary/lint.py's job.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from bilingual.errors import BilingualError
from bilingual.files import read_bytes
from bilingual.glossary.english import english_key

KINDS = ("person", "place", "org", "work", "outlet", "other")
REQUIRED = ("id", "kind", "hans", "en")
# TSV column -> region tag of the Traditional form it holds.
REGION_COLUMNS = {"zh_hant": "zh-Hant", "zh_tw": "zh-TW", "zh_hk": "zh-HK"}
COLUMNS = ("id", "kind", "hans", "aliases", "en", "en_long", "en_adj", "en_alt", "banned", *REGION_COLUMNS,
           "match", "note")
# Columns holding several values separated by ALIAS_SEP.
LIST_COLUMNS = ("aliases", "en_adj", "en_alt", "banned", "match")
# Flags of the `match` column: how a name is found in text (glossary/README.md, "Matching").
MATCH_FLAGS = {
    "bare": "a work (treaty, law, report) that stands without 《》 in running text",
}
ALIAS_SEP = "|"
MAX_GLOSSARY_BYTES = 64 * 1024 * 1024  # the shipped glossary is well under 1 MB

_ID = re.compile(r"^[a-z0-9][a-z0-9._-]*$")


@dataclass
class Term:
    """One name: its Simplified form, other spellings, renderings, and where it was defined."""

    id: str
    hans: str
    aliases: list[str] = field(default_factory=list)
    hant: dict[str, str] = field(default_factory=dict)  # region -> form, only where OpenCC is wrong
    en: str = ""
    en_long: str = ""  # first mention in a document, e.g. "Vladimir Putin"
    kind: str = "other"
    note: str = ""
    file: str = ""
    line: int = 0
    # Adjective / demonym forms English writers use (American, British): accepted by the check.
    en_adj: list[str] = field(default_factory=list)
    # Wrong or deprecated spellings (Pujing, Kim Jung-un) the check reports wherever they appear.
    banned: list[str] = field(default_factory=list)
    # Other renderings English writers use and the check accepts (U.S., Britain, UK): never written by translation.
    en_alt: list[str] = field(default_factory=list)
    # Matching flags (MATCH_FLAGS): "bare" lets a work match outside 《》.
    match: list[str] = field(default_factory=list)

    def rendering_key(self) -> str:
        """What the English depends on: changing only a note, a Traditional form, an adjective,
        alternative or banned spelling keeps cached English (the check reads those, translation does not).
        The match flags are left out too: they decide where a name is found, which the masked text shows."""
        return "\t".join([self.id, self.hans, self.en, self.en_long])

    def full_key(self) -> str:
        hant = ";".join(f"{k}={v}" for k, v in sorted(self.hant.items()))
        return "\t".join([self.id, self.kind, self.hans, ALIAS_SEP.join(self.aliases),
                          self.en, self.en_long, hant, self.note,
                          ALIAS_SEP.join(self.en_adj), ALIAS_SEP.join(self.banned)]
                         + ([ALIAS_SEP.join(self.en_alt), ALIAS_SEP.join(self.match)]
                            if self.en_alt or self.match else []))

    def renderings(self) -> list[str]:
        """Every English form that counts as naming this term: en, en_long, en_adj, en_alt."""
        return [f for f in (self.en, self.en_long, *self.en_adj, *self.en_alt) if f]

    @property
    def bare(self) -> bool:
        """A work that may match outside 《》 (every other kind always may)."""
        return self.kind != "work" or "bare" in self.match


@dataclass
class Problem:
    """A finding of `glossary check`; level "error" fails the check, "info" only informs."""

    file: str
    line: int
    message: str
    level: str = "error"

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file  # line 0: the file as a whole
        return f"{where}: {self.level}: {self.message}"


def glossary_files(paths: list[Path]) -> list[Path]:
    """Files named by `paths`; a folder stands for its *.tsv files in name order."""
    out: list[Path] = []
    for p in paths:
        p = Path(p)
        out.extend(sorted(p.glob("*.tsv")) if p.is_dir() else [p])
    return out


def read_file(path: Path) -> tuple[list[Term], list[Problem]]:
    """Parse one glossary TSV: its terms, and the problems found row by row.

    Hand-split on tabs rather than csv: the format has no quoting, and a stray
    quote in a note must not swallow the following rows.
    """
    name = str(path)
    if Path(path).is_dir():
        return [], [Problem(name, 0, "is a folder with no *.tsv files")]
    if not Path(path).exists():
        return [], [Problem(name, 0, "no such file")]  # printed as "PATH: error: no such file"
    try:  # regular files only, bounded: a glossary named /dev/zero or a FIFO is refused, not read forever
        text = read_bytes(Path(path), "a glossary TSV file", limit=MAX_GLOSSARY_BYTES).decode("utf-8-sig")
    except BilingualError as e:
        return [], [Problem(name, 0, str(e).removeprefix(f"{name}: "))]
    except UnicodeDecodeError:
        return [], [Problem(name, 0, "not UTF-8 text")]
    terms: list[Term] = []
    problems: list[Problem] = []
    header: list[str] | None = None
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        cells = [c.strip() for c in line.split("\t")]
        if header is None:
            header = cells
            unknown = [c for c in header if c not in COLUMNS]
            missing = [c for c in REQUIRED if c not in header]
            if unknown:
                problems.append(Problem(name, n, f"unknown column(s) {', '.join(unknown)} in header"))
            if missing:
                problems.append(Problem(name, n, f"header lacks column(s) {', '.join(missing)}"))
                return [], problems
            continue
        if len(cells) > len(header):
            problems.append(Problem(name, n, f"malformed row: {len(cells)} cells, header has {len(header)}"))
            continue
        row = dict(zip(header, cells + [""] * (len(header) - len(cells)), strict=True))
        bad = _row_problems(row)
        if bad:
            problems.extend(Problem(name, n, msg) for msg in bad)
            continue
        terms.append(Term(
            id=row["id"], hans=row["hans"], kind=row["kind"], en=row["en"],
            en_long=row.get("en_long", ""), note=row.get("note", ""),
            aliases=split_list(row.get("aliases", "")), en_adj=split_list(row.get("en_adj", "")),
            banned=split_list(row.get("banned", "")), en_alt=split_list(row.get("en_alt", "")),
            match=split_list(row.get("match", "")),
            hant={region: row[col] for col, region in REGION_COLUMNS.items() if row.get(col)},
            file=name, line=n))
    if header is None:
        problems.append(Problem(name, 0, "no header row"))
    return terms, problems + _file_problems(terms)


def split_list(cell: str) -> list[str]:
    """A list cell ('American|US') as its non-empty values."""
    return [v.strip() for v in cell.split(ALIAS_SEP) if v.strip()]


def merge(terms: list[Term]) -> list[Term]:
    """Later terms take precedence: same id, or same Simplified form, replaces the earlier one."""
    by_id: dict[str, Term] = {}
    by_hans: dict[str, str] = {}  # Simplified form -> id of the kept term: kept forms are all distinct
    for t in terms:
        clash = by_hans.get(t.hans)
        if clash is not None and clash != t.id:
            del by_id[clash]
        old = by_id.pop(t.id, None)
        if old is not None:
            del by_hans[old.hans]
        by_id[t.id] = t
        by_hans[t.hans] = t.id
    return list(by_id.values())


def _row_problems(row: dict[str, str]) -> list[str]:
    out = []
    if not row["id"]:
        out.append("malformed row: empty id")
    elif not _ID.match(row["id"]):
        out.append(f"malformed row: id {row['id']!r} must be lowercase ASCII letters, digits, '-', '.', '_'")
    if row["kind"] not in KINDS:
        out.append(f"malformed row: kind {row['kind']!r} is not one of {', '.join(KINDS)}")
    if not row["hans"]:
        out.append(f"empty Simplified form in {row['id'] or 'row'}")
    if not row["en"]:
        out.append(f"empty English rendering for {row['hans'] or row['id'] or 'row'}")
    if ALIAS_SEP in row.get("en", "") + row.get("en_long", ""):
        out.append(f"malformed row: '{ALIAS_SEP}' in an English rendering of {row['hans']}")
    accepted = {english_key(f) for f in [row["en"], row.get("en_long", ""), *split_list(row.get("en_adj", "")),
                                         *split_list(row.get("en_alt", ""))]}
    for bad in split_list(row.get("banned", "")):
        if english_key(bad) in accepted:
            out.append(f"banned spelling {bad!r} of {row['hans']} is also one of its renderings")
    for flag in split_list(row.get("match", "")):
        if flag not in MATCH_FLAGS:
            out.append(f"malformed row: match flag {flag!r} is not one of {', '.join(MATCH_FLAGS)}")
    return out


def _file_problems(terms: list[Term]) -> list[Problem]:
    """Duplicates inside one file: the same id or Simplified form twice, an alias claimed twice."""
    out = []
    ids: dict[str, Term] = {}
    surfaces: dict[str, Term] = {}
    for t in terms:
        if t.id in ids:
            out.append(Problem(t.file, t.line, f"duplicate id {t.id!r} (first at line {ids[t.id].line})"))
        ids.setdefault(t.id, t)
        for s in [t.hans, *t.aliases]:
            first = surfaces.get(s)
            if first is None:
                surfaces[s] = t
            elif first is t:
                out.append(Problem(t.file, t.line, f"{s!r} listed twice in {t.id!r}", "info"))
            elif s == t.hans and s == first.hans:
                out.append(Problem(t.file, t.line, f"duplicate term {s!r}: {t.id!r} and {first.id!r} "
                                                   f"(line {first.line})"))
            else:
                out.append(Problem(t.file, t.line, f"alias {s!r} claimed by two terms: {t.id!r} and "
                                                   f"{first.id!r} (line {first.line})"))
    return out


def to_tsv(terms: list[Term]) -> str:
    """Terms as a glossary TSV file (header first), the form glossary/README.md documents."""
    lines = ["\t".join(COLUMNS)]
    for t in terms:
        cells = {"id": t.id, "kind": t.kind, "hans": t.hans, "aliases": ALIAS_SEP.join(t.aliases), "en": t.en,
                 "en_long": t.en_long, "en_adj": ALIAS_SEP.join(t.en_adj), "banned": ALIAS_SEP.join(t.banned),
                 "en_alt": ALIAS_SEP.join(t.en_alt), "match": ALIAS_SEP.join(t.match), "note": t.note}
        cells |= {col: t.hant.get(region, "") for col, region in REGION_COLUMNS.items()}
        lines.append("\t".join(_cell(cells[c]) for c in COLUMNS))
    return "\n".join(lines) + "\n"


def _cell(text: str) -> str:
    return re.sub(r"[\t\r\n]+", " ", text).strip()
