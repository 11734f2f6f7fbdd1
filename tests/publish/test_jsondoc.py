"""The saved document data: atomic UTF-8 write, and one-line errors for anything else."""

from __future__ import annotations

import json

import pytest

from bilingual.errors import BilingualError
from bilingual.publish.jsondoc import load_document, write_document
from tests.publish.catdoc import make_doc


def test_round_trip_keeps_everything(tmp_path):
    doc = make_doc()
    doc.segments()[0].notes = ["a note"]
    path = write_document(doc, tmp_path / "a.json")
    text = path.read_text(encoding="utf-8")
    assert doc.segments()[0].hans in text  # Chinese written as text, not \\u escapes
    assert load_document(path) == doc
    assert [p.name for p in tmp_path.iterdir()] == ["a.json"]


@pytest.mark.parametrize("content, message", [
    (b"", "invalid JSON"),
    (b"\xff\xfe\x00binary", "not UTF-8"),
    (b'{"id": "x", "blocks": [', "invalid JSON"),
    (b"[1, 2]", "not a bilingual document"),
    (b'{"schema": 99, "id": "x", "blocks": []}', "schema 99"),
    (b'{"schema": 1, "id": "x", "blocks": [{"role": "paragraph", "segments": [{"id": 5}]}]}', "malformed"),
    (b'{"schema": 1, "id": "x", "blocks": ["nope"]}', "malformed"),
    (b'{"schema": 1, "id": "x", "blocks": [{"role": "p", "segments": [{"id": "a", "source": 3}]}]}',
     "must be a string"),
])
def test_bad_files_are_one_line_errors(tmp_path, content, message):
    path = tmp_path / "bad.json"
    path.write_bytes(content)
    with pytest.raises(BilingualError, match=message) as info:
        load_document(path)
    assert "\n" not in str(info.value)


def test_missing_and_folder(tmp_path):
    with pytest.raises(BilingualError, match="no such file"):
        load_document(tmp_path / "nope.json")
    with pytest.raises(BilingualError, match="folder"):
        load_document(tmp_path)


def test_reads_what_the_model_writes(tmp_path):
    doc = make_doc()
    path = tmp_path / "b.json"
    path.write_text(json.dumps(doc.to_dict()), encoding="utf-8")
    assert load_document(path).segments()[3].en == doc.segments()[3].en
