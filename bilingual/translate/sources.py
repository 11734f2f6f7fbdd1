"""What `bilingual models` tells a user: where zh→en models come from, how big they are, under what licence.

Said before anything is downloaded, so nobody has to read the code (or the network) to find out.
Sizes and licences are read from what is at hand (the installed files, the package's own README)
rather than written here, since the index gives neither and packages change.
"""

from __future__ import annotations

import re
from pathlib import Path

from bilingual.translate.packages import (
    DEFAULT_INDEX,
    PackageInfo,
    find_package,
    index_location,
    list_packages,
    packages_dir,
)

ABOUT = """\
Translation models are Argos Translate packages: a CTranslate2 model plus its SentencePiece tokenizer.

Where zh→en comes from
  `bilingual models install zh en` reads the Argos Translate package index
    {index}index.json{index_note}
  and downloads its newest zh→en package (translate-zh_en-*.argosmodel) over https; plain http is
  refused. When the index entry gives a sha256 (or "checksum": "sha256:…"), the file must match it
  before anything is installed. ARGOS_PACKAGE_INDEX points at another index: an https:// or
  file:// folder holding an index.json in the same format (a local mirror works offline).
Size
  The index lists no sizes: the download shows the bytes as they come (the server's Content-Length);
  Argos zh→en packages are tens to a few hundred MB. `bilingual models list` shows installed sizes.
Licence
  Each package states its terms in the README.md inside it (Argos Translate's own index packages are
  distributed by Argos Open Technologies); `bilingual models list` prints the licence line of each
  installed package's README when it has one. A model you convert yourself keeps its own licence.
Offline
  bilingual models install FILE.argosmodel     a package file you have (checked before install)
Any CTranslate2 + SentencePiece zh→en model
  bilingual models install DIR                 a folder made by CTranslate2's converters (model.bin,
                                               config.json, vocabulary) with sentencepiece.model or
                                               source.spm + target.spm beside it (OPUS-MT, NLLB, ...)
  NLLB: --source-prefix zho_Hans --source-suffix '</s>' --target-prefix eng_Latn;
  OPUS-MT converted with ct2-transformers-converter: --source-suffix '</s>'.
  A folder you install is used in preference to index packages (its version is "local").
Installed in
  {packages}   (ARGOS_PACKAGES_DIR, shared with argostranslate)
"""


def about() -> str:
    """The explanation `bilingual models` prints, with this machine's index and package folder."""
    index = index_location()
    note = "" if index == DEFAULT_INDEX.rstrip("/") + "/" else "   (from ARGOS_PACKAGE_INDEX)"
    return ABOUT.format(index=index, index_note=note, packages=packages_dir())


def size_on_disk(folder: Path) -> int:
    """Bytes of every file under an installed package folder."""
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())


def licence_line(folder: Path) -> str:
    """The first README line of an installed package that names its licence, or ""."""
    try:
        text = (folder / "README.md").read_text(encoding="utf-8", errors="replace")
    except OSError:
        return ""
    for line in text.splitlines():
        if re.search(r"licen[cs]e", line, re.IGNORECASE):
            return line.strip().lstrip("#*- ").strip()[:160]
    return ""


def describe_installed(from_code: str = "zh", to_code: str = "en") -> list[str]:
    """One line per installed package: name, direction, version, size, licence, folder; the one in use marked."""
    used: PackageInfo | None = find_package(from_code, to_code)
    lines = []
    for pkg in list_packages():
        mark = "  (used for zh→en)" if used is not None and pkg.path == used.path else ""
        licence = licence_line(pkg.path) or "licence: see README.md in the package"
        lines.append(f"{pkg.describe()}, {size_on_disk(pkg.path) / 1e6:.1f} MB{mark}\n"
                     f"    {pkg.path}\n    {licence}")
    return lines
