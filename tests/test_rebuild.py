"""Issue 6's memory promises, end to end: a rebuild reuses every finished segment; a term's new English
needs no engine at all (machine rows are keyed by the masked text the engine saw); a new term sends only
the segments whose masked text it changes back to the engine."""

from __future__ import annotations

import json

from bilingual.glossary import Glossary
from bilingual.model import Document, normalize
from bilingual.translate.protect import protect
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


def _masked(doc: Document, glossary: Glossary) -> dict[str, str]:
    """segment id -> the text the engine sees for it (as the memory normalizes it)."""
    return {s.id: normalize(protect(s.hans or s.source, glossary).masked) for s in doc.segments()}


def test_a_terms_new_english_retranslates_nothing(capsys, tmp_path, argos_home):
    memory = tmp_path / "tm.sqlite"
    first = _build(capsys, tmp_path / "a", memory)
    override = tmp_path / "ours.tsv"
    override.write_text(HEADER + "biden\tperson\t拜登\t\tJoseph R. Biden\t\t\t\t\t\t\t\n", encoding="utf-8")
    again = _build(capsys, tmp_path / "b", memory, "--glossary", override)

    assert {s.origin for s in again.segments()} == {"memory"}, "the masked texts did not change"
    with_biden = [s for s in again.segments() if "拜登" in s.source]
    assert with_biden and all("Joseph R. Biden" in s.en for s in with_biden)
    before = {s.id: s.en for s in first.segments()}
    assert all("Joseph R. Biden" not in before[s.id] and "Biden" in before[s.id] for s in with_biden)
    others = [s for s in again.segments() if "拜登" not in s.source]
    assert others and all(s.en == before[s.id] for s in others)


def test_a_new_term_sends_only_the_segments_it_masks_to_the_engine(capsys, tmp_path, argos_home):
    memory = tmp_path / "tm.sqlite"
    first = _build(capsys, tmp_path / "a", memory)
    override = tmp_path / "ours.tsv"
    override.write_text(HEADER + "nukes\tother\t核武器\t\tnuclear weapons\t\t\t\t\t\t\t\n"
                        "rus-dprk\torg\t俄朝\t\tRussia-North Korea\t\t\t\t\t\t\t\n", encoding="utf-8")
    again = _build(capsys, tmp_path / "b", memory, "--glossary", override)

    known = set(_masked(first, Glossary.default()).values())
    now = _masked(again, Glossary.default([override]))
    changed = {s.id for s in again.segments() if now[s.id] not in known}
    assert changed and len(changed) < len(now), "the new term is in some segments, not all"
    assert all("核武器" in s.source or "俄朝" in s.source for s in again.segments() if s.id in changed)
    assert {s.id for s in again.segments() if s.origin == "mt"} == changed
    assert {s.origin for s in again.segments() if s.id not in changed} == {"memory"}
    # (a name opening the sentence is capitalised)
    assert all("nuclear weapons" in s.en.lower() or "Russia-North Korea" in s.en
               for s in again.segments() if s.id in changed)
