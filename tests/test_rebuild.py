"""Issue 6's memory promises, end to end: a rebuild reuses every finished segment, and changing one
glossary term sends only the segments that contain it back to the engine."""

from __future__ import annotations

import json

from bilingual.model import Document
from tests.clirun import run_cli
from tests.conftest import SEED

HEADER = "id\tkind\thans\taliases\ten\ten_long\ten_adj\tbanned\tzh_hant\tzh_tw\tzh_hk\tnote\n"


def _build(capsys, out, memory, *extra) -> Document:
    result = run_cli(capsys, "build", SEED, "-o", out, "--memory", memory, *extra)
    assert result.code == 0, result.err
    return Document.from_dict(json.loads((out / f"{SEED.stem}.json").read_text(encoding="utf-8")))


def test_rebuild_is_served_from_memory(capsys, tmp_path, argos_home):
    memory = tmp_path / "tm.sqlite"
    first = _build(capsys, tmp_path / "a", memory)
    second = _build(capsys, tmp_path / "b", memory)
    assert {s.origin for s in first.segments()} == {"mt"}
    assert {s.origin for s in second.segments()} == {"memory"}
    assert [s.en for s in first.segments()] == [s.en for s in second.segments()]


def test_changing_one_term_retranslates_only_its_segments(capsys, tmp_path, argos_home):
    memory = tmp_path / "tm.sqlite"
    _build(capsys, tmp_path / "a", memory)
    override = tmp_path / "ours.tsv"
    override.write_text(HEADER + "biden\tperson\t拜登\t\tJoseph R. Biden\t\t\t\t\t\t\t\n", encoding="utf-8")
    again = _build(capsys, tmp_path / "b", memory, "--glossary", override)

    with_biden = [s for s in again.segments() if "拜登" in s.source]
    others = [s for s in again.segments() if "拜登" not in s.source]
    assert with_biden and all(s.origin == "mt" and "Joseph R. Biden" in s.en for s in with_biden)
    assert others and all(s.origin == "memory" for s in others)
