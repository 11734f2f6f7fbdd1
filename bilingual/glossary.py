"""The termbase of proper names in force for a run: load, merge, match.

Neither the MT model nor OpenCC gets names right, so a curated glossary decides
how each name is written in English and in each region's Traditional Chinese.
Reading and checking the files is bilingual/glossary_file.py (re-exported here);
this module merges them by precedence and finds their names in text, longest
match first, so a short name never breaks a longer one.
"""

from __future__ import annotations

import hashlib
import os
import re
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from bilingual.errors import BilingualError
from bilingual.glossary_file import (
    ALIAS_SEP,
    COLUMNS,
    KINDS,
    LIST_COLUMNS,
    REGION_COLUMNS,
    REQUIRED,
    Problem,
    Term,
    check,
    english_key,
    english_words,
    fold_english,
    glossary_files,
    merge,
    read_file,
    split_list,
)

if TYPE_CHECKING:
    from bilingual.wordcut import WordCut

__all__ = ["ALIAS_SEP", "COLUMNS", "KINDS", "LIST_COLUMNS", "REGION_COLUMNS", "REQUIRED", "SHORT", "Glossary",
           "Match", "Problem", "Term", "check", "english_key",
           "english_words", "fold_english", "glossary_files", "load", "merge", "read_file",
           "split_list"]

# Surfaces this short (two characters or fewer: 余华, 德国, 日本) match only on word
# boundaries, so 其余华人 or 道德国家 never yield a name.
SHORT = 2
ENV_DIR = "BILINGUAL_GLOSSARY_DIR"


@dataclass(frozen=True)
class Match:
    """A glossary name found in text: [start, end) and the surface as written."""

    start: int
    end: int
    term: Term
    surface: str
    # The Simplified spelling the surface stands for: term.hans, or the alias it was written as.
    hans: str = ""


class Glossary:
    """The names in force for a run: one or more glossary files merged by precedence."""

    def __init__(self, terms: list[Term]):
        self.terms: list[Term] = merge(terms)
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
        """The shipped glossary folder, or $BILINGUAL_GLOSSARY_DIR when set.

        An installed wheel carries a copy at bilingual/data/glossary (bilingual/_build.py);
        a checkout or an editable install reads the human-edited top-level glossary/ itself.
        """
        env = os.environ.get(ENV_DIR)
        if env:
            folder = Path(env)
        else:
            import bilingual

            package = Path(bilingual.__file__).resolve().parent
            folder = package / "data" / "glossary"
            if not folder.is_dir():
                folder = package.parent / "glossary"
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


def load(paths: list[Path]) -> Glossary:
    """The shipped glossary with `paths` (a project's own files) on top, later taking precedence."""
    return Glossary.default(list(paths))
