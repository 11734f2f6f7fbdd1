"""The saved document data: atomic UTF-8 write, and one-line errors for anything else."""

from __future__ import annotations

import json

import pytest

from bilingual.errors import BilingualError
from bilingual.interchange.jsondoc import load_document, write_document
from tests.interchange.catdoc import make_doc


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
    (b'{"schema": 2, "id": "x", "blocks": [{"role": "cell", "cell": {"table": 1, "row": "a", "col": 0}}]}',
     "whole number"),
    (b'{"schema": 2, "id": "x", "blocks": [{"role": "figure", "src": 5}]}', "src must be a string"),
    (b'{"schema": 3, "id": "x", "blocks": [{"role": "figure", "media": "iframe"}]}', "media 'iframe' is not one of"),
])
def test_bad_files_are_one_line_errors(tmp_path, content, message):
    path = tmp_path / "bad.json"
    path.write_bytes(content)
    with pytest.raises(BilingualError, match=message) as info:
        load_document(path)
    assert "\n" not in str(info.value)


def test_tables_figures_and_players_round_trip_and_older_files_still_read(tmp_path):
    from bilingual.model import SCHEMA_VERSION, Block, Cell, Document

    doc = make_doc()
    doc.blocks.append(Block(role="cell", source="甲", cell=Cell(table=1, row=0, col=1, head=True, colspan=2)))
    doc.blocks.append(Block(role="figure", source="图", src="https://example.org/a.png"))
    doc.blocks.append(Block(role="figure", src="https://example.org/v.mp4", media="video"))
    path = write_document(doc, tmp_path / "t.json")
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["schema"] == SCHEMA_VERSION == 3
    assert data["blocks"][-1]["media"] == "video"
    assert data["blocks"][-3]["cell"] == {"table": 1, "row": 0, "col": 1, "head": True, "rowspan": 1, "colspan": 2}
    assert load_document(path) == doc
    # A file written before tables and figures existed: its blocks read as they were.
    old = make_doc().to_dict()
    old["schema"] = 1
    for block in old["blocks"]:
        del block["cell"], block["src"], block["media"]
    (tmp_path / "old.json").write_text(json.dumps(old, ensure_ascii=False), encoding="utf-8")
    assert load_document(tmp_path / "old.json") == make_doc()
    # A schema 2 file, before players: its figures are images.
    image = Block(role="figure", source="图", src="https://example.org/a.png")
    two = Document(id="x", blocks=[image]).to_dict()
    two["schema"] = 2
    del two["blocks"][0]["media"]
    (tmp_path / "two.json").write_text(json.dumps(two, ensure_ascii=False), encoding="utf-8")
    assert load_document(tmp_path / "two.json").blocks == [image]


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


def test_control_characters_in_a_hand_edited_file_are_dropped(tmp_path):
    """A control character is illegal in XLIFF/TMX XML: dropped on load, so export cannot trip on it."""
    doc = make_doc()
    data = doc.to_dict()
    seg = data["blocks"][0]["segments"][0]
    seg["en"] = "Chinese\u0001"
    seg["notes"] = ["a\u0007 note"]
    data["meta"]["title"] = "T\x1bitle"
    path = tmp_path / "ctrl.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    loaded = load_document(path)
    assert loaded.segments()[0].en == "Chinese"
    assert loaded.segments()[0].notes == ["a note"]
    assert loaded.meta.title == "Title"
    assert loaded.segments()[1:] == doc.segments()[1:]


@pytest.mark.parametrize("notes", ["one note", [1, 2], {"a": "b"}])
def test_notes_must_be_a_list_of_strings(tmp_path, notes):
    data = make_doc().to_dict()
    data["blocks"][0]["segments"][0]["notes"] = notes
    path = tmp_path / "notes.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(BilingualError, match="notes must be a list of strings"):
        load_document(path)
