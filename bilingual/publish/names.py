"""The glossary names an edition uses: one list for the HTML page's table and tooltips and the EPUB appendix."""

from __future__ import annotations

from dataclasses import dataclass

from bilingual.errors import BilingualError
from bilingual.model import COLUMNS, Document


@dataclass
class Name:
    """A marked glossary term as this edition writes it, one form per column."""

    id: str
    kind: str = ""
    hans: str = ""
    hant: str = ""
    en: str = ""


def _region(doc: Document) -> str:
    """The document's region; a saved document with a variant we don't know lists Taiwan forms."""
    from bilingual.variants import document_region

    try:
        return document_region(doc)
    except BilingualError:
        return "zh-TW"


def names_used(docs: list[Document], glossary=None) -> list[Name]:
    """Every term marked in `docs`, in order of first appearance.

    Forms come from the glossary when one is given (the long English form, the
    regional Traditional form of the document's variant), else from the marked
    text itself, so a saved document read back without its glossary still lists them.
    """
    found: dict[str, Name] = {}
    for doc in docs:
        region = _region(doc)
        for seg in doc.segments():
            for column in COLUMNS:
                for mark in seg.marks.get(column, []):
                    if mark.tag != "term" or not mark.ref:
                        continue
                    name = found.get(mark.ref)
                    if name is None:
                        term = glossary.get(mark.ref) if glossary is not None else None
                        name = found[mark.ref] = Name(mark.ref) if term is None else Name(
                            term.id, term.kind, term.hans, glossary.hant_form(term, region), term.en_long or term.en)
                    if not getattr(name, column):
                        setattr(name, column, getattr(seg, column)[mark.start:mark.end])
    return list(found.values())
