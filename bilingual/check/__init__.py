"""Proofreading: check a translation (machine or human) against its source and the glossary.

    findings = check_document(doc, glossary=api.glossary(), region="zh-TW")

Pure: it takes a prepared document and a termbase. Reading inputs (a build's
JSON, a source with its translation, a returned CAT file) and preparing them
is bilingual.api.check's job.

Findings come in families, one module each: glossary.py (expected names and
their accepted alternatives, banned variants, counts, regional zh-Hant forms),
numbers.py (numbers, dates, amounts), units.py (percent and 万/亿 scale),
negation.py (polarity of source and English), names.py (Chinese person names
the glossary lacks, by romanization), omission.py (sentences left out inside a
paragraph), text.py (Chinese left in the English, empty / missing / duplicated
segments, length-ratio outliers, n-gram loops). severity.py then weighs the
evidence: weak evidence alone becomes info, with its reason. align.py pairs an external
translation with a Chinese source (beads.py: the costs it shares with
omission.py); publish/report.py renders findings as text, JSON
(docs/check-schema.md) or HTML.

A document whose English was aligned paragraph by paragraph (align.py) says so
in its provenance: ``en_alignment = "block"`` and ``en_groups`` (e.g. "0 1+2 3":
block 0 alone, blocks 1 and 2 share one English paragraph, block 3 alone). Its
English paragraph sits in the first segment of the group's first block; the
other segments' `en` stay empty. Checks then compare whole groups, so nothing
is reported as missing merely because the pairing is only known per paragraph.
"""

from __future__ import annotations

from bilingual.check.base import RANK, SEVERITIES, Finding, Unit
from bilingual.glossary import Names
from bilingual.model import Document

__all__ = ["Finding", "Unit", "SEVERITIES", "check_document", "units_of", "at_or_above", "merge"]

ALIGNMENT_KEY = "en_alignment"
GROUPS_KEY = "en_groups"


def units_of(doc: Document) -> list[Unit]:
    """The source/English pairs to check: segments, or aligned block groups (see module doc)."""
    if doc.provenance.get(ALIGNMENT_KEY) == "block":
        return _block_units(doc)
    return [Unit(id=s.id, source=s.hans or s.source, en=s.en, hant=s.hant, origin=s.origin, block=bi)
            for bi, b in enumerate(doc.blocks) for s in b.segments]


def parse_groups(text: str, n_blocks: int) -> list[list[int]]:
    """'0 1+2 3' -> [[0], [1, 2], [3]]; blocks not named get a group of their own."""
    groups: list[list[int]] = []
    named: set[int] = set()
    for token in text.split():
        try:
            group = [int(i) for i in token.split("+")]
        except ValueError:
            continue
        group = [i for i in group if 0 <= i < n_blocks and i not in named]
        if group:
            named.update(group)
            groups.append(group)
    groups += [[i] for i in range(n_blocks) if i not in named]
    return sorted(groups)


def _block_units(doc: Document) -> list[Unit]:
    out = []
    for group in parse_groups(doc.provenance.get(GROUPS_KEY, ""), len(doc.blocks)):
        blocks = [doc.blocks[i] for i in group]
        segs = [s for b in blocks for s in b.segments]
        if not segs:
            continue
        out.append(Unit(id=segs[0].id, source="".join(s.hans or s.source for s in segs),
                        en=" ".join(s.en.strip() for s in segs if s.en.strip()),
                        hant="".join(s.hant for s in segs), origin=segs[0].origin,
                        block=group[0], level="block", sentences=tuple(s.hans or s.source for s in segs)))
    return out


def check_document(doc: Document, *, glossary: Names | None, region: str = "zh-TW",
                   extra: list[Finding] | tuple[Finding, ...] = ()) -> list[Finding]:
    """Every finding for `doc` (and `extra` ones, e.g. the aligner's), in document order.

    `glossary` None skips the glossary findings; `region` picks the zh-Hant
    form the Traditional column must use.
    """
    from bilingual.check import glossary as glossary_check
    from bilingual.check import names as names_check
    from bilingual.check import negation, numbers, omission, severity, text
    from bilingual.check import units as units_check

    units = units_of(doc)
    unit_findings = units_check.findings(units)
    findings = (text.findings(units) + _explained(numbers.findings(units), unit_findings) + unit_findings
                + negation.findings(units) + omission.findings(units)
                + names_check.findings(units, glossary))
    if glossary is not None:
        findings += glossary_check.findings(units, glossary, region)
    findings = severity.weigh(units, merge(list(extra), findings))  # 2金2银: one finding per distinct problem
    return in_document_order(units, findings)


def _explained(number_findings: list[Finding], unit_findings: list[Finding]) -> list[Finding]:
    """Number findings a unit finding already explains (90% written as 90) are left to that one."""
    told = {(f.segment, f.source_mark) for f in unit_findings}
    return [f for f in number_findings if (f.segment, f.source_mark) not in told]


def in_document_order(units: list[Unit], findings: list[Finding]) -> list[Finding]:
    """Document-level findings first, then unit by unit; within a unit errors first, then by where
    the marked text stands in the source (or the English)."""
    order = {u.id: i for i, u in enumerate(units)}
    by_id = {u.id: u for u in units}

    def where(f: Finding) -> int:
        u = by_id.get(f.segment)
        if u is None:
            return 0
        at = u.source.find(f.source_mark) if f.source_mark else -1
        if at < 0 and f.target_mark:
            at = u.en.find(f.target_mark)
            at = round(at * max(len(u.source), 1) / max(len(u.en), 1)) if at >= 0 else -1
        return at if at >= 0 else len(u.source)

    def key(f: Finding) -> tuple:
        unit_index = order.get(f.segment, -1 if not f.segment else len(order))
        return (unit_index, -RANK[f.severity], where(f), f.kind)

    return sorted(findings, key=key)


def at_or_above(findings: list[Finding], severity: str) -> list[Finding]:
    """The findings whose severity is `severity` or worse (what --fail-on gates on)."""
    return [f for f in findings if RANK[f.severity] >= RANK[severity]]


def merge(*lists: list[Finding]) -> list[Finding]:
    """Concatenate finding lists, dropping repeats of the same (segment, kind, message)."""
    seen: set[tuple[str, str, str]] = set()
    out = []
    for f in (f for fs in lists for f in fs):
        key = (f.segment, f.kind, f.message)
        if key not in seen:
            seen.add(key)
            out.append(f)
    return out
