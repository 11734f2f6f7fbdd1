"""The OmegaT project export: OmegaT shows the Chinese as the text to translate with the English already in,
and what it writes back imports as exactly the proofreader's edits. Run through Debian's OmegaT in console
mode when it is installed (.ci/run installs it); the project's files are checked without it too."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest
from lxml import etree

from bilingual.interchange.jsondoc import load_document
from tests.clirun import run_cli
from tests.conftest import SEED
from tests.schemas import SCHEMAS, dtd, errors, xsd

NS = {"x": "urn:oasis:names:tc:xliff:document:1.2"}
needs_omegat = pytest.mark.skipif(shutil.which("omegat") is None or shutil.which("java") is None,
                                  reason="OmegaT is not installed (Debian package omegat; .ci/run installs it)")


@pytest.fixture(scope="module")
def built(tmp_path_factory, argos_home_module):
    from bilingual.cli import main

    out = tmp_path_factory.mktemp("omegat")
    try:
        main(["build", str(SEED), "-o", str(out / "out"), "-q", "--memory", str(out / "m.sqlite")])
    except SystemExit as e:
        assert not e.code
    return out, next((out / "out").glob("*.json"))


@pytest.fixture
def project(built, tmp_path, capsys):
    _, article = built
    result = run_cli(capsys, "export", article, "--format", "omegat", "-o", tmp_path / "proj")
    assert result.code == 0, result.err
    return tmp_path / "proj", article


def _units(path: Path) -> list[etree._Element]:
    return etree.parse(str(path)).getroot().findall(".//x:trans-unit", NS)


def test_project_holds_chinese_to_translate_and_english_to_insert(project, capsys):
    folder, article = project
    doc = load_document(article)
    assert (folder / "omegat.project").is_file() and (folder / "glossary" / "names.tbx").is_file()
    xlf = folder / "source" / f"{article.stem}.xlf"
    units = _units(xlf)
    assert [u.findtext("x:source", namespaces=NS) for u in units] == [s.hans or s.source for s in doc.segments()]
    assert all(u.findtext("x:target", namespaces=NS) == u.findtext("x:source", namespaces=NS) for u in units)
    machine = [u.findtext("x:alt-trans/x:target", namespaces=NS) for u in units]
    assert machine == [s.en if s.origin != "human" and s.en else None for s in doc.segments()]
    tmx = etree.parse(str(folder / "tm" / "auto" / f"{article.stem}.tmx"))
    assert len(tmx.findall(".//tu")) == sum(1 for s in doc.segments() if s.en)
    if (SCHEMAS / "SOURCES.md").is_file():
        assert errors(xsd("xliff1.2/xliff-core-1.2-strict.xsd"), xlf) == []
        assert errors(dtd("tmx/tmx14.dtd"), folder / "tm" / "auto" / f"{article.stem}.tmx") == []
    again = run_cli(capsys, "export", article, "--format", "omegat", "-o", folder)
    assert again.code == 1 and "already exists" in again.err, "a project (maybe worked in) is never overwritten"


def _omegat(folder: Path, home: Path, *args: str) -> None:
    env = {**os.environ, "HOME": str(home), "JAVA_TOOL_OPTIONS": "-Djava.awt.headless=true"}
    done = subprocess.run(["omegat", str(folder), *args], capture_output=True, text=True, env=env, timeout=600)
    assert done.returncode == 0 and "Finished" in done.stdout + done.stderr, (done.stdout + done.stderr)[-2000:]


@needs_omegat
def test_omegat_translates_the_chinese_and_its_output_imports_only_edits(project, built, tmp_path, capsys):
    folder, article = project
    doc = load_document(article)
    # What OmegaT takes as the source text of each segment: the Chinese, not the English.
    _omegat(folder, tmp_path / "home", "--mode=console-createpseudotranslatetmx",
            f"--pseudotranslatetmx={tmp_path / 'pseudo.tmx'}", "--pseudotranslatetype=equal")
    seen = {seg.text for seg in etree.parse(str(tmp_path / "pseudo.tmx")).iter("seg")}
    assert seen == {s.hans or s.source for s in doc.segments()}
    # "Create translated documents": the English from tm/auto is in, next to the Chinese.
    _omegat(folder, tmp_path / "home", "--mode=console-translate")
    returned = folder / "target" / f"{article.stem}.xlf"
    units = _units(returned)
    assert [u.findtext("x:target", namespaces=NS) for u in units] == [s.en or s.hans or s.source
                                                                    for s in doc.segments()]
    # A proofreader changes one sentence in OmegaT; the import takes that one and nothing else.
    edited = next(u for u in units if u.find("x:alt-trans", NS) is not None)
    edited.find("x:target", NS).text = "A sentence the proofreader rewrote."
    etree.ElementTree(units[0].getroottree().getroot()).write(str(returned), xml_declaration=True,
                                                              encoding="UTF-8")
    memory = built[0] / "m.sqlite"
    result = run_cli(capsys, "import", returned, "--memory", memory, "--doc", article)
    translated = sum(1 for s in doc.segments() if s.en)
    assert result.code == 0 and "1 new" in result.out and f"{translated - 1} left as machine output" in result.out, \
        result.out + result.err
