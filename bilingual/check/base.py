"""What every finding family shares: the Finding record and the Unit it is about.

A Unit is the pair the checks compare: a Chinese source and its English. For a
document translated sentence by sentence it is one Segment; for an external
translation aligned paragraph to paragraph it is one Block (or two merged
Blocks), because that is the finest level at which the pairing is known.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass

# Lowest to highest; --fail-on compares ranks.
SEVERITIES = ("info", "warning", "error")
RANK = {name: i for i, name in enumerate(SEVERITIES)}


@dataclass
class Finding:
    """One problem a proofreader should look at.

    `source` / `target` are excerpts around the problem; `source_mark` /
    `target_mark` are the exact substrings to highlight in them (may be "").
    `target_column` says which column `target` was taken from: "en", or "hant"
    for a finding about the Traditional column.
    """

    segment: str
    kind: str
    severity: str
    source: str = ""
    target: str = ""
    message: str = ""
    suggestion: str = ""
    source_mark: str = ""
    target_mark: str = ""
    target_column: str = "en"
    # Why the severity is what it is, for the kinds check/severity.py grades: strong evidence, or weak
    # evidence alone (info) or corroborated by another family (warning). "" for the other kinds.
    reason: str = ""

    def to_dict(self) -> dict:
        return asdict(self)


@dataclass
class Unit:
    """A source/target pair to check; `id` is the segment id findings refer to."""

    id: str
    source: str
    en: str
    hant: str = ""
    origin: str = ""
    block: int = 0
    # "segment" or "block": how finely the English is known to match the source.
    level: str = "segment"
    # The source's sentences (a block unit's segments); empty for a segment unit.
    sentences: tuple[str, ...] = ()


def excerpt(text: str, mark: str = "", width: int = 160) -> str:
    """A window of `text` of about `width` characters, centred on `mark` when given."""
    text = " ".join(text.split())
    if len(text) <= width:
        return text
    at = text.find(mark) if mark else -1
    if at < 0:
        return text[: width - 1] + "…"
    start = max(0, at + len(mark) // 2 - width // 2)
    end = min(len(text), start + width)
    start = max(0, end - width)
    return ("…" if start else "") + text[start:end] + ("…" if end < len(text) else "")
