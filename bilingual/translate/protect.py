"""Keep glossary names out of the MT engine's hands, and put their English back.

Before MT, every glossary name in a sentence becomes a numbered placeholder
`<1>`, `<2>` ... (digits and ASCII angle brackets: pieces every SentencePiece
vocabulary trained on Chinese news text knows, unlike Latin capitals such as
"ZX1", which the tiny fixture-trained model maps to <unk>). After MT the
English rendering goes where the placeholder came back. Engines drop,
duplicate, reorder and mangle placeholders, so `restore` checks every slot and
repairs deterministically: each name appears exactly once, and no placeholder
text survives, whatever the engine returned.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from bilingual.model import Mark

if TYPE_CHECKING:
    from bilingual.glossary import Names, Term

# A placeholder as sent, and as engines bend it. Up to six digits: a sentence is at most
# hard_max (400) characters, so it never holds more names than that; <1000> must count too.
_FULL = re.compile(r"[<＜]\s*(\d{1,6})\s*[>＞]")
_LEFT = re.compile(r"[<＜]\s*(\d{1,6})(?!\d)")
_RIGHT = re.compile(r"(?<![\d<＜])(\d{1,6})\s*[>＞]")
_STRAY = re.compile(r"[<>＜＞]")
# Literal angle brackets in a source are swapped for CJK ones so they can't pose as placeholders.
_LITERAL = str.maketrans({"<": "〈", ">": "〉", "＜": "〈", "＞": "〉"})
_OPENERS = "([{“‘\"'/-–—"


@dataclass
class Slot:
    """One protected name: its placeholder number and where it stood in the source."""

    index: int
    start: int
    end: int
    term: Term
    surface: str

    @property
    def placeholder(self) -> str:
        return f"<{self.index}>"


@dataclass
class Protected:
    """A sentence ready for MT: placeholders instead of names, and what they stand for."""

    masked: str
    slots: list[Slot] = field(default_factory=list)
    fingerprint: str = ""
    source: str = ""


def protect(text: str, glossary: Names) -> Protected:
    """Replace each glossary name (with its 《》 if it has them) by a numbered placeholder."""
    clean = text.translate(_LITERAL)
    slots: list[Slot] = []
    parts: list[str] = []
    at = 0
    for m in glossary.find(text):
        start, end = m.start, m.end
        if start > 0 and end < len(text) and text[start - 1] == "《" and text[end] == "》":
            start, end = start - 1, end + 1  # a title's brackets go with it: English italicises nothing here
        slot = Slot(len(slots) + 1, start, end, m.term, m.surface)
        slots.append(slot)
        parts += [clean[at:start], slot.placeholder]
        at = end
    parts.append(clean[at:])
    return Protected("".join(parts), slots, glossary.fingerprint(text) if slots else "", text)


@dataclass
class _Hit:
    start: int
    end: int
    index: int
    exact: bool


def restore(english: str, protected: Protected, *, first_mentions: set[str] | None = None,
            slot_spans: dict[int, tuple[int, int]] | None = None) -> tuple[str, list[Mark], list[str]]:
    """Put each name's English where its placeholder came back; repair what the engine broke.

    `first_mentions` is shared across a document: a term not yet in it gets its
    long form (en_long) once and is added. Returns the English, a "term" Mark
    per name over it, and notes describing every repair. A `slot_spans` dict is
    filled with where each slot's English landed (slot index -> [start, end)),
    so a link over a name can follow it (translate/links.py).
    """
    slots = {s.index: s for s in protected.slots}
    renderings = _renderings(protected.slots, first_mentions)
    notes: list[str] = []
    hits = _find_hits(english)
    # Keep the first sighting of each slot; every other sighting is removed.
    kept: dict[int, _Hit] = {}
    for hit in hits:
        slot = slots.get(hit.index)
        if slot is None:
            notes.append(f"glossary: removed stray placeholder text {english[hit.start:hit.end]!r}")
        elif hit.index in kept:
            notes.append(f"glossary: removed duplicated term {slot.surface} -> {renderings[slot.index]}")
        else:
            kept[hit.index] = hit
            if not hit.exact:
                notes.append(f"glossary: repaired mangled placeholder for {slot.surface} -> "
                              f"{renderings[slot.index]}")
    # Pieces of plain text and slot numbers, in output order.
    pieces: list[str | int] = []
    at = 0
    for hit in hits:
        pieces.append(_STRAY.sub("", english[at:hit.start]))
        if kept.get(hit.index) is hit:
            pieces.append(hit.index)
        elif pieces and isinstance(pieces[-1], str):
            pieces[-1] = pieces[-1].rstrip(" ")  # a removed placeholder takes its spacing with it
        at = hit.end
    pieces.append(_STRAY.sub("", english[at:]))
    if _STRAY.search(_FULL.sub("", english)) and len(hits) == len(kept):
        notes.append("glossary: removed stray placeholder text")
    dropped = [slot for slot in protected.slots if slot.index not in kept]
    # A dropped name the English already holds (the engine wrote it out, or another mention of the
    # same term survived) is not put in again: "Yuan Longping Yuan Longping" is worse than one mention.
    plain = "".join(p for p in pieces if isinstance(p, str))
    named = {slots[i].term.id for i in kept}
    already = [s for s in dropped if s.term.id in named or _written(plain, s.term)]
    dropped = [s for s in dropped if s not in already]
    pieces = _insert(pieces, dropped, protected.source)
    notes += [f"glossary: restored dropped term {s.surface} -> {renderings[s.index]}" for s in dropped]
    notes += [f"glossary: placeholder for {s.surface} dropped, but the English already names "
              f"{s.term.en}; not repeated" for s in already]
    text, marks = _assemble(pieces, renderings, {s.index: s.term.id for s in protected.slots}, slot_spans)
    for s in already:
        if s.term.id not in named:
            marks += _mark_written(text, s.term, marks)
            named.add(s.term.id)
    return text, sorted(marks, key=lambda m: m.start), notes


def _forms(term: Term) -> list[str]:
    forms = {f for f in (term.en_long, term.en) if f}
    forms |= {f[4:] for f in forms if f.lower().startswith("the ")}
    return sorted(forms, key=len, reverse=True)


def _written(text: str, term: Term) -> bool:
    """The term's English (long or short form, with or without 'the') is in `text` as words."""
    return any(re.search(rf"(?<!\w){re.escape(f)}(?!\w)", text, re.IGNORECASE) for f in _forms(term))


def _mark_written(text: str, term: Term, marks: list[Mark]) -> list[Mark]:
    """A term Mark over the first place `text` writes the term outside the marks it has."""
    for form in _forms(term):
        for m in re.finditer(rf"(?<!\w){re.escape(form)}(?!\w)", text, re.IGNORECASE):
            if not any(k.start < m.end() and m.start() < k.end for k in marks):
                return [Mark(m.start(), m.end(), "term", ref=term.id)]
    return []


def _renderings(slots: list[Slot], first_mentions: set[str] | None) -> dict[int, str]:
    out = {}
    for slot in slots:  # source order decides which mention is first
        term = slot.term
        if first_mentions is not None and term.id not in first_mentions and term.en_long:
            out[slot.index] = term.en_long
        else:
            out[slot.index] = term.en
        if first_mentions is not None:
            first_mentions.add(term.id)
    return out


def _find_hits(english: str) -> list[_Hit]:
    """Every placeholder sighting, whole ones first, then half-broken ones in what is left."""
    hits = [_Hit(m.start(), m.end(), int(m.group(1)), True) for m in _FULL.finditer(english)]
    for pattern in (_LEFT, _RIGHT):
        for m in pattern.finditer(english):
            if not any(h.start < m.end() and m.start() < h.end for h in hits):  # few: a sentence's names
                hits.append(_Hit(m.start(), m.end(), int(m.group(1)), False))
    return sorted(hits, key=lambda h: h.start)


def _insert(pieces: list[str | int], dropped: list[Slot], source: str) -> list[str | int]:
    """Put dropped names where they stood in the source, proportionally, at word boundaries."""
    if not dropped:
        return pieces
    text = "".join(p for p in pieces if isinstance(p, str))
    scale = len(text) / max(len(source), 1)
    wants = sorted((_word_boundary(text, round(s.start * scale)), s.start, s.index) for s in dropped)
    out: list[str | int] = []
    seen = w = 0
    for piece in pieces:
        if not isinstance(piece, str):
            out.append(piece)
            continue
        pos = 0
        while w < len(wants) and wants[w][0] <= seen + len(piece):
            cut = wants[w][0] - seen
            out += [piece[pos:cut], wants[w][2]]
            pos = cut
            w += 1
        out.append(piece[pos:])
        seen += len(piece)
    return out + [want[2] for want in wants[w:]]


def _word_boundary(text: str, at: int) -> int:
    """The nearest space (or either end) to `at`, so a name never splits a word."""
    if at <= 0 or at >= len(text):
        return max(0, min(at, len(text)))
    near = [0, len(text), text.rfind(" ", 0, at), text.find(" ", at)]
    return min((i for i in near if i >= 0), key=lambda i: (abs(i - at), i))


_TAIL = 48  # characters of the English written so far that the spacing rules below look back at


def _assemble(pieces: list[str | int], renderings: dict[int, str], refs: dict[int, str],
              spans: dict[int, tuple[int, int]] | None = None) -> tuple[str, list[Mark]]:
    """Join text and names with sane spacing; a Mark over each name (and its span in `spans`).

    Linear in the output: the rules look at the last few characters written (`tail`),
    never at everything written so far.
    """
    parts: list[str] = []
    marks: list[Mark] = []
    size, tail, started = 0, "", False

    def put(text: str) -> None:
        nonlocal size, tail, started
        parts.append(text)
        size += len(text)
        tail = (tail + text)[-_TAIL:]
        started = started or bool(text.strip())

    def unput_space() -> None:
        nonlocal size, tail
        k = len(parts) - 1
        while not parts[k]:
            k -= 1
        parts[k] = parts[k][:-1]
        size -= 1
        tail = tail[:-1]

    following = _following(pieces)
    for i, piece in enumerate(pieces):
        if isinstance(piece, str):
            if not size or tail.endswith(" "):
                piece = piece.lstrip(" ")
            if marks and tail.endswith(" ") and re.match(r"[.,;:!?)]", piece):
                unput_space()  # no space between a name and the punctuation after it
            put(re.sub(r" {2,}", " ", piece))
            continue
        text = renderings[piece]
        the = re.search(r"\bthe\s*$", tail, re.IGNORECASE)
        if text.lower().startswith("the ") and the and (the.start() > 0 or size <= _TAIL):
            text = text[4:]  # "the <1>" with "the US" -> "the US", not "the the US"
        elif text.lower().startswith("the ") and re.search(r"\w-$", tail):
            text = text[4:]  # "pro-<1>" with "the US" -> "pro-US" (亲美国)
        if size and not tail[-1:].isspace() and tail[-1:] not in _OPENERS:
            put(" ")
        if not started or re.search(r"[.!?]\s*$", tail):
            text = text[:1].upper() + text[1:]
        marks.append(Mark(size, size + len(text), "term", ref=refs[piece]))
        if spans is not None:
            spans[piece] = (size, size + len(text))
        put(text)
        nxt = following[i]
        if not isinstance(nxt, str) or (nxt and (nxt[0].isalnum() or nxt[0] in "(“")):
            put(" ")
    return "".join(parts).rstrip(), marks


def _following(pieces: list[str | int]) -> list[str | int]:
    """For each piece, the next one that is a name or non-empty text ("" when none): one pass from the end."""
    out: list[str | int] = [""] * len(pieces)
    nxt: str | int = ""
    for i in range(len(pieces) - 1, -1, -1):
        out[i] = nxt
        piece = pieces[i]
        if not isinstance(piece, str) or piece:
            nxt = piece
    return out


def mark_names(english: str, protected: Protected | None) -> list[Mark]:
    """Term marks on English a person wrote: each name of the source, where its English rendering
    (en, en_long, an adjective form) still stands in the text; longest form first, no overlaps.

    A proofreader's sentence keeps the names marked that it still names; a name they reworded
    away is simply not marked (there is nothing to mark)."""
    if protected is None or not english:
        return []
    spans: list[tuple[int, int, str]] = []
    terms = {slot.term.id: slot.term for slot in protected.slots}
    forms = sorted(((form, tid) for tid, term in terms.items() for form in term.renderings()),
                   key=lambda ft: len(ft[0]), reverse=True)
    for form, tid in forms:
        for m in re.finditer(rf"(?<!\w){re.escape(form)}(?!\w)", english, re.IGNORECASE):
            if not any(a < m.end() and m.start() < b for a, b, _ in spans):
                spans.append((m.start(), m.end(), tid))
    return [Mark(a, b, "term", ref=tid) for a, b, tid in sorted(spans)]
