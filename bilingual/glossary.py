"""The termbase of proper names: load, validate, match.

Neither the MT model nor OpenCC gets names right, so a curated glossary decides
how each name is written in English and in each region's Traditional Chinese.
The data lives in glossary/*.tsv (format and precedence: glossary/README.md);
this module reads it, checks it, and finds its names in text, longest match
first, so a short name never breaks a longer one.
"""

from __future__ import annotations

import hashlib
import os
import re
import unicodedata
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from bilingual.errors import BilingualError

if TYPE_CHECKING:
    from bilingual.wordcut import WordCut

KINDS = ("person", "place", "org", "work", "outlet", "other")
REQUIRED = ("id", "kind", "hans", "en")
# TSV column -> region tag of the Traditional form it holds.
REGION_COLUMNS = {"zh_hant": "zh-Hant", "zh_tw": "zh-TW", "zh_hk": "zh-HK"}
COLUMNS = ("id", "kind", "hans", "aliases", "en", "en_long", "en_adj", "banned", *REGION_COLUMNS, "note")
# Columns holding several values separated by ALIAS_SEP.
LIST_COLUMNS = ("aliases", "en_adj", "banned")
ALIAS_SEP = "|"
# Surfaces this short (two characters or fewer: 余华, 德国, 日本) match only on word
# boundaries, so 其余华人 or 道德国家 never yield a name.
SHORT = 2
ENV_DIR = "BILINGUAL_GLOSSARY_DIR"
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

    def rendering_key(self) -> str:
        """What the English depends on: changing only a note, a Traditional form, an adjective
        form or a banned spelling keeps cached English (the check reads those, translation does not)."""
        return "\t".join([self.id, self.hans, self.en, self.en_long])

    def full_key(self) -> str:
        hant = ";".join(f"{k}={v}" for k, v in sorted(self.hant.items()))
        return "\t".join([self.id, self.kind, self.hans, ALIAS_SEP.join(self.aliases),
                          self.en, self.en_long, hant, self.note,
                          ALIAS_SEP.join(self.en_adj), ALIAS_SEP.join(self.banned)])

    def renderings(self) -> list[str]:
        """Every English form that counts as naming this term: en, en_long, en_adj."""
        return [f for f in (self.en, self.en_long, *self.en_adj) if f]


@dataclass(frozen=True)
class Match:
    """A glossary name found in text: [start, end) and the surface as written."""

    start: int
    end: int
    term: Term
    surface: str
    # The Simplified spelling the surface stands for: term.hans, or the alias it was written as.
    hans: str = ""


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
    try:
        text = Path(path).read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        return [], [Problem(name, 0, "glossary file not found")]
    except IsADirectoryError:
        return [], [Problem(name, 0, "is a folder with no *.tsv files")]
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
            banned=split_list(row.get("banned", "")),
            hant={region: row[col] for col, region in REGION_COLUMNS.items() if row.get(col)},
            file=name, line=n))
    if header is None:
        problems.append(Problem(name, 0, "no header row"))
    return terms, problems + _file_problems(terms)


def split_list(cell: str) -> list[str]:
    """A list cell ('American|US') as its non-empty values."""
    return [v.strip() for v in cell.split(ALIAS_SEP) if v.strip()]


def english_key(text: str) -> str:
    """How the check compares English forms: case, accents, apostrophes, hyphens and a
    leading "the" do not matter (Kim Jong-un = kim jong un; the US = US)."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c)).replace("\u2019", "'").casefold()
    words = [w for w in re.split(r"[\s\-\u2010\u2011]+", text) if w]
    if len(words) > 1 and words[0] == "the":
        words = words[1:]
    return " ".join(words)


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
    accepted = {english_key(f) for f in [row["en"], row.get("en_long", ""), *split_list(row.get("en_adj", ""))]}
    for bad in split_list(row.get("banned", "")):
        if english_key(bad) in accepted:
            out.append(f"banned spelling {bad!r} of {row['hans']} is also one of its renderings")
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


def _merge(terms: list[Term]) -> list[Term]:
    """Later terms take precedence: same id, or same Simplified form, replaces the earlier one."""
    by_id: dict[str, Term] = {}
    for t in terms:
        for old in [o for o in by_id.values() if o.hans == t.hans and o.id != t.id]:
            del by_id[old.id]
        by_id.pop(t.id, None)
        by_id[t.id] = t
    return list(by_id.values())


class Glossary:
    """The names in force for a run: one or more glossary files merged by precedence."""

    def __init__(self, terms: list[Term]):
        self.terms: list[Term] = _merge(terms)
        self._by_id = {t.id: t for t in self.terms}
        self._index: dict[str, tuple[Term, str]] = {}
        for t in self.terms:  # later terms overwrite earlier ones on a shared surface
            for s, hans in self._surface_map(t).items():
                owner = self._index.get(s)
                if owner is None or owner[0].hans != s:
                    self._index[s] = (t, hans)
        # First character -> lengths of the surfaces starting with it, longest first: the candidate
        # scan visits only the positions a regex of first characters finds.
        starts: dict[str, set[int]] = {}
        for s in self._index:
            starts.setdefault(s[0], set()).add(len(s))
        self._starts = {c: sorted(ns, reverse=True) for c, ns in starts.items()}
        self._first = re.compile("[" + "".join(re.escape(c) for c in sorted(starts)) + "]") if starts else None
        # find() runs on the same sentence several times per build (convert, protect, fingerprint).
        self._found: dict[str, tuple[Match, ...]] = {}

    @classmethod
    def load(cls, paths: list[Path]) -> Glossary:
        """Read glossary files (or folders of them) in order; later files take precedence."""
        terms: list[Term] = []
        for path in glossary_files(paths):
            found, problems = read_file(path)
            errors = [p for p in problems if p.level == "error"]
            if errors:
                more = f" (and {len(errors) - 1} more)" if len(errors) > 1 else ""
                raise BilingualError(f"glossary {errors[0]}{more}; run `bilingual glossary check {path}`")
            terms.extend(found)
        return cls(terms)

    @staticmethod
    def default_paths() -> list[Path]:
        """The shipped glossary folder, or $BILINGUAL_GLOSSARY_DIR when set."""
        env = os.environ.get(ENV_DIR)
        if env:
            folder = Path(env)
        else:
            import bilingual

            folder = Path(bilingual.__file__).resolve().parent.parent / "glossary"
        if not folder.is_dir():
            raise BilingualError(f"no glossary folder at {folder} (set {ENV_DIR} to one)")
        return [folder]

    @classmethod
    def default(cls, extra: list[Path] | None = None) -> Glossary:
        """The shipped glossary, with `extra` files (a project's own) on top."""
        return cls.load(cls.default_paths() + list(extra or []))

    @cached_property
    def version(self) -> str:
        """Short hash of every term: names which glossary made an edition."""
        text = "\n".join(t.full_key() for t in sorted(self.terms, key=lambda t: t.id))
        return hashlib.sha1(text.encode("utf-8")).hexdigest()[:12]

    def get(self, term_id: str) -> Term | None:
        return self._by_id.get(term_id)

    def surfaces(self, term: Term) -> set[str]:
        """Every way the name may be written: Simplified, aliases, each region's Traditional."""
        return set(self._surface_map(term))

    @staticmethod
    def _surface_map(term: Term) -> dict[str, str]:
        """Surface -> the Simplified spelling it stands for (the term's own form or an alias)."""
        from bilingual.convert import converter, name_configs

        out: dict[str, str] = {}
        for simplified in [term.hans, *term.aliases]:
            for config in name_configs():
                out.setdefault(converter(config).convert(simplified), simplified)
        out.update({form: term.hans for form in term.hant.values()})
        out.update({s: s for s in term.aliases})
        out[term.hans] = term.hans
        return {s: h for s, h in out.items() if s}

    def hant_form(self, term: Term, region: str) -> str:
        """The name in one region's Traditional: explicit form, else generic, else OpenCC."""
        from bilingual.convert import converter, region_config

        form = term.hant.get(region) or term.hant.get("zh-Hant")
        return form or converter(region_config(region)).convert(term.hans)

    def find(self, text: str) -> list[Match]:
        """Names in `text`, in order: longest first, never overlapping; short ones only as whole words."""
        found = self._found.get(text)
        if found is None:
            if len(self._found) > FIND_CACHE:
                self._found.clear()
            found = self._found[text] = tuple(self._find(text))
        return list(found)

    def _find(self, text: str) -> list[Match]:
        candidates = []
        if self._first is None:
            return []
        index, starts, size = self._index, self._starts, len(text)
        for first in self._first.finditer(text):
            i = first.start()
            for n in starts[text[i]]:
                if i + n > size:  # a slice past the end is shorter than n: no surface of length n
                    continue
                hit = index.get(text[i:i + n])
                if hit is not None:
                    candidates.append((i, i + n, *hit))
        candidates.sort(key=lambda c: (c[0] - c[1], c[0]))
        taken = [False] * len(text)
        words: dict[int, int] = {}
        found = []
        for start, end, term, hans in candidates:
            if any(taken[start:end]):
                continue
            if end - start <= SHORT:
                if start not in words and end not in words:
                    words.update(_words(text, start))
                if not _whole_word(text, start, end, words):
                    continue
            taken[start:end] = [True] * (end - start)
            found.append(Match(start, end, term, text[start:end], hans))
        return sorted(found, key=lambda m: m.start)

    def fingerprint(self, text: str) -> str:
        """Hash of the entries of the names in `text` ("" if none): the memory keys on it."""
        keys = sorted({m.term.rendering_key() for m in self.find(text)})
        if not keys:
            return ""
        return hashlib.sha1("\n".join(keys).encode("utf-8")).hexdigest()[:12]


_WORDCUT = None
FIND_CACHE = 100_000  # sentences remembered by Glossary.find before it starts over
_HAN = re.compile(r"[\u4E00-\u9FD5a-zA-Z0-9+#&._%-]")  # what jieba cuts as one run


def _words(text: str, at: int) -> dict[int, int]:
    """Word start -> end by jieba (dictionary only, no HMM guessing) around `at`.

    Only the run of Han/alphanumeric characters holding `at` is cut: jieba cuts
    such runs independently anyway, and cutting a whole article is slow.
    """
    a, b = at, at
    while a > 0 and _HAN.match(text[a - 1]):
        a -= 1
    while b < len(text) and _HAN.match(text[b]):
        b += 1
    chunk = text[a:b]
    simple = _simplified(chunk)
    if len(simple) != len(chunk):
        simple = chunk
    return {a + start: a + end for start, end in _wordcut().tokenize(simple)}


def _wordcut() -> WordCut:
    """The one jieba cutter, made on first use (it reads its dictionary lazily: bilingual/wordcut.py)."""
    global _WORDCUT
    if _WORDCUT is None:
        from bilingual.wordcut import WordCut

        _WORDCUT = WordCut()
    return _WORDCUT


def _whole_word(text: str, start: int, end: int, words: dict[int, int]) -> bool:
    """A short name counts only as a word of its own, or as the head of a compound of two words.

    余华 in 其余华人 (其余|华人) and 德国 in 道德国家 (道德|国家) start mid-word: no.
    中国 in 中国政府 (one dictionary word, 中国 + 政府): yes. 朝鲜 in 朝鲜族: no (族 is no word).
    """
    word_end = words.get(start)
    if word_end is None:
        return False
    if end in words or end == len(text) or not _HAN.match(text[end]):
        return True
    rest = text[end:word_end]
    return len(rest) >= 2 and _wordcut().freq(_simplified(rest)) > 0


def _simplified(text: str) -> str:
    from bilingual.convert import converter

    return converter("t2s").convert(text)


def check(paths: list[Path]) -> list[Problem]:
    """Every problem in the glossary files, plus conflicts between them, with file:line."""
    problems: list[Problem] = []
    terms: list[Term] = []
    for path in glossary_files(paths):
        found, bad = read_file(path)
        problems.extend(bad)
        terms.extend(found)
    merged = _merge(terms)
    owner: dict[str, Term] = {}
    for t in merged:
        for s in [t.hans, *t.aliases]:
            first = owner.setdefault(s, t)
            if first is not t and first.file != t.file:
                problems.append(Problem(t.file, t.line, f"alias {s!r} claimed by two terms: {t.id!r} and "
                                                        f"{first.id!r} ({first.file}:{first.line})"))
    problems += _banned_renderings(merged)
    for short, t in owner.items():
        for long, other in owner.items():
            if other is not t and short != long and short in long:
                problems.append(Problem(t.file, t.line, f"{short!r} ({t.id}) occurs inside {long!r} "
                                                        f"({other.id}, line {other.line}): longest match wins",
                                        "info"))
    return sorted(problems, key=lambda p: (p.file, p.line, p.level != "error"))


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


def load(paths: list[Path]) -> Glossary:
    """The shipped glossary with `paths` (a project's own files) on top, later taking precedence."""
    return Glossary.default(list(paths))
