"""Exports that strict tools accept: XLIFF 1.2 and 2.0 (OASIS XSD), TMX 1.4 (LISA DTD), TBX (MARTIF core DTD)."""

from __future__ import annotations

import pytest

from bilingual import api
from bilingual.interchange.jsondoc import load_document
from bilingual.interchange.tbx import export_tbx
from bilingual.interchange.tmx import write_tmx
from bilingual.interchange.xliff import write_xliff
from tests.conftest import SEED
from tests.interchange.catdoc import make_doc
from tests.schemas import dtd, errors, needs_schemas, xsd

pytestmark = needs_schemas


@pytest.fixture(scope="module")
def glossary():
    return api.glossary()


@pytest.fixture(scope="module")
def seed_doc(tmp_path_factory):
    """The seed as a build leaves it without a model: every unit has a source and no target."""
    out = tmp_path_factory.mktemp("seed")
    api.build([SEED], out, english=False)
    return load_document(out / f"{SEED.stem}.json")


def _mixed_doc():
    """Machine, human and untranslated segments, glossary names and segment notes."""
    doc = make_doc(per_block=4)
    segs = list(doc.segments())
    segs[1].origin = "human"
    segs[2].en = ""
    segs[3].notes = ["repaired: 普京 → Putin"]
    return doc


@pytest.mark.parametrize("version, schema", [("1.2", "xliff1.2/xliff-core-1.2-strict.xsd"),
                                             ("2.0", "xliff2.0/xliff_core_2.0.xsd")])
def test_xliff_validates_against_the_oasis_schema(tmp_path, glossary, seed_doc, version, schema):
    for name, doc in (("mixed", _mixed_doc()), ("seed", seed_doc)):
        path = write_xliff(doc, tmp_path / f"{name}-{version}.xlf", version=version, glossary=glossary)
        assert errors(xsd(schema), path) == [], f"{name} XLIFF {version}"


def test_tmx_validates_against_the_tmx14_dtd(tmp_path, glossary):
    path = write_tmx(_mixed_doc(), tmp_path / "a.tmx", glossary=glossary)
    assert errors(dtd("tmx/tmx14.dtd"), path) == []


@pytest.mark.parametrize("schema", ["tbx/TBXcoreStructV02.dtd", "tbx/TBXcdv04.dtd"])
def test_tbx_validates_against_the_core_structure_dtd(tmp_path, glossary, schema):
    path = tmp_path / "names.tbx"
    export_tbx(glossary, path)
    assert errors(dtd(schema), path) == []


def test_the_validator_does_catch_a_broken_file(tmp_path):
    """The checks above can fail: an element out of place is reported."""
    path = write_xliff(make_doc(), tmp_path / "a.xlf", version="1.2")
    path.write_text(path.read_text(encoding="utf-8").replace("<source", "<bogus/><source", 1), encoding="utf-8")
    assert errors(xsd("xliff1.2/xliff-core-1.2-strict.xsd"), path)
