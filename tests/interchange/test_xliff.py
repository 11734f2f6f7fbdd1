"""XLIFF export with translate-toolkit, the reader, XXE refusal, and the post-editing round trip."""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import etree
from translate.storage import xliff as tt_xliff
from translate.storage import xliff2 as tt_xliff2

from bilingual.errors import BilingualError
from bilingual.interchange.jsondoc import write_document
from bilingual.interchange.returned import import_edits, read_returned
from bilingual.interchange.xliff import read_xliff_units, write_xliff
from bilingual.translate.memory import Memory
from tests.clirun import run_cli
from tests.interchange.catdoc import DOC_ID, SubstringGlossary, Term, make_doc


def import_file(path, memory, doc=None):
    """What `bilingual import` does: read the returned file, then store its edits."""
    return import_edits(read_returned(path), memory, doc=doc, path=path)

NS12 = {"x": "urn:oasis:names:tc:xliff:document:1.2"}
NS20 = {"x": "urn:oasis:names:tc:xliff:document:2.0"}
ENGINE = "translate-zh_en 1.9 sha256:test"


def test_xliff12_one_unit_per_segment_in_block_groups(tmp_path):
    doc = make_doc()
    doc.blocks[1].segments[0].origin = "human"
    path = write_xliff(doc, tmp_path / "a.xlf")
    root = etree.parse(str(path)).getroot()
    assert root.get("version") == "1.2"
    file = root.find("x:file", NS12)
    assert (file.get("original"), file.get("source-language"), file.get("target-language")) == \
        (DOC_ID, "zh-Hans", "en")
    groups = file.findall("x:body/x:group", NS12)
    assert [g.get("restype") for g in groups] == ["x-heading", "x-paragraph"]
    for group, block in zip(groups, doc.blocks, strict=True):
        units = group.findall("x:trans-unit", NS12)
        assert [u.get("id") for u in units] == [s.id for s in block.segments]
        assert [u.findtext("x:source", namespaces=NS12) for u in units] == [s.hans for s in block.segments]
        assert [u.findtext("x:target", namespaces=NS12) for u in units] == [s.en for s in block.segments]
    human = groups[1].find("x:trans-unit", NS12)
    assert human.find("x:target", NS12).get("state") == "final" and human.get("approved") == "yes"
    machine = groups[0].find("x:trans-unit", NS12)
    assert machine.find("x:target", NS12).get("state") == "needs-review-translation"
    assert machine.find("x:target", NS12).get("state-qualifier") == "mt-suggestion"
    # translate-toolkit, which CAT pipelines use, reads it back unit for unit.
    store = tt_xliff.xlifffile.parsestring(path.read_bytes())
    assert [u.source for u in store.units] == [s.hans for s in doc.segments()]


def test_glossary_terms_become_notes(tmp_path):
    doc = make_doc()
    glossary = SubstringGlossary([Term("圣保罗", "São Paulo", "place"), Term("中国", "China", "place"),
                                  Term("海关总署", "General Administration of Customs", "organisation")])
    path = write_xliff(doc, tmp_path / "a.xlf", glossary=glossary)
    notes = {u.xmlelement.get("id"): u.getnotes("bilingual-glossary")
             for u in tt_xliff.xlifffile.parsestring(path.read_bytes()).units}
    segs = doc.segments()
    # In order of appearance, each term once though 中国 occurs twice in segment 4.
    assert notes[segs[2].id].splitlines() == ["中国 → China (place)", "圣保罗 → São Paulo (place)"]
    assert notes[segs[4].id].splitlines() == ["中国 → China (place)",
                                              "海关总署 → General Administration of Customs (organisation)"]
    assert notes[segs[1].id] == ""  # no term in that sentence, no note


def test_xliff20_units_and_notes_where_the_schema_wants_them(tmp_path):
    doc = make_doc()
    glossary = SubstringGlossary([Term("中国", "China", "place")])
    path = write_xliff(doc, tmp_path / "a.xlf", version="2.0", glossary=glossary)
    root = etree.parse(str(path)).getroot()
    assert (root.get("version"), root.get("srcLang"), root.get("trgLang")) == ("2.0", "zh-Hans", "en")
    units = root.findall(".//x:unit", NS20)
    assert [u.get("id") for u in units] == [s.id for s in doc.segments()]
    for unit in units:
        children = [etree.QName(c).localname for c in unit]
        assert children[-1] == "segment" and children[:-1] in ([], ["notes"])
    store = tt_xliff2.Xliff2File.parsestring(path.read_bytes())
    assert [u.target for u in store.units] == [s.en for s in doc.segments()]


@pytest.mark.parametrize("version", ["1.2", "2.0"])
def test_read_xliff_returns_what_was_written(tmp_path, version):
    doc = make_doc()
    doc.segments()[-1].en = ""  # an untranslated segment travels without a target
    rows = _rows(write_xliff(doc, tmp_path / "a.xlf", version=version))
    assert [(i, s, t) for i, s, t, _ in rows] == [(s.id, s.hans, s.en) for s in doc.segments()]
    assert {state for *_, state in rows[:-1]} == {"needs-review-translation" if version == "1.2" else "translated"}


def test_unsupported_version_is_a_user_error(tmp_path):
    with pytest.raises(BilingualError, match="version"):
        write_xliff(make_doc(), tmp_path / "a.xlf", version="1.0")
    assert not list(tmp_path.iterdir())


def test_write_is_atomic_and_replaces(tmp_path):
    target = tmp_path / "a.xlf"
    target.write_text("old", encoding="utf-8")
    write_xliff(make_doc(), target)
    assert target.read_bytes().startswith(b"<?xml") and sorted(p.name for p in tmp_path.iterdir()) == ["a.xlf"]


XXE = """<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE xliff [ <!ENTITY xxe SYSTEM "file://{secret}"> ]>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
 <file original="a" source-language="zh-Hans" target-language="en" datatype="plaintext"><body>
  <trans-unit id="u1"><source>普京说。</source><target>&xxe;</target></trans-unit>
 </body></file></xliff>"""


@pytest.fixture
def secret(tmp_path) -> Path:
    path = tmp_path / "secret.txt"
    path.write_text("TOP-SECRET-CONTENT", encoding="utf-8")
    return path


@pytest.mark.parametrize("encoding", ["UTF-8", "UTF-16"])  # UTF-16 hides the declaration from a byte search
def test_external_entity_is_refused_not_resolved(tmp_path, secret, encoding):
    path = tmp_path / "evil.xlf"
    path.write_text(XXE.format(secret=secret).replace("UTF-8", encoding), encoding=encoding)
    with pytest.raises(BilingualError, match="entities") as info:
        _rows(path)
    assert "TOP-SECRET" not in str(info.value)
    with Memory(tmp_path / "m.sqlite") as mem:
        with pytest.raises(BilingualError, match="entities"):
            import_file(path, mem)
        assert mem.counts() == {"mt": 0, "human": 0}


def test_xxe_through_the_cli_is_one_line(tmp_path, secret, capsys):
    path = tmp_path / "evil.xlf"
    path.write_text(XXE.format(secret=secret), encoding="utf-8")
    result = run_cli(capsys, "import", path, "--memory", tmp_path / "m.sqlite")
    assert result.code == 1 and "Traceback" not in result.err and "TOP-SECRET" not in result.err + result.out
    assert len(result.err.strip().splitlines()) == 1 and "entities" in result.err


@pytest.mark.parametrize("content, message", [
    (b"", "empty"),
    (b"<xliff version='1.2'><file>", "not a well-formed"),
    (b"\x89PNG\r\n\x1a\n\x00\x00binary", "not a well-formed"),
    (b"<?xml version='1.0'?><html><body/></html>", "not an XLIFF"),
])
def test_bad_files_are_one_line_errors(tmp_path, content, message):
    path = tmp_path / "bad.xlf"
    path.write_bytes(content)
    with pytest.raises(BilingualError, match=message) as info:
        _rows(path)
    assert "\n" not in str(info.value)


def _proofread(path: Path, edits: dict[str, str]) -> None:
    """What a proofreader's CAT tool does: change some targets, mark them final, save."""
    tree = etree.parse(str(path))
    for unit in tree.iter("{*}trans-unit", "{*}unit"):
        if unit.get("id") in edits:
            target = next(unit.iter("{*}target"))
            target.text = edits[unit.get("id")]
            (target if unit.tag.endswith("trans-unit") else target.getparent()).set("state", "final")
    tree.write(str(path), encoding="UTF-8", xml_declaration=True)


@pytest.mark.parametrize("version", ["1.2", "2.0"])
def test_post_editing_round_trip(tmp_path, version):
    doc = make_doc()
    segs = doc.segments()
    path = write_xliff(doc, tmp_path / "a.xlf", version=version)
    edits = {segs[1].id: "To me, though, his enthusiasm suggested the opposite.",
             segs[4].id: "This week China's customs administration published figures."}
    _proofread(path, edits)
    with Memory(tmp_path / "fresh.sqlite") as mem:
        report = import_file(path, mem)
        assert (report.new, report.changed, report.machine, report.skipped_empty) == (2, 0, len(segs) - 2, 0)
        for seg in segs:
            hit = mem.lookup(seg.hans, ENGINE, "")
            if seg.id in edits:
                assert hit == (edits[seg.id], "human")
            else:
                assert hit is None  # untouched machine output is not a human decision
        # Importing the same file again learns nothing new.
        again = import_file(path, mem)
        assert (again.new, again.changed, again.unchanged) == (0, 0, 2)


def test_import_without_machine_marker_uses_the_document(tmp_path):
    """A CAT tool may drop <alt-trans>; the saved document still tells edits from MT."""
    doc = make_doc()
    segs = doc.segments()
    path = write_xliff(doc, tmp_path / "a.xlf")
    tree = etree.parse(str(path))
    for alt in list(tree.iter("{*}alt-trans")):
        alt.getparent().remove(alt)
    tree.write(str(path), encoding="UTF-8", xml_declaration=True)
    _proofread(path, {segs[0].id: "Precise, because the tolerances were tiny."})
    assert all(u.machine == "" for u in read_xliff_units(path))
    with Memory(tmp_path / "m.sqlite") as mem:
        report = import_file(path, mem, doc=doc)
        assert (report.new, report.machine) == (1, len(segs) - 1)
        assert mem.lookup(segs[0].hans, ENGINE, "") == ("Precise, because the tolerances were tiny.", "human")
    with Memory(tmp_path / "m2.sqlite") as mem:
        # Without the document, every target counts as human: losing an edit is worse.
        assert import_file(path, mem).new == len(segs)


def test_signed_off_machine_sentence_is_stored_as_human(tmp_path):
    doc = make_doc()
    seg = doc.segments()[2]
    path = write_xliff(doc, tmp_path / "a.xlf")
    _proofread(path, {seg.id: seg.en})  # same text, but the proofreader marked it final
    with Memory(tmp_path / "m.sqlite") as mem:
        assert import_file(path, mem).new == 1
        assert mem.lookup(seg.hans, ENGINE, "") == (seg.en, "human")


def test_empty_targets_are_skipped(tmp_path):
    doc = make_doc()
    segs = doc.segments()
    path = write_xliff(doc, tmp_path / "a.xlf")
    _proofread(path, {segs[0].id: "   ", segs[1].id: "Edited."})
    with Memory(tmp_path / "m.sqlite") as mem:
        report = import_file(path, mem)
        assert (report.skipped_empty, report.new) == (1, 1)
        assert mem.lookup(segs[0].hans, ENGINE, "") is None


def test_cli_export_then_import(tmp_path, capsys):
    doc = make_doc()
    segs = doc.segments()
    article = write_document(doc, tmp_path / f"{doc.id}.json")
    result = run_cli(capsys, "export", article, "--format", "xliff")
    assert result.code == 0, result.err
    exported = tmp_path / f"{doc.id}.xlf"
    assert result.out.strip() == str(exported) and exported.exists()
    _proofread(exported, {segs[3].id: "As it turns out, I have been chief of staff for four years and eight months."})
    memory = tmp_path / "m.sqlite"
    result = run_cli(capsys, "import", exported, "--memory", memory, "--doc", article)
    assert result.code == 0, result.err
    assert "1 new" in result.out and f"{len(segs) - 1} left as machine output" in result.out
    with Memory(memory) as mem:
        assert mem.lookup(segs[3].hans, ENGINE, "")[1] == "human"


def test_cli_export_bad_article_is_one_line(tmp_path, capsys):
    bad = tmp_path / "x.json"
    bad.write_text("{not json", encoding="utf-8")
    result = run_cli(capsys, "export", bad, "--format", "tmx")
    assert result.code == 1 and len(result.err.strip().splitlines()) == 1 and "invalid JSON" in result.err
    assert not (tmp_path / "x.tmx").exists()


def test_cli_export_attaches_shipped_glossary_notes(tmp_path, capsys):
    doc = make_doc()
    article = write_document(doc, tmp_path / f"{doc.id}.json")
    assert run_cli(capsys, "export", article, "--format", "xliff").code == 0
    units = read_xliff_units(tmp_path / f"{doc.id}.xlf")
    store = tt_xliff.xlifffile.parsestring((tmp_path / f"{doc.id}.xlf").read_bytes())
    notes = [u.getnotes("bilingual-glossary") for u in store.units]
    # where the matcher finds China (not in 中国驻圣保罗总领馆, a consulate's longer name)
    from bilingual.glossary import Glossary

    shipped = Glossary.default()
    with_china = [i for i, u in enumerate(units) if any(m.hans == "中国" for m in shipped.find(u.source))]
    assert with_china and all("中国 → China" in notes[i] for i in with_china)
    assert all("中国 → China" not in notes[i] for i in range(len(units)) if i not in with_china)
    assert run_cli(capsys, "export", article, "--format", "xliff", "--no-glossary", "-o",
                   tmp_path / "bare.xlf").code == 0
    bare = tt_xliff.xlifffile.parsestring((tmp_path / "bare.xlf").read_bytes())
    assert not any(u.getnotes("bilingual-glossary") for u in bare.units)


def test_rebuild_after_import_prefers_human_and_changes_only_edited(tmp_path, tiny_engine):
    """The whole loop on the real (tiny) engine: translate, export, proofread, import, translate again."""
    from bilingual import api
    from bilingual.translate.run import translate_document

    glossary = api.glossary()
    source = make_doc()
    for seg in source.segments():
        seg.en, seg.origin = "", ""
    with Memory(tmp_path / "m.sqlite") as mem:
        first = translate_document(source, tiny_engine, glossary=glossary, memory=mem)
        segs = first.segments()
        assert all(s.en and s.origin == "mt" for s in segs)
        path = write_xliff(first, tmp_path / "a.xlf", glossary=glossary)
        # Segment 4 contains a glossary name (中国), so its memory context is not "".
        assert glossary.fingerprint(segs[4].hans)
        edits = {segs[1].id: "To me, his enthusiasm implied the opposite.",
                 segs[4].id: "This week China's customs administration published figures."}
        _proofread(path, edits)
        assert import_file(path, mem).new == 2
        second = translate_document(source, tiny_engine, glossary=glossary, memory=mem)
    for before, after in zip(segs, second.segments(), strict=True):
        if before.id in edits:
            assert (after.en, after.origin) == (edits[before.id], "human")
        else:
            assert (after.en, after.origin) == (before.en, "memory")


def test_cli_build_export_import_rebuild_changes_only_edited(tmp_path, argos_home, capsys):
    """Issue 5's acceptance on the seed, through the real commands and the tiny engine."""
    import json

    from bilingual.interchange.jsondoc import load_document
    from tests.conftest import SEED

    out, memory = tmp_path / "out", tmp_path / "m.sqlite"
    result = run_cli(capsys, "build", SEED, "-o", out, "--memory", memory)
    assert result.code == 0, result.err
    article = next(out.glob("*.json"))
    first = load_document(article)
    assert run_cli(capsys, "export", article, "--format", "xliff", "-o", tmp_path / "seed.xlf").code == 0
    translated = [s for s in first.segments() if s.origin in ("mt", "memory")]
    edits = {translated[0].id: "A proofreader's first sentence.", translated[-1].id: "And the last one."}
    _proofread(tmp_path / "seed.xlf", edits)
    result = run_cli(capsys, "import", tmp_path / "seed.xlf", "--memory", memory, "--doc", article)
    assert result.code == 0 and "2 new" in result.out, result.out + result.err
    result = run_cli(capsys, "build", SEED, "-o", out, "--memory", memory)
    assert result.code == 0, result.err
    second = load_document(article)
    changed = {a.id for a, b in zip(first.segments(), second.segments(), strict=True) if a.en != b.en}
    assert changed == set(edits)
    assert {s.id: (s.en, s.origin) for s in second.segments() if s.id in edits} == \
        {i: (text, "human") for i, text in edits.items()}
    assert json.loads(article.read_text(encoding="utf-8"))["meta"] == first.to_dict()["meta"]


def _rows(path):
    """(segment id, source, target, state) of every unit."""
    return [(u.id, u.source, u.target, u.state) for u in read_xliff_units(path)]
