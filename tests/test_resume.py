"""A build killed with SIGKILL mid-translation: nothing half-written, and the next build resumes from the
translation memory instead of starting over (issue 6)."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time

from bilingual.glossary import Glossary
from bilingual.model import Document, normalize
from bilingual.translate.protect import protect
from tests.clirun import run_cli
from tests.conftest import FIXTURES, SEED

ARTICLES = [SEED, *sorted(FIXTURES.glob("*_*.md"))]


def _stored(memory) -> set[str]:
    if not memory.exists():
        return set()
    with sqlite3.connect(f"file:{memory}?mode=ro", uri=True, timeout=30) as db:
        try:
            return {row[0] for row in db.execute("SELECT source FROM mt")}
        except sqlite3.OperationalError:  # the schema is not there yet
            return set()


def test_killed_build_resumes_without_retranslating(capsys, tmp_path, argos_home):
    out, memory = tmp_path / "out", tmp_path / "tm.sqlite"
    args = ["build", *map(str, ARTICLES), "-o", str(out), "--memory", str(memory), "--threads", "1", "-q"]
    proc = subprocess.Popen([sys.executable, "-c", "from bilingual.cli import main; main()", *args])
    deadline = time.monotonic() + 120
    while not _stored(memory) and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.01)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    assert proc.returncode == -signal.SIGKILL, "the build finished before it could be killed"

    finished = _stored(memory)
    assert finished, "some translations were stored before the kill"
    assert not out.exists() or not any(p.suffix in (".html", ".json") for p in out.iterdir()), \
        "a killed build leaves no edition behind"
    with sqlite3.connect(memory) as db:
        assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"

    result = run_cli(capsys, "build", *ARTICLES, "-o", out, "--memory", memory, "-q")
    assert result.code == 0, result.err
    resumed = [s for p in sorted(out.glob("*.json"))
               for s in Document.from_dict(json.loads(p.read_text(encoding="utf-8"))).segments()]
    from_memory = [s for s in resumed if s.origin == "memory"]
    new = [s for s in resumed if s.origin == "mt"]
    assert from_memory and new, "part came from the memory, the rest from the engine"
    # Machine rows are keyed by the masked Simplified text the engine saw (the first assertion shows
    # the key is that text): none of the finished ones went to the engine again.
    glossary = Glossary.default()

    def masked(segments):
        return {normalize(protect(s.hans or s.source, glossary).masked) for s in segments}

    assert masked(from_memory) <= finished
    assert not masked(new) & finished
