"""The translation memory: hits, misses, human precedence, concurrency and kill -9 safety."""

from __future__ import annotations

import multiprocessing
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from bilingual.errors import BilingualError
from bilingual.settings import memory_path as default_path
from bilingual.translate.memory import Memory

SOURCE = "说它精密，是因为工程团队需要确保偏差非常之小，每边只有几毫米。"
ENGINE = "translate-zh_en 1.9 sha256:aaaa"
OTHER_ENGINE = "translate-zh_en 1.9 sha256:bbbb"


def test_store_then_lookup_with_whitespace_folded(tmp_path):
    with Memory(tmp_path / "m.sqlite") as mem:
        assert mem.lookup(SOURCE, ENGINE, "") is None
        mem.store(SOURCE, ENGINE, "", "It is precise because ...")
        assert mem.lookup("  " + SOURCE + "\n", ENGINE, "") == ("It is precise because ...", "mt")
        assert mem.counts() == {"mt": 1, "human": 0}


def test_survives_reopen(tmp_path):
    path = tmp_path / "m.sqlite"
    with Memory(path) as mem:
        mem.store(SOURCE, ENGINE, "g1", "first")
    with Memory(path) as mem:
        assert mem.lookup(SOURCE, ENGINE, "g1") == ("first", "mt")


def test_other_engine_identity_misses(tmp_path):
    with Memory(tmp_path / "m.sqlite") as mem:
        mem.store(SOURCE, ENGINE, "", "machine one")
        assert mem.lookup(SOURCE, OTHER_ENGINE, "") is None


def test_context_change_misses_only_that_context(tmp_path):
    with Memory(tmp_path / "m.sqlite") as mem:
        mem.store("普京说。", ENGINE, "putin=Putin|s2twp", "Putin said.")
        mem.store("他说。", ENGINE, "s2twp", "He said.")
        # The glossary entry for 普京 changed: its fingerprint changes, the other segment's does not.
        assert mem.lookup("普京说。", ENGINE, "putin=Vladimir Putin|s2twp") is None
        assert mem.lookup("他说。", ENGINE, "s2twp") == ("He said.", "mt")


def test_human_beats_mt_for_any_engine(tmp_path):
    with Memory(tmp_path / "m.sqlite") as mem:
        mem.store(SOURCE, ENGINE, "", "machine")
        mem.store(SOURCE, "", "", "A proofreader's sentence.", origin="human")
        assert mem.lookup(SOURCE, ENGINE, "") == ("A proofreader's sentence.", "human")
        assert mem.lookup(SOURCE, OTHER_ENGINE, "") == ("A proofreader's sentence.", "human")
        # An import without a context applies under any glossary context ...
        assert mem.lookup(SOURCE, ENGINE, "some-glossary") == ("A proofreader's sentence.", "human")
        # ... but a human entry made for one context does not leak into another.
        mem.store("他说。", ENGINE, "ctx-a", "He said (a).", origin="human")
        assert mem.lookup("他说。", ENGINE, "ctx-b") is None
        assert mem.lookup("他说。", ENGINE, "ctx-a") == ("He said (a).", "human")


def test_unknown_origin_is_a_programming_error(tmp_path):
    with Memory(tmp_path / "m.sqlite") as mem, pytest.raises(ValueError):
        mem.store(SOURCE, ENGINE, "", "x", origin="memory")


def test_default_path_follows_environment(monkeypatch, tmp_path):
    monkeypatch.setenv("BILINGUAL_MEMORY", str(tmp_path / "elsewhere.sqlite"))
    assert default_path() == tmp_path / "elsewhere.sqlite"
    monkeypatch.delenv("BILINGUAL_MEMORY")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    assert default_path() == tmp_path / "cache" / "bilingual" / "memory.sqlite"


def test_corrupt_file_is_one_clear_error(tmp_path):
    path = tmp_path / "m.sqlite"
    path.write_bytes(b"this is not sqlite at all\n" * 200)
    with pytest.raises(BilingualError, match="corrupt or not a SQLite database") as info:
        Memory(path)
    assert "\n" not in str(info.value)


def test_wal_mode_and_close_twice(tmp_path):
    mem = Memory(tmp_path / "m.sqlite")
    assert mem.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    mem.close()
    mem.close()
    with pytest.raises(BilingualError, match="closed"):
        mem.lookup(SOURCE, ENGINE, "")


def _writer(path: str, tag: str, count: int) -> None:
    with Memory(Path(path)) as mem:
        for i in range(count):
            mem.store(f"{tag} 句子 {i}", ENGINE, "", f"{tag} sentence {i}")


def test_two_processes_write_concurrently(tmp_path):
    path = tmp_path / "shared.sqlite"
    Memory(path).close()
    ctx = multiprocessing.get_context("spawn")
    procs = [ctx.Process(target=_writer, args=(str(path), tag, 300)) for tag in ("A", "B")]
    for p in procs:
        p.start()
    for p in procs:
        p.join(120)
        assert p.exitcode == 0
    with Memory(path) as mem:
        assert mem.counts()["mt"] == 600
        for tag in ("A", "B"):
            for i in (0, 150, 299):
                assert mem.lookup(f"{tag} 句子 {i}", ENGINE, "") == (f"{tag} sentence {i}", "mt")
        assert mem.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


KILLED_LOOP = """
import sys
from pathlib import Path
from bilingual.translate.memory import Memory
mem = Memory(Path(sys.argv[1]))
i = 0
while True:
    mem.store(f"句子 {i}", "engine", "", f"sentence {i}")
    print(i, flush=True)
    i += 1
"""


def test_sigkill_mid_loop_keeps_every_committed_row(tmp_path):
    path = tmp_path / "killed.sqlite"
    proc = subprocess.Popen([sys.executable, "-c", KILLED_LOOP, str(path)], stdout=subprocess.PIPE,
                            text=True, cwd=Path(__file__).resolve().parents[2])
    last = -1
    deadline = time.monotonic() + 60
    while last < 200 and time.monotonic() < deadline:
        line = proc.stdout.readline()
        if not line:
            break
        last = int(line)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    proc.stdout.close()
    assert last >= 200, "the writer did not get going"
    with Memory(path) as mem:
        assert mem.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        for i in range(last + 1):  # every row it reported as committed
            assert mem.lookup(f"句子 {i}", "engine", "") == (f"sentence {i}", "mt")
    # And a plain sqlite3 reader (no WAL replay by us) agrees.
    con = sqlite3.connect(path)
    assert con.execute("SELECT count(*) FROM mt").fetchone()[0] >= last + 1
    con.close()
