"""Build step: the wheel carries the shipped glossary, whose human-edited source is the top-level glossary/.

The curated termbase lives at the top of the repository, reviewed like code (the product brief's
layout), outside the package; an installed package has no repository around it. So building a wheel
copies glossary/*.tsv and its README into bilingual/data/glossary/, which `Glossary.default_paths`
reads when it exists; an editable install and a checkout read glossary/ itself, so there is one
source. pyproject.toml names these classes in [tool.setuptools.cmdclass]; nothing imports this at run time.
"""

from __future__ import annotations

from pathlib import Path

from setuptools.command.build_py import build_py
from setuptools.command.sdist import sdist

ROOT = Path(__file__).resolve().parent.parent
SOURCE = ROOT / "glossary"
TARGET = ("bilingual", "data", "glossary")  # inside the built package


def shipped_files() -> list[Path]:
    """The files of the shipped glossary: every termbase (*.tsv) and the README that documents the format."""
    return sorted([*SOURCE.glob("*.tsv"), *SOURCE.glob("README.md")])


class BuildPy(build_py):
    """build_py that also copies the shipped glossary into the built package (not for editable installs)."""

    def run(self) -> None:
        super().run()
        if self.editable_mode:  # the editable install reads glossary/ in the checkout directly
            return
        files = shipped_files()
        if not any(f.suffix == ".tsv" for f in files):
            raise RuntimeError(f"no glossary files in {SOURCE}: the wheel would build no edition")
        target = Path(self.build_lib, *TARGET)
        self.mkpath(str(target))
        for f in files:
            self.copy_file(str(f), str(target / f.name))


class Sdist(sdist):
    """sdist that includes glossary/, so a wheel built from the sdist carries it too."""

    def add_defaults(self) -> None:
        super().add_defaults()
        self.filelist.extend(f.relative_to(ROOT).as_posix() for f in shipped_files())
