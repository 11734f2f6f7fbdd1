"""The importable API, used the way the README shows: the CLI is only a layer over these calls."""

from __future__ import annotations

import json

from bilingual import api
from tests.conftest import SEED


def test_readme_example_load_prepare_translate_publish(tmp_path, tiny_engine):
    names = api.glossary()
    doc = api.prepare(api.load([SEED.parent])[0], variant="s2twp", glossary=names)
    assert all(s.hans and s.hant and not s.en for s in doc.segments())
    doc = api.translate(doc, tiny_engine, glossary=names)
    assert all(s.en for s in doc.segments())
    assert doc.provenance["engine"] == "argos" and doc.provenance["model"] == tiny_engine.identity
    page, data = api.publish(doc, tmp_path / "new-folder", glossary=names)
    assert page.exists() and json.loads(data.read_text(encoding="utf-8"))["id"] == doc.id
    assert 'class="term"' in page.read_text(encoding="utf-8")


def test_steps_do_not_mutate_their_input(tiny_engine):
    doc = api.load([SEED])[0]
    before = doc.to_dict()
    prepared = api.prepare(doc)
    assert doc.to_dict() == before
    snapshot = prepared.to_dict()
    api.translate(prepared, tiny_engine)
    assert prepared.to_dict() == snapshot
