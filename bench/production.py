"""The production-size model: a random-weight Argos package with the real zh->en 1.9 dimensions, built once.

The package is made by the project's shared tool real_dims_argos.py (6+6
layers, d 512, 8 heads, FFN 2048, 50k shared SentencePiece vocabulary, int8;
model.bin about 80 MB like the real 82.7 MB one; output length follows source
length). Building it trains a SentencePiece model and takes minutes, so it is
kept in a cache folder outside the repository ($BILINGUAL_BENCH_CACHE, else
~/.cache/bilingual-bench/) under a name made from the tool's bytes and its
arguments, and installed there once (the install also keeps the model's
checksum beside it, as `bilingual models install` does).
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# Where the shared tool lives: $BILINGUAL_REALDIMS_TOOL, else the shared tools folder of this machine.
TOOL_CANDIDATES = [ROOT.parent / "shared" / "tools" / "real_dims_argos.py",
                   ROOT.parent.parent / "shared" / "tools" / "real_dims_argos.py"]


def cache_dir() -> Path:
    return Path(os.environ.get("BILINGUAL_BENCH_CACHE") or Path.home() / ".cache" / "bilingual-bench")


def tool() -> Path:
    """The real_dims_argos.py builder; SystemExit naming where it was looked for if missing."""
    candidates = [Path(os.environ["BILINGUAL_REALDIMS_TOOL"])] if os.environ.get("BILINGUAL_REALDIMS_TOOL") \
        else TOOL_CANDIDATES
    for path in candidates:
        if path.is_file():
            return path
    raise SystemExit("bench: real_dims_argos.py not found (looked in "
                     f"{', '.join(map(str, candidates))}); set BILINGUAL_REALDIMS_TOOL or use --quick")


def _arguments() -> list[str]:
    """The tool's arguments: the corpus's Chinese texts, the parallel English, jieba's dictionary."""
    import jieba

    texts = [ROOT / "seeds" / "000_e53f636a1fba136f.txt", *sorted((ROOT / "tests" / "fixtures").glob("*_*.md")),
             ROOT / "tests" / "fixtures" / "parallel" / "zh.txt"]
    return ["--text", *map(str, texts), "--english", str(ROOT / "tests" / "fixtures" / "parallel" / "en.txt"),
            "--jieba-dict", str(Path(jieba.__file__).with_name("dict.txt"))]


def package() -> Path:
    """The .argosmodel file, built now if the cache does not hold this version of it."""
    builder = tool()
    args = _arguments()
    key = hashlib.sha1(builder.read_bytes() + "\0".join(Path(a).name for a in args).encode()).hexdigest()[:12]
    target = cache_dir() / f"translate-zh_en-realdims-{key}.argosmodel"
    if not target.is_file():
        target.parent.mkdir(parents=True, exist_ok=True)
        partial = target.with_suffix(".part")
        print(f"[bench] building the production-size model (once, several minutes): {target}", file=sys.stderr)
        subprocess.run([sys.executable, str(builder), str(partial), *args], check=True)
        partial.rename(target)
    return target


def installed() -> Path:
    """An ARGOS_PACKAGES_DIR holding the production package alone, installed once next to it."""
    from bilingual.translate import packages as models

    archive = package()
    folder = archive.with_suffix(".packages")
    if not models.list_packages(folder):
        models.install_file(archive, directory=folder)
    return folder
