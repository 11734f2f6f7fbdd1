"""A returned XLIFF that went through a PO workflow (xliff2po -> edit -> po2xliff, translate-toolkit
in-process): only the English that really changed becomes human, the PO header is no segment, and
the names a proofreader kept stay marked on the rebuilt page."""

from __future__ import annotations

import io

from translate.convert import po2xliff, xliff2po
from translate.storage import po

from bilingual.interchange.jsondoc import load_document
from tests.clirun import run_cli
from tests.conftest import SEED


def _through_po(xlf, edits: dict[str, str]):
    """XLIFF -> PO, replace msgstr of the given msgids, PO -> XLIFF (ids and alt-trans are lost on the way)."""
    out = io.BytesIO()
    xliff2po.convertxliff(io.BytesIO(xlf.read_bytes()), out, None)
    store = po.pofile.parsestring(out.getvalue())
    assert store.units[0].isheader()
    for unit in store.units:
        if unit.source in edits:
            unit.target = edits[unit.source]
    back = io.BytesIO()
    po2xliff.convertpo(io.BytesIO(bytes(store)), back, None)
    returned = xlf.with_name("returned.xlf")
    returned.write_bytes(back.getvalue())
    assert b"x-gettext-domain-header" in back.getvalue() and b"bilingual-mt" not in back.getvalue()
    return returned


def test_po_round_trip_imports_only_real_edits_and_keeps_name_marks(tmp_path, argos_home, capsys):
    out, memory = tmp_path / "out", tmp_path / "m.sqlite"
    assert run_cli(capsys, "build", SEED, "-o", out, "--memory", memory, "-q").code == 0
    article = next(out.glob("*.json"))
    first = load_document(article)
    assert run_cli(capsys, "export", article, "--format", "xliff", "-o", tmp_path / "seed.xlf").code == 0
    named = [s for s in first.segments() if s.origin in ("mt", "memory") and s.marks["en"]]
    plain = [s for s in first.segments() if s.origin in ("mt", "memory") and not s.marks["en"]]
    assert named and plain
    seen: set[str] = set()
    repeats = []  # segments whose names all came earlier: rewording them moves no first mention
    for s in first.segments():
        refs = {m.ref for m in s.marks["en"]}
        if s in named and refs <= seen:
            repeats.append(s)
        seen |= refs
    kept, dropped = named[0], repeats[0]
    # The proofreader keeps kept's names (rewrites around them), rewrites dropped without its names.
    kept_en = "Edited: " + kept.en + " (checked)"
    edits = {kept.hans: kept_en, dropped.hans: "A sentence that names nobody.", plain[0].hans: "A plain edit."}
    returned = _through_po(tmp_path / "seed.xlf", edits)

    unmatched = run_cli(capsys, "import", returned, "--memory", tmp_path / "other.sqlite")
    assert unmatched.code == 0 and "could not be compared" in unmatched.out and "--doc" in unmatched.out

    result = run_cli(capsys, "import", returned, "--memory", memory, "--doc", article)
    assert result.code == 0, result.err
    assert "3 new" in result.out, result.out
    translated = sum(1 for s in first.segments() if s.en)
    assert f"{translated - 3} left as machine output" in result.out, result.out

    assert run_cli(capsys, "build", SEED, "-o", out, "--memory", memory, "-q").code == 0
    second = {s.id: s for s in load_document(article).segments()}
    changed = {s.id for s in first.segments() if second[s.id].en != s.en}
    assert changed == {kept.id, dropped.id, plain[0].id}
    assert all(second[i].origin == "human" for i in changed)
    after = second[kept.id]
    assert after.en == kept_en
    assert [m.ref for m in after.marks["en"]] == [m.ref for m in kept.marks["en"]], "names kept stay marked"
    for old, new in zip(kept.marks["en"], after.marks["en"], strict=True):
        assert after.en[new.start:new.end] == kept.en[old.start:old.end]
    assert second[dropped.id].marks["en"] == [], "no name left, no mark"
