"""The importable API, used the way the README shows: the CLI is only a layer over these calls."""

from __future__ import annotations

import json

import pytest

from bilingual import api
from bilingual.errors import BilingualError
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


def test_build_checks_the_output_folder_once(tmp_path, monkeypatch):
    """The writability check runs before the work, once; publishing each article only creates the folder."""
    calls = []
    check = api._check_output
    monkeypatch.setattr(api, "_check_output", lambda out: calls.append(out) or check(out))
    articles = tmp_path / "articles"
    articles.mkdir()
    for name in ("one", "two", "three"):
        (articles / f"{name}.txt").write_text(f"标题{name}\n\n这是一篇文章的第一段。\n", encoding="utf-8")
    out = tmp_path / "a" / "b"
    built = api.build([articles], out, english=False)
    assert calls == [out]
    assert sum(p.suffix == ".html" for p in built.written) == 4  # three pages and the index


def test_publish_creates_the_folder_or_says_why_not_in_one_line(tmp_path):
    doc = api.prepare(api.load([SEED])[0])
    page, _ = api.publish(doc, tmp_path / "x" / "y")
    assert page.parent == tmp_path / "x" / "y"
    (tmp_path / "file").write_text("a file", encoding="utf-8")
    with pytest.raises(BilingualError, match=r"cannot create output folder .*file/out") as info:
        api.publish(doc, tmp_path / "file" / "out")
    assert "\n" not in str(info.value)
