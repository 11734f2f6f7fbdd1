"""The wheel carries everything a run needs: a plain (non-editable) install builds the seed from any folder.

Built offline: no build isolation (the installed setuptools builds it) and no dependency
downloads (the test venv sees this environment's packages). .ci/wheel.sh does the same with a
fully fresh venv and the network.
"""

from __future__ import annotations

import os
import subprocess
import sys
import venv
import zipfile
from pathlib import Path

import pytest

from tests.conftest import ROOT, SEED

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="venv layout below is POSIX")


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    # A copy of the checkout's tracked files, so the build writes no build/ or egg-info into the worktree.
    src = out / "src"
    listing = ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"]
    files = subprocess.run(listing, cwd=ROOT, capture_output=True, check=True).stdout
    for name in filter(None, files.decode().split("\0")):
        if (ROOT / name).is_file():
            (src / name).parent.mkdir(parents=True, exist_ok=True)
            (src / name).write_bytes((ROOT / name).read_bytes())
    done = subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-build-isolation", "--no-deps", "--no-index",
                           "-q", "-w", str(out / "dist"), str(src)], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr[-2000:]
    (found,) = (out / "dist").glob("bilingual-*.whl")
    return found


def test_wheel_carries_glossary_data_templates_static(wheel):
    names = set(zipfile.ZipFile(wheel).namelist())
    shipped = sorted(p.name for p in (ROOT / "glossary").iterdir() if p.suffix in (".tsv", ".md"))
    assert {f"bilingual/data/glossary/{n}" for n in shipped} <= names
    for folder in ("bilingual/data", "bilingual/publish/templates", "bilingual/publish/static"):
        tracked = [p for p in (ROOT / folder).rglob("*") if p.is_file() and "__pycache__" not in p.parts]
        assert tracked, folder
        missing = [p.relative_to(ROOT).as_posix() for p in tracked if p.relative_to(ROOT).as_posix() not in names]
        assert missing == [], f"not in the wheel: {missing}"
    assert not any(n.startswith(("glossary/", "tests/", "seeds/")) for n in names), "nothing outside the package"


def test_installed_wheel_builds_the_seed_from_another_folder(wheel, tmp_path):
    env_dir = tmp_path / "venv"
    venv.create(env_dir, system_site_packages=True, with_pip=True)
    py = env_dir / "bin" / "python"
    done = subprocess.run([str(py), "-m", "pip", "install", "-q", "--no-deps", "--no-index", str(wheel)],
                          capture_output=True, text=True)
    assert done.returncode == 0, done.stderr[-2000:]
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "BILINGUAL_GLOSSARY_DIR")}
    where = subprocess.run([str(py), "-c", "import bilingual.glossary as g; print(g.Glossary.default_paths()[0])"],
                           cwd=elsewhere, capture_output=True, text=True, env=env)
    assert where.returncode == 0, where.stderr
    assert Path(where.stdout.strip()) == env_dir / "lib" / f"python{sys.version_info.major}.{sys.version_info.minor}" \
        / "site-packages" / "bilingual" / "data" / "glossary"
    out = tmp_path / "out"
    built = subprocess.run([str(env_dir / "bin" / "bilingual"), "build", str(SEED), "-o", str(out), "--no-translate"],
                           cwd=elsewhere, capture_output=True, text=True, env=env)
    assert built.returncode == 0, built.stderr
    page = out / f"{SEED.stem}.html"
    assert page.is_file()
    assert "普丁" in page.read_text(encoding="utf-8"), "the shipped glossary's Taiwan form of 普京 is used"


def test_checkout_reads_the_top_level_glossary():
    from bilingual.glossary import Glossary

    assert not (ROOT / "bilingual" / "data" / "glossary").exists(), "the checkout has one glossary source"
    assert Glossary.default_paths() == [ROOT / "glossary"]
