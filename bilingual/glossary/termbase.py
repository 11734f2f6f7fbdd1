"""The termbase in force for a run: glossary files merged by precedence, and its names found in text."""

from __future__ import annotations

import hashlib
from functools import cached_property
from pathlib import Path

from bilingual.errors import BilingualError
from bilingual.glossary import regional
from bilingual.glossary.match import Decision, Match, Matcher
from bilingual.glossary.terms import Term, glossary_files, merge, read_file
from bilingual.settings import ENV_GLOSSARY, glossary_dir


class Glossary:
    """The names in force for a run: one or more glossary files merged by precedence (later wins)."""

    def __init__(self, terms: list[Term], *, extra_files: list[Path] | None = None):
        self.terms: list[Term] = merge(terms)
        # The files read on top of the shipped glossary, in precedence order: an edition records
        # them (convert.GLOSSARY_FILES_KEY) so a later check uses the same names.
        self.extra_files: list[Path] = list(extra_files or [])
        self._by_id = {t.id: t for t in self.terms}
        index: dict[str, tuple[Term, str]] = {}
        for t in self.terms:  # later terms overwrite earlier ones on a shared surface
            for s, hans in regional.surface_map(t).items():
                owner = index.get(s)
                if owner is None or owner[0].hans != s:
                    index[s] = (t, hans)
        self._matcher = Matcher(index)

    @classmethod
    def load(cls, paths: list[Path], *, shipped: int = 0) -> Glossary:
        """Read glossary files (or folders of them) in order; later files take precedence.

        The first `shipped` paths are the shipped glossary; the files of the others are its extra_files.
        """
        terms: list[Term] = []
        for path in glossary_files(paths):
            found, problems = read_file(path)
            errors = [p for p in problems if p.level == "error"]
            if errors:
                more = f" (and {len(errors) - 1} more)" if len(errors) > 1 else ""
                raise BilingualError(f"glossary {errors[0]}{more}; run `bilingual glossary check {path}`")
            terms.extend(found)
        return cls(terms, extra_files=glossary_files(paths[shipped:]))

    @staticmethod
    def default_paths() -> list[Path]:
        """The shipped glossary folder, or $BILINGUAL_GLOSSARY_DIR when set."""
        folder = glossary_dir()
        if not folder.is_dir():
            raise BilingualError(f"no glossary folder at {folder} (set {ENV_GLOSSARY} to one)")
        return [folder]

    @classmethod
    def default(cls, extra: list[Path] | None = None) -> Glossary:
        """The shipped glossary, with `extra` files (a project's own) on top."""
        shipped = cls.default_paths()
        return cls.load(shipped + list(extra or []), shipped=len(shipped))

    @cached_property
    def version(self) -> str:
        """Short hash of every term: names which glossary made an edition."""
        text = "\n".join(t.full_key() for t in sorted(self.terms, key=lambda t: t.id))
        return hashlib.sha1(text.encode("utf-8")).hexdigest()[:12]

    def get(self, term_id: str) -> Term | None:
        return self._by_id.get(term_id)

    def surfaces(self, term: Term) -> set[str]:
        """Every way the name may be written: Simplified, aliases, each region's Traditional."""
        return set(regional.surface_map(term))

    def hant_form(self, term: Term, region: str) -> str:
        """The name in one region's Traditional: explicit form, else generic, else OpenCC."""
        return regional.hant_form(term, region)

    def find(self, text: str) -> list[Match]:
        """Names in `text`, in order: longest first, never overlapping, each standing as a word."""
        return self._matcher.find(text)

    def forget_sentences(self) -> None:
        """Empty find()'s cache of sentences already matched."""
        self._matcher.forget_sentences()

    def explain(self, text: str) -> list[Decision]:
        """Every place a surface of a name occurs in `text`, with whether it matched and why."""
        return self._matcher.explain(text)

    def fingerprint(self, text: str) -> str:
        """Hash of the entries of the names in `text` ("" if none)."""
        keys = sorted({m.term.rendering_key() for m in self.find(text)})
        if not keys:
            return ""
        return hashlib.sha1("\n".join(keys).encode("utf-8")).hexdigest()[:12]
