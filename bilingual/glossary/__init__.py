"""The termbase of proper names: how each is written in English and in each region's Traditional Chinese.

Neither the MT model nor OpenCC gets names right, so a curated glossary decides.
One module per seam:

- terms.py     the TSV file format, read and written; Term, Problem, merge precedence
- english.py   English forms folded for comparison
- lint.py      `glossary check`: problems across files
- regional.py  a name's regional Traditional forms and every spelling of it
- match.py     finding names in text (word-aware)
- termbase.py  Glossary: the files of a run merged, with find/get/hant_form
- suggest.py   name candidates a new article has and the glossary lacks
- wordcut.py   the cached jieba dictionary the matcher's word checks use

Steps that use a glossary (convert, translate, check, interchange) need only
what the `Names` protocol below says.
"""

from __future__ import annotations

from pathlib import Path
from typing import Protocol

from bilingual.glossary.match import Match
from bilingual.glossary.termbase import Glossary
from bilingual.glossary.terms import Term

__all__ = ["Glossary", "Match", "Names", "Term"]


class Names(Protocol):
    """What the pipeline asks of a termbase."""

    terms: list[Term]
    extra_files: list[Path]

    @property
    def version(self) -> str: ...

    def fingerprint(self, text: str) -> str: ...

    def find(self, text: str) -> list[Match]: ...

    def get(self, term_id: str) -> Term | None: ...

    def hant_form(self, term: Term, region: str) -> str: ...
