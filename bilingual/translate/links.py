"""Links carried into the English column, on the words that translate the linked words.

The engine never sees link markup (tags in the input degrade MT, and engines
drop or move them). Instead each link is placed after translation, by the
same marks that carry names:

- a link over glossary names goes where restore() put those names' English;
- a link over the whole sentence covers the whole English sentence;
- otherwise the linked words are translated on their own (one more short text
  through the same memory and engine batches) and the link goes on that
  English where it occurs in the sentence;
- when it occurs nowhere, the link follows the sentence in parentheses, with
  a note for the proofreader: a link is never lost.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from bilingual.model import Mark

# What may surround linked words without being part of them (the engine adds a full stop to fragments).
_EDGE = " \t.,;:!?。，、；：！？\"'“”‘’「」『』《》()（）[]【】"


@dataclass
class Link:
    """One link over a Chinese sentence: its span, target and words, and (later) their English."""

    start: int
    end: int
    href: str
    words: str
    english: str = ""
    item: Any = None  # the translation job for the words, when they need the engine


def links_of(text: str, marks: list[Mark]) -> list[Link]:
    """The links ("a" marks with a target) over `text`, in order, clipped to it."""
    out = []
    for m in sorted(marks, key=lambda m: (m.start, m.end)):
        start, end = max(0, m.start), min(len(text), m.end)
        if m.tag == "a" and m.href and start < end and text[start:end].strip():
            out.append(Link(start, end, m.href, text[start:end]))
    return out


def place_links(english: str, marks: list[Mark], links: list[Link], source: str,
                slots: list[tuple[int, int, int]], slot_spans: dict[int, tuple[int, int]]) -> tuple[str, list[str]]:
    """Add an "a" Mark to `marks` for each link; return the (maybe extended) English and notes.

    `slots` are the protected names as (slot index, source start, source end);
    `slot_spans` where restore() put each slot's English.
    """
    notes: list[str] = []
    taken: list[tuple[int, int]] = []
    for link in links:
        span = _over_names(link, slots, slot_spans) or _whole(link, source, english) or \
            _find(english, link.english or link.words, taken)
        if span is None:
            label = _label(link)
            start = len(english) + 2 if english else 0
            english = f"{english} ({label})" if english else label
            span = (start, start + len(label))
            notes.append(f"link: the English of {link.words!r} was not found in the sentence; "
                         f"the link follows it as ({label})")
        taken.append(span)
        marks.append(Mark(span[0], span[1], "a", href=link.href))
    marks.sort(key=lambda m: (m.start, -m.end))
    return english, notes


def _over_names(link: Link, slots: list[tuple[int, int, int]],
                slot_spans: dict[int, tuple[int, int]]) -> tuple[int, int] | None:
    """The English span of the names a link covers, when it covers names and nothing else."""
    inside = [i for i, a, b in slots if link.start <= a and b <= link.end]
    if not inside or any(i not in slot_spans for i in inside):
        return None
    covered = set()
    for _, a, b in slots:
        if link.start <= a and b <= link.end:
            covered.update(range(a, b))
    rest = "".join(ch for k, ch in enumerate(link.words, link.start) if k not in covered)
    if rest.strip(_EDGE):
        return None
    starts, ends = zip(*(slot_spans[i] for i in inside), strict=True)
    return min(starts), max(ends)


def _whole(link: Link, source: str, english: str) -> tuple[int, int] | None:
    """The whole English sentence, when the link covers the whole Chinese one (but edge punctuation)."""
    if not english.strip() or source[:link.start].strip(_EDGE) or source[link.end:].strip(_EDGE):
        return None
    start = len(english) - len(english.lstrip())
    return start, len(english.rstrip())


def _find(english: str, words: str, taken: list[tuple[int, int]]) -> tuple[int, int] | None:
    """Where `words` (trimmed, case folded, a leading "the" optional) stand as whole words in `english`."""
    words = words.strip(_EDGE)
    if not words:
        return None
    candidates = [words]
    if words.lower().startswith("the ") and len(words) > 4:
        candidates.append(words[4:])
    for text in candidates:
        for m in re.finditer(re.escape(text), english, re.IGNORECASE):
            a, b = m.span()
            if (text[0].isalnum() and a and english[a - 1].isalnum()) or \
                    (text[-1].isalnum() and b < len(english) and english[b].isalnum()):
                continue  # inside a longer word
            if not any(a < tb and ta < b for ta, tb in taken):
                return a, b
    return None


def _label(link: Link) -> str:
    """What an unplaced link shows after the sentence: its words in English, else the site's name."""
    words = link.english.strip(_EDGE)
    if words:
        return words
    return urlsplit(link.href).netloc or link.href
