"""What an exported unit shows (its Chinese, its glossary notes) and what a returned one holds.

Shared by the XLIFF and TMX readers and writers, so neither format imports the other.
"""

from __future__ import annotations

from dataclasses import dataclass

from bilingual.model import Segment


@dataclass
class ReturnedUnit:
    """One unit read back from a CAT file (XLIFF unit or TMX pair), with what import needs to judge it."""

    id: str
    source: str
    target: str
    state: str
    approved: bool = False  # a person signed it off (state final/reviewed, approved="yes")
    machine: str = ""  # the machine translation exported with it, when the file still carries it


def segment_source(seg: Segment) -> str:
    """The Chinese a unit shows: Simplified when converted, else the source as written."""
    return seg.hans or seg.source


def glossary_notes(text: str, glossary) -> list[str]:
    """'普京 → Putin (person)' for each distinct glossary term found in `text`."""
    if glossary is None or not text:
        return []
    notes: list[str] = []
    for match in glossary.find(text):
        term = match.term
        kind = getattr(term, "kind", "")
        note = f"{term.hans} → {term.en}" + (f" ({kind})" if kind else "")
        if note not in notes:
            notes.append(note)
    return notes
