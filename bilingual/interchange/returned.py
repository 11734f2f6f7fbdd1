"""A file back from a CAT tool: its units read once, and which of them are a person's edits.

read_returned tells XLIFF from TMX by content; import_edits judges each unit
against what was exported and hands the human edits to the translation memory.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from bilingual.errors import BilingualError
from bilingual.interchange.tmx import tmx_units
from bilingual.interchange.units import ReturnedUnit
from bilingual.interchange.xliff import xliff_units
from bilingual.interchange.xmlsafe import read_xml_safely
from bilingual.model import Block, Document, Segment, normalize, segment_id, slug


class HumanStore(Protocol):
    """What import needs of a translation memory: read a human row, store rows."""

    def human(self, source: str, context: str = "") -> str | None: ...

    def store_many(self, rows: Iterable[tuple[str, str, str, str, str]]) -> int: ...


def as_document(path: Path, units: list[ReturnedUnit]) -> Document:
    """The units of a CAT file as a Document to check: one block per unit (a CAT file keeps
    segments, not our paragraphs). A TMX pair keeps its recorded origin; anything else is a person's."""
    doc_id = slug(Path(path).stem)
    blocks = []
    for i, u in enumerate(units):
        sid = u.id or segment_id(doc_id, i, 0, u.source)
        origin = (u.state if u.state in ("mt", "human") else "human") if u.target else ""
        blocks.append(Block("paragraph", [Segment(id=sid, source=u.source, hans=u.source, en=u.target,
                                                  origin=origin)], source=u.source))
    if not blocks:
        raise BilingualError(f"{path}: no translation units")
    return Document(id=doc_id, blocks=blocks)


def read_returned(path: Path) -> list[ReturnedUnit]:
    """The units of a returned XLIFF or TMX file, told apart by content; the file is read and checked once."""
    from lxml import etree

    path = Path(path)
    raw, root = read_xml_safely(path, "XLIFF or TMX")
    name = etree.QName(root).localname
    if name == "xliff":
        return xliff_units(path, raw, root)
    if name == "tmx":
        return tmx_units(path, raw)
    raise BilingualError(f"{path}: not an XLIFF or TMX file (root element <{name}>)")


def check_belongs(units: list[ReturnedUnit], doc: Document, path: Path | str, doc_path: Path | str) -> int:
    """How many units are not in `doc`; BilingualError when most are not (another article's JSON).

    A unit belongs when its id is one of the document's segment ids or its source is one
    of its sentences: an edited and rebuilt article loses a few ids, never most of them.
    Judged against the wrong document, every unexported target would count as a human
    edit and win over the engine from then on.
    """
    ids = {s.id for s in doc.segments()}
    sources = {normalize(t) for s in doc.segments() for t in (s.source, s.hans, s.hant) if t}
    foreign = sum(1 for u in units if u.id not in ids and normalize(u.source) not in sources)
    if units and foreign * 2 > len(units):
        raise BilingualError(f"{path}: {foreign} of its {len(units)} units are not in {doc_path} "
                             f"(the document JSON of another article?); give the one it was exported from")
    return foreign


@dataclass
class ImportReport:
    """What an import did with each unit of a returned CAT file."""

    path: Path | str
    new: int = 0  # stored: no human edit for that source before
    changed: int = 0  # stored: replaced a different human edit
    unchanged: int = 0  # the memory already held this very human edit
    machine: int = 0  # still the machine translation exported with it: left to MT
    skipped_empty: int = 0  # no target (or no source) to learn from
    unchecked: int = 0  # no exported English to compare with (neither in the file nor a --doc segment)
    foreign: int = 0  # units not in the document given with --doc (judged like any other)

    @property
    def stored(self) -> int:
        return self.new + self.changed

    def __str__(self) -> str:
        return (f"{self.path}: {self.new} new, {self.changed} changed, {self.unchanged} unchanged human "
                f"edits; {self.machine} left as machine output; {self.skipped_empty} empty"
                + (f"; {self.unchecked} could not be compared with the exported English (the file no longer "
                   f"carries it): give --doc ARTICLE.json to import only real edits" if self.unchecked else "")
                + (f"; {self.foreign} not in the document given" if self.foreign else ""))


def import_edits(units: Iterable[ReturnedUnit], memory: HumanStore, *, doc: Document | None = None,
                 path: Path | str = "") -> ImportReport:
    """Store the post-edits of a returned XLIFF or TMX file in `memory` as human translations.

    `units` are the file's units as read_returned gives them; `memory` is the
    translation memory (bilingual.translate.memory.Memory: storage only, the
    judgement is made here); `path` names the file in the report.

    A target identical to the machine translation it was exported with (known
    from the file itself, or from `doc`, the article's saved document data) is
    not a human decision unless the unit was signed off, and is left to MT.
    Without either, every non-empty target counts as human: losing a
    proofreader's edit is worse than keeping a confirmed machine sentence.
    """
    report = ImportReport(path)
    by_id = {s.id: s for s in doc.segments()} if doc is not None else {}
    # A file that went through another format (XLIFF -> PO -> XLIFF) has lost our ids: its units
    # still meet their segments on the Chinese they show.
    by_source = {normalize(s.hans or s.source): s for s in doc.segments()} if doc is not None else {}
    rows = []
    for unit in units:
        unit_id, source, target, approved, machine = unit.id, unit.source, unit.target, unit.approved, unit.machine
        seg = by_id.get(unit_id) or by_source.get(normalize(source))
        source = normalize(source or (seg.hans or seg.source if seg else ""))  # what the export showed
        target = target.strip()
        if not source or not normalize(target) or normalize(target) == source:
            report.skipped_empty += 1  # nothing, or the Chinese itself (a CAT tool's untranslated copy)
            continue
        if not machine and seg is not None and seg.origin != "human":
            machine = seg.en
        if machine and normalize(machine) == normalize(target) and not approved:
            report.machine += 1
            continue
        if not machine and seg is None:
            report.unchecked += 1
        prior = memory.human(source)
        if prior is not None and normalize(prior) == normalize(target):
            report.unchanged += 1
            continue
        if prior is None:
            report.new += 1
        else:
            report.changed += 1
        rows.append((source, "", "", target, "human"))
    memory.store_many(rows)
    return report
