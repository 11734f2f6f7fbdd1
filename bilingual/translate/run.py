"""Fill a document's English column: memory first, then the engine, with glossary names protected.

For each Chinese segment (and the title): the glossary masks its names with
numbered placeholders; the memory is asked; what it lacks goes to the engine in
batches, and every batch is stored in the memory as soon as it is done, so a
killed build resumes where it stopped.

Memory keys follow what decided each translation. A machine row is the
engine's raw output for the masked text, so it is keyed by exactly that (and
the engine identity, context ""): the names are restored afterwards as for
fresh output, so a cached rebuild gives the same English, marks and notes; a
term whose English changes needs no retranslation (the new English goes into
the cached placeholders); a new term or alias changes the masked text of the
segments containing it, and only those go back to the engine. A human row
(from `bilingual import`) is keyed by the real source text (a person translated
the real sentence, names included) and wins over any machine row.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Protocol, runtime_checkable

from bilingual.chars import has_chinese
from bilingual.errors import BilingualError
from bilingual.model import Document, Mark, Segment
from bilingual.translate.engine import BatchingEngine, Engine, MeasuredEngine
from bilingual.translate.links import Link, links_of, place_links

Progress = Callable[[int, int, str], None]


@runtime_checkable
class ProgressNotes(Protocol):
    """A progress callback that can also print one line per article before the engine starts."""

    def __call__(self, done: int, total: int, label: str) -> None: ...

    def note(self, line: str) -> None:
        """One line of information (an article's segment and memory counts)."""
        ...



# Sentences per engine call: big enough for efficient batching, small enough
# that progress moves and a kill loses little.
CHUNK = 64


class TranslationStore(Protocol):
    """What translate_document needs from a translation memory.

    Machine rows (origin "mt") are stored under the masked text the engine saw
    and context "", and hold the engine's output with its placeholders. Human
    rows are looked up by the real source text and are final English; lookup
    must return a human row before a machine one.
    """

    def lookup_many(self, requests: list[tuple[str, str]], engine_identity: str) -> list[tuple[str, str] | None]:
        """(english, origin) or None for each (segment source, context), in order."""
        ...

    def store(self, segment_source: str, engine_identity: str, context: str, english: str,
              origin: str = "mt") -> None:
        """Keep one translation (committed before returning)."""
        ...


@runtime_checkable
class BatchStore(TranslationStore, Protocol):
    """A memory that stores a whole engine batch in one transaction."""

    def store_many(self, rows: list[tuple[str, str, str, str, str]]) -> int:
        """Store (source, engine identity, context, english, origin) rows at once."""
        ...


@dataclass
class _Item:
    """One text to fill: a segment, the title (segment None), or a link's words (kind "link")."""

    segment: Segment | None
    source: str
    masked: str
    context: str = ""  # the glossary fingerprint: context of the human lookup only
    protected: Any = None
    raw: str = ""  # the engine's output for `masked` (or a human's final English)
    english: str = ""
    origin: str = ""
    marks: list[Mark] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    kind: str = "segment"  # "segment" | "title" | "link"
    links: list[Link] = field(default_factory=list)  # a segment's links, placed once all is translated
    slot_spans: dict[int, tuple[int, int]] = field(default_factory=dict)


def translate_document(doc: Document, engine: Engine, *, glossary=None, memory: TranslationStore | None = None,
                       progress: Progress | None = None, chunk: int = CHUNK) -> Document:
    """A copy of doc with `en`, `origin`, English marks and notes filled for every segment, and title_en.

    Segments with no Chinese (numbers, Latin text) are copied as they are;
    segments a person already translated (origin "human") are kept.
    """
    return translate_documents([doc], engine, glossary=glossary, memory=memory, progress=progress, chunk=chunk)[0]


def translate_documents(docs: list[Document], engine: Engine, *, glossary=None, memory: TranslationStore | None = None,
                        progress: Progress | None = None, chunk: int = CHUNK) -> list[Document]:
    """translate_document for many documents at once, batching sentences across paragraphs and articles.

    One engine batch mixes sentences of similar length from every article
    (less padding, fewer calls), and a sentence repeated anywhere in the
    corpus is translated once. Names are restored per document, in document
    order. `progress(done, total, "translating")` follows the segments; a
    ProgressNotes's `note(line)` also gets one line per article (segments, memory
    hits) before the engine starts.
    """
    outs = [doc.copy() for doc in docs]
    protect = _protector(glossary)
    jobs = [_collect(out, protect) for out in outs]
    items = [item for job in jobs for item in job]

    total = len(items)
    pending = _from_memory(items, memory, engine.identity)
    done = total - len(pending)
    if isinstance(progress, ProgressNotes):
        for out, job in zip(outs, jobs, strict=True):
            known = sum(1 for item in job if item.origin)
            progress.note(f"{out.id}: {len(job)} sentences, {known} from memory, {len(job) - known} new")
    if progress and total and done:
        progress(done, total, "translating")
    # Identical masked texts are translated once. An engine that plans its own batches is sent one
    # batch per call (each stored as soon as it is done); others get chunks of similar length, by the
    # engine's own measure (tokens) when it has one.
    by_text: dict[str, list[_Item]] = {}
    for item in pending:
        by_text.setdefault(item.masked, []).append(item)
    for batch in _batches(list(by_text), engine, chunk):
        english = engine.translate(batch)
        if len(english) != len(batch):
            raise BilingualError(f"translation engine {engine.name} returned {len(english)} translations "
                                 f"for {len(batch)} sentences")
        for text, raw in zip(batch, english, strict=True):
            for item in by_text[text]:
                item.raw, item.origin = raw, "mt"
        # Keyed by what the engine saw: sources that mask to one text (names differ) share the row.
        _store(memory, [(text, engine.identity, "", raw, "mt") for text, raw in zip(batch, english, strict=True)])
        done += sum(len(by_text[t]) for t in batch)
        if progress:
            progress(done, total, "translating")

    for out, job in zip(outs, jobs, strict=True):
        _apply(out, job)
        out.provenance.update(engine=engine.name, model=engine.identity)
    return outs


def _batches(texts: list[str], engine: Engine, chunk: int) -> list[list[str]]:
    """The texts in the order and groups they go to the engine."""
    if not texts:
        return []
    if isinstance(engine, BatchingEngine):
        return [[texts[i] for i in batch] for batch in engine.batches(texts)]
    texts = sorted(texts, key=engine.length if isinstance(engine, MeasuredEngine) else len)
    step = max(1, chunk)
    return [texts[start:start + step] for start in range(0, len(texts), step)]


def _collect(out: Document, protect) -> list[_Item]:
    """The items of one document that need English (its title last); fills what needs no engine."""
    items: list[_Item] = []
    for seg in out.segments():
        if seg.origin == "human" and seg.en:
            continue
        text = seg.hans or seg.source
        marks = seg.marks.get("hans" if seg.hans else "source", [])
        if not has_chinese(text):
            # Nothing to translate: the English is the text itself, with its links and emphasis.
            lead = len(text) - len(text.lstrip())
            seg.en, seg.origin = text.strip(), "source"
            seg.marks["en"] = [Mark(m.start - lead, m.end - lead, m.tag, m.href) for m in marks
                               if m.tag != "term" and 0 <= m.start - lead < m.end - lead <= len(seg.en)]
            continue
        item = _prepare(seg, text, protect)
        items.append(item)
        for link in links_of(text, marks):
            item.links.append(link)
            if has_chinese(link.words):
                link.item = _prepare(None, link.words, protect)
                link.item.kind = "link"
                items.append(link.item)
            else:
                link.english = link.words
    title = out.meta.title_hans or out.meta.title
    if has_chinese(title):
        items.append(_prepare(None, title, protect))
        items[-1].kind = "title"
    else:
        out.meta.title_en = title.strip()
    return items


def _apply(out: Document, items: list[_Item]) -> None:
    """Write finished items into their document; names go back in document order.

    A term's first mention in the document may take its long form; the title
    (segment None) never uses that up.
    """
    first_mentions: set[str] = set()
    for item in items:  # a link's words first: they never use up a name's first mention
        if item.kind == "link":
            _finish(item, None)
    for item in items:
        if item.kind == "link":
            continue
        _finish(item, first_mentions if item.kind == "segment" else None)
        if item.kind == "title":
            out.meta.title_en = item.english
            continue
        if item.links:
            for link in item.links:
                if link.item is not None:
                    link.english = link.item.english
            slots = [(s.index, s.start, s.end) for s in getattr(item.protected, "slots", [])]
            item.english, notes = place_links(item.english, item.marks, item.links, item.source, slots,
                                              item.slot_spans)
            item.notes += notes
        seg = item.segment
        seg.en, seg.origin = item.english, item.origin
        seg.marks["en"] = item.marks
        seg.notes += [n for n in item.notes if n not in seg.notes]


def _protector(glossary) -> Callable[[str], tuple[str, str, Any]]:
    """text -> (masked text, context fingerprint, protected state); identity without a glossary."""
    if glossary is None:
        return lambda text: (text, "", None)
    from bilingual.translate.protect import protect

    def run(text: str) -> tuple[str, str, Any]:
        protected = protect(text, glossary)
        return protected.masked, protected.fingerprint, protected

    return run


def _prepare(seg: Segment | None, text: str, protect) -> _Item:
    masked, context, protected = protect(text)
    return _Item(segment=seg, source=text, masked=masked, context=context, protected=protected)


def _from_memory(items: list[_Item], memory: TranslationStore | None, identity: str) -> list[_Item]:
    """Fill items the memory knows; return the rest.

    First the real source (with its glossary fingerprint, as import and the
    memory's human precedence expect): a human row there wins. Then the machine
    row under the masked text. A machine row found under the real source is
    used only when that is the masked text too (no names): otherwise it is an
    older key whose placeholders may not match today's masking.
    """
    if memory is None:
        return list(items)
    hits = memory.lookup_many([(item.source, item.context) for item in items], identity)
    # The machine row under the masked text, for every item without a human row (unless that key was just read).
    again = [k for k, (item, hit) in enumerate(zip(items, hits, strict=True))
             if (hit is None or hit[1] != "human") and not (item.masked == item.source and not item.context)]
    for k, hit in zip(again, memory.lookup_many([(items[k].masked, "") for k in again], identity), strict=True):
        # A human row whose source happens to equal this masked text is another sentence's English.
        hits[k] = None if hit is not None and hit[1] == "human" else hit
    pending = []
    for item, hit in zip(items, hits, strict=True):
        if hit is None:
            pending.append(item)
            continue
        item.raw, item.origin = hit[0], "human" if hit[1] == "human" else "memory"
    return pending


def _finish(item: _Item, first_mentions: set[str] | None) -> None:
    """Turn the raw English into the segment's English: names restored, repairs noted.

    A human's English is final; the title (first_mentions None) never uses up
    a name's first mention.
    """
    if item.protected is None or item.origin == "human":
        from bilingual.translate.protect import mark_names

        item.english, item.notes = item.raw.strip(), []
        item.marks = mark_names(item.english, item.protected)
        if first_mentions is not None:  # a name a person wrote is the reader's first sight of it
            first_mentions.update(m.ref for m in item.marks)
    else:
        from bilingual.translate.protect import restore

        english, marks, notes = restore(item.raw, item.protected, first_mentions=first_mentions,
                                        slot_spans=item.slot_spans)
        item.english, item.marks, item.notes = english, list(marks), list(notes)
    if not item.english:
        item.notes.append("the translation engine returned no English for this segment")


def _store(memory: TranslationStore | None, rows: list[tuple[str, str, str, str, str]]) -> None:
    """Store one finished batch: one transaction when the memory offers store_many."""
    if memory is None or not rows:
        return
    if isinstance(memory, BatchStore):
        memory.store_many(rows)
        return
    for source, identity, context, english, origin in rows:
        memory.store(source, identity, context, english, origin=origin)
