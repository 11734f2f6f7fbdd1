"""The one document model every step reads and returns.

A Document holds Blocks (what a reader sees as a unit: heading, paragraph,
quotation, list item, caption, figure, table cell); a Block holds Segments (sentences), the unit
that is converted, translated, checked, exported and cached. Inline formatting
and glossary hits are Marks: character ranges over a segment's text, kept per
column so that a conversion that changes length can move them.

The JSON form (`to_dict` / `from_dict`) is the saved "document data" that later
steps read back; its schema is documented in docs/document-schema.md.
"""

from __future__ import annotations

import functools
import hashlib
import pickle
import re
import unicodedata
from dataclasses import dataclass, field, fields

# 2: blocks gained `cell` (table cells) and `src` (figures). 3: figures gained `media` (video and audio
# players). Files of earlier schemas read as they are.
SCHEMA_VERSION = 3
READABLE_SCHEMAS = (1, 2, 3)

# Block roles a reader can tell apart; publishers style each one. A "figure" is an image (or a player,
# `media` says which): its text is the image's alt text, `src` the original; a "cell" is one table cell
# (`cell` says where).
ROLES = ("heading", "paragraph", "quote", "list_item", "caption", "figure", "cell")
# What a figure shows: "" an image, or the player a page embedded (linked from an edition, never embedded).
MEDIA = ("", "video", "audio")

# Columns of an edition, in reading order, with their BCP 47 language tags.
COLUMNS = {"hans": "zh-Hans", "hant": "zh-Hant", "en": "en"}
# The Traditional column's tag for the region it is written in (opencc.toml's `region`, recorded in a
# document's provenance): browsers pick the region's glyphs and fonts by it (Hong Kong's shapes differ from
# Taiwan's). Generic Traditional, or a region not recorded, keeps COLUMNS' zh-Hant.
HANT_LANGS = {"zh-TW": "zh-Hant-TW", "zh-HK": "zh-Hant-HK"}
# Provenance key: the region a Traditional source is written in, where its user stated it (build --source-region).
SOURCE_REGION_KEY = "source_region"


def column_lang(col: str, region: str = "") -> str:
    """The BCP 47 tag a column is published with, for a document written in `region` (zh-HK -> zh-Hant-HK)."""
    return HANT_LANGS.get(region, COLUMNS[col]) if col == "hant" else COLUMNS[col]


# Inline tags that survive from a source into the Chinese columns.
MARK_TAGS = ("strong", "em", "del", "sup", "sub", "code", "a", "term")


@dataclass
class Mark:
    """An inline range [start, end) over one column's text.

    tag is one of MARK_TAGS; `href` is set for links (already checked safe at
    ingest), `ref` is the glossary term id for tag "term".
    """

    start: int
    end: int
    tag: str
    href: str = ""
    ref: str = ""


@dataclass
class Segment:
    """One sentence: its source text and its three columns."""

    id: str
    source: str
    hans: str = ""
    hant: str = ""
    en: str = ""
    # Where `en` came from: "" (none yet), "mt", "memory", "human", "source" (no Chinese: the text itself).
    origin: str = ""
    # Marks per column name ("source", "hans", "hant", "en").
    marks: dict[str, list[Mark]] = field(default_factory=dict)
    # Things a proofreader should know: glossary repairs, engine trouble.
    notes: list[str] = field(default_factory=list)


@dataclass
class Cell:
    """Where a table-cell block sits: the document's n-th table (from 1), row and column (from 0).

    A table is the run of consecutive cell blocks with the same `table`; a
    cell spanning several rows or columns says so, as in HTML.
    """

    table: int
    row: int
    col: int
    head: bool = False
    rowspan: int = 1
    colspan: int = 1


@dataclass
class Block:
    role: str
    segments: list[Segment] = field(default_factory=list)
    # Block-level source text with its marks, before segmentation.
    source: str = ""
    source_marks: list[Mark] = field(default_factory=list)
    # Nesting depth for quotes inside quotes / nested lists (0 = top level).
    level: int = 0
    # Role "cell": its place in its table.
    cell: Cell | None = None
    # Role "figure": the original image's URL (http/https, checked at ingest; never fetched).
    src: str = ""
    # Role "figure": one of MEDIA; for "video" and "audio", `src` is the player's or the file's URL.
    media: str = ""

    def text(self, column: str = "source") -> str:
        """The block's text in one column: its segments joined as join_segments joins them."""
        if not self.segments:
            return self.source if column == "source" else ""
        return join_segments([getattr(s, column) for s in self.segments], english=column == "en",
                             spaced=self.spaced())

    def spaced(self) -> list[bool] | None:
        """Per segment: did whitespace stand before it in the block's source? None if the segments are not found there.

        Segments are stored stripped; this is how a column puts back the space
        between two sentences exactly where the source had one.
        """
        out, at = [], 0
        for seg in self.segments:
            i = self.source.find(seg.source, at)
            if i < 0 or not seg.source:
                return None
            out.append(i > at and self.source[at:i].isspace())
            at = i + len(seg.source)
        return out


@dataclass
class Meta:
    """What the reader sees above the article, and what a book's OPF says."""

    title: str = ""
    url: str = ""
    author: str = ""
    author_url: str = ""
    date: str = ""  # ISO 8601 date (or date-time) when known
    source: str = ""  # where the article first appeared (outlet/account)
    source_url: str = ""
    topics: list[str] = field(default_factory=list)
    collections: list[str] = field(default_factory=list)
    rights: str = ""
    archived_at: str = ""  # ISO 8601 date-time of the archive copy
    archive_url: str = ""  # the archived copy (a Wayback address) when the source names one beside the original
    # "hans" or "hant": the script the source was written in.
    script: str = "hans"
    format: str = ""  # which reader ingested it (cdt, html, markdown, text, epub)
    path: str = ""  # the input file name (not a full path: outputs stay portable)
    # Title in each column, filled by convert/translate like a segment.
    title_hans: str = ""
    title_hant: str = ""
    title_en: str = ""
    # The byline in the other Chinese script, filled by convert: {"hant": {"author": ..., "source": ...,
    # "rights": ..., "topics": [...], "collections": [...]}}, so an edition without the source's script
    # heads its articles in the script it shows.
    converted: dict[str, dict] = field(default_factory=dict)


@dataclass
class Document:
    id: str
    meta: Meta = field(default_factory=Meta)
    blocks: list[Block] = field(default_factory=list)
    # How the edition was made: engine, model, glossary version, variant ...
    provenance: dict[str, str] = field(default_factory=dict)

    def segments(self) -> list[Segment]:
        return [s for b in self.blocks for s in b.segments]

    @property
    def source_script(self) -> str:
        """The Chinese column the source is written in, hans or hant (hans where the data does not say)."""
        return self.meta.script if self.meta.script in ("hans", "hant") else "hans"

    @property
    def region(self) -> str:
        """Whose Traditional the hant column is written in: the region convert wrote it for; for the source's
        own Traditional, the region its user stated (build --source-region), else "" (unknown: generic zh-Hant)."""
        if self.meta.script == "hant":
            return self.provenance.get(SOURCE_REGION_KEY, "")
        return self.provenance.get("region", "")

    @property
    def source_lang(self) -> str:
        """The language tag of the source's own writing (its title, its byline, Chinese in its links)."""
        return column_lang(self.source_script, self.region)

    def copy(self) -> Document:
        """A deep copy, for steps that return a new document: pickle's C copier is twice as fast as deepcopy."""
        return pickle.loads(pickle.dumps(self, pickle.HIGHEST_PROTOCOL))

    def to_dict(self) -> dict:
        return {"schema": SCHEMA_VERSION, **_plain(self)}

    @classmethod
    def from_dict(cls, data: dict) -> Document:
        if data.get("schema") not in READABLE_SCHEMAS:
            raise ValueError(f"unsupported document schema {data.get('schema')!r}")
        meta = _build(Meta, data.get("meta", {}))
        blocks = []
        for b in data.get("blocks", []):
            segments = []
            for s in b.get("segments", []):
                s = dict(s)
                s["marks"] = {k: [_build(Mark, m) for m in v] for k, v in s.get("marks", {}).items()}
                segments.append(_build(Segment, s))
            b = dict(b, segments=segments)
            b["source_marks"] = [_build(Mark, m) for m in b.get("source_marks", [])]
            b["cell"] = _build(Cell, b["cell"]) if isinstance(b.get("cell"), dict) else None
            blocks.append(_build(Block, b))
        return cls(id=data["id"], meta=meta, blocks=blocks, provenance=dict(data.get("provenance", {})))


@functools.cache
def _field_names(cls: type) -> tuple[str, ...]:
    return tuple(f.name for f in fields(cls))


def _plain(value):
    """What dataclasses.asdict gives, without its deep copy of every string (a tenth of a build's
    writing time on a paragraph of 10,000 marks): the model holds only str, int, lists and dicts."""
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if hasattr(type(value), "__dataclass_fields__"):
        return {name: _plain(getattr(value, name)) for name in _field_names(type(value))}
    return value


def _build(cls, data: dict):
    names = {f.name for f in fields(cls)}
    return cls(**{k: v for k, v in data.items() if k in names})


def join_segments(texts: list[str], *, english: bool = False, spaced: list[bool] | None = None) -> str:
    """A block's sentences as one text: the one joining rule for every column and edition.

    Segments are stored without the whitespace between them. English sentences
    are always spaced; a Chinese column gets a space back where the source had
    one (`spaced`, from Block.spaced: "This is false. It is not true."), and,
    when that is unknown, only between two narrow characters, never next to an
    ideograph or full-width punctuation, where Chinese writes none.
    """
    out = ""
    for i, text in enumerate(texts):
        if not text:
            continue
        if out and needs_space(out, text, english=english, spaced=spaced[i] if spaced else None):
            out += " "
        out += text
    return out


def needs_space(before: str, after: str, *, english: bool = False, spaced: bool | None = None) -> bool:
    """True when a space belongs between two joined sentences (see join_segments)."""
    if not before or not after or before[-1].isspace() or after[0].isspace():
        return False
    if english:
        return True
    if spaced is not None:
        return spaced
    return not (_wide(before[-1]) or _wide(after[0]))


def _wide(ch: str) -> bool:
    return unicodedata.east_asian_width(ch) in ("W", "F")


def segment_id(doc_id: str, block_index: int, segment_index: int, text: str) -> str:
    """Stable id: same text in the same place gives the same id on every run.

    Position keeps repeated sentences apart; the text hash makes an edited
    sentence a new segment, so caches and returned XLIFF never meet stale text.
    """
    digest = hashlib.sha1(normalize(text).encode("utf-8")).hexdigest()[:8]
    return f"{doc_id}:{block_index}.{segment_index}:{digest}"


_SPACE = re.compile(r"\s+")


def normalize(text: str) -> str:
    """Whitespace-folded text: the form used for ids and memory keys."""
    return _SPACE.sub(" ", text).strip()


# An id is a file name with ".html", "-2" or "-01" to come: 240 bytes leave room under the 255 most
# file systems allow (80 CJK characters are 240 bytes; 80 from beyond the BMP would be 320).
SLUG_CHARS, SLUG_BYTES = 80, 240


def slug(name: str) -> str:
    """A file-name-safe id from any name (keeps CJK, drops path characters), at most 80 characters
    and 240 bytes of UTF-8."""
    s = re.sub(r"[^\w.-]+", "-", name, flags=re.UNICODE).strip("-.")[:SLUG_CHARS]
    if len(s.encode("utf-8")) > SLUG_BYTES:
        while len(s.encode("utf-8")) > SLUG_BYTES:
            s = s[:-1]
        s = s.rstrip("-.")
    return s or "article"
