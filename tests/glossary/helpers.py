"""Glossary files written for tests, and the seed's text."""

from __future__ import annotations

from pathlib import Path

from bilingual.glossary.terms import COLUMNS
from tests.conftest import SEED

HEADER = "\t".join(COLUMNS)


def write(path: Path, *rows: str, header: str = HEADER) -> Path:
    path.write_text("\n".join(["# a comment", header, *rows]) + "\n", encoding="utf-8")
    return path


def row(id, kind, hans, en, **cells: str) -> str:
    """One TSV row in COLUMNS order; unnamed columns empty."""
    cells |= {"id": id, "kind": kind, "hans": hans, "en": en}
    assert set(cells) <= set(COLUMNS), cells
    return "\t".join(cells.get(c, "") for c in COLUMNS)


def seed_text() -> str:
    from bilingual import api

    doc = api.load([SEED])[0]
    return "".join(b.source for b in doc.blocks)
