"""The translation memory: every finished segment is stored as soon as it exists.

A build consults the memory before the engine, so a killed build resumes
without translating a finished segment twice, and a rebuild costs lookups
only. This module is storage only: the key is whatever the caller provides.
Machine entries are keyed by engine identity (package name + version +
checksum), the text the engine saw (whitespace-normalized) and a context
string that stands for anything else the output depends on (the caller
decides what; "" when nothing). Human entries (imported post-edits) are keyed
by source and context only, and win over machine output from any engine; an
edit imported without a context applies in every context.

SQLite in WAL mode with a busy timeout lets two builds share one memory; each
store is its own short IMMEDIATE transaction, so `kill -9` loses at most the
row being written and never corrupts the file.
"""

from __future__ import annotations

import os
import sqlite3
import time
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from bilingual.errors import BilingualError
from bilingual.model import Document, normalize

if TYPE_CHECKING:
    from bilingual.publish.xliff import Unit

SCHEMA_VERSION = 1
ORIGINS = ("mt", "human")
# Seconds a writer waits for another process's transaction before giving up.
BUSY_TIMEOUT = 60.0

_SCHEMA = """
CREATE TABLE IF NOT EXISTS info (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS mt (
    engine TEXT NOT NULL, source TEXT NOT NULL, context TEXT NOT NULL,
    english TEXT NOT NULL, updated REAL NOT NULL,
    PRIMARY KEY (engine, source, context)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS human (
    source TEXT NOT NULL, context TEXT NOT NULL,
    english TEXT NOT NULL, updated REAL NOT NULL,
    PRIMARY KEY (source, context)) WITHOUT ROWID;
"""


def default_path() -> Path:
    """Where the memory lives unless --memory says otherwise: $BILINGUAL_MEMORY or the user cache."""
    env = os.environ.get("BILINGUAL_MEMORY")
    if env:
        return Path(env).expanduser()
    cache = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(cache) / "bilingual" / "memory.sqlite"


class Memory:
    """A translation memory file shared safely between processes."""

    def __init__(self, path: Path | str | None = None) -> None:
        self.path = Path(path) if path is not None else default_path()
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as e:
            raise BilingualError(f"cannot create the folder for translation memory {self.path}: "
                                 f"{e.strerror or e}") from None
        self._db: sqlite3.Connection | None = None
        with self._guard():
            # Autocommit mode: transactions are opened explicitly, IMMEDIATE for writes,
            # so a writer waits on the busy timeout instead of failing a lock upgrade.
            self._db = sqlite3.connect(self.path, timeout=BUSY_TIMEOUT, isolation_level=None)
            self._db.execute(f"PRAGMA busy_timeout = {int(BUSY_TIMEOUT * 1000)}")
            mode = self._db.execute("PRAGMA journal_mode = WAL").fetchone()[0]
            if mode.lower() != "wal":
                raise sqlite3.OperationalError(f"cannot switch to WAL mode (got {mode})")
            # NORMAL in WAL mode: a killed process loses nothing committed; only power loss can.
            self._db.execute("PRAGMA synchronous = NORMAL")
            self._setup()

    def _setup(self) -> None:
        assert self._db is not None
        self._db.execute("BEGIN IMMEDIATE")
        try:
            # execute(), not executescript(): the latter would commit the open transaction.
            for statement in filter(str.strip, _SCHEMA.split(";")):
                self._db.execute(statement)
            row = self._db.execute("SELECT value FROM info WHERE key = 'schema'").fetchone()
            if row is None:
                self._db.execute("INSERT INTO info VALUES ('schema', ?)", (str(SCHEMA_VERSION),))
            elif row[0] != str(SCHEMA_VERSION):
                raise BilingualError(f"translation memory {self.path} has schema {row[0]}, "
                                     f"this version of bilingual reads schema {SCHEMA_VERSION}")
            self._db.execute("COMMIT")
        except BaseException:
            if self._db.in_transaction:
                self._db.execute("ROLLBACK")
            raise

    def _guard(self):
        return _SqliteErrors(self.path)

    @property
    def db(self) -> sqlite3.Connection:
        if self._db is None:
            raise BilingualError(f"translation memory {self.path} is closed")
        return self._db

    def __enter__(self) -> Memory:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        """Close the connection (safe to call twice)."""
        if self._db is not None:
            self._db.close()
            self._db = None

    def lookup(self, source: str, engine: str, context: str = "") -> tuple[str, str] | None:
        """(english, origin) for a segment, or None: a human edit first, then this engine's output.

        A human edit stored without a context ("" - imports do not know the
        glossary state) applies whatever the context: a person decided.
        """
        key = normalize(source)
        with self._guard():
            row = self.db.execute(
                "SELECT english FROM human WHERE source = ? AND context IN (?, '') "
                "ORDER BY context = '' LIMIT 1", (key, context)).fetchone()
            if row is not None:
                return row[0], "human"
            row = self.db.execute("SELECT english FROM mt WHERE engine = ? AND source = ? AND context = ?",
                                  (engine, key, context)).fetchone()
        return (row[0], "mt") if row is not None else None

    def store(self, source: str, engine: str, context: str, english: str, origin: str = "mt") -> None:
        """Store one translation and commit at once (survives a kill right after)."""
        self.store_many([(source, engine, context, english, origin)])

    def store_many(self, rows: Iterable[tuple[str, str, str, str, str]]) -> int:
        """Store (source, engine, context, english, origin) rows in one transaction; returns the count.

        For a batch of segments the engine just finished: one commit per batch.
        Human rows ignore the engine.
        """
        now = time.time()
        mt, human = [], []
        for source, engine, context, english, origin in rows:
            if origin not in ORIGINS:
                raise ValueError(f"unknown translation origin {origin!r} (expected one of {ORIGINS})")
            if origin == "human":
                human.append((normalize(source), context, english, now))
            else:
                mt.append((engine, normalize(source), context, english, now))
        if not mt and not human:
            return 0
        with self._guard():
            db = self.db
            db.execute("BEGIN IMMEDIATE")
            try:
                db.executemany("INSERT OR REPLACE INTO mt VALUES (?, ?, ?, ?, ?)", mt)
                db.executemany("INSERT OR REPLACE INTO human VALUES (?, ?, ?, ?)", human)
                db.execute("COMMIT")
            except BaseException:
                if db.in_transaction:
                    db.execute("ROLLBACK")
                raise
        return len(mt) + len(human)

    def human(self, source: str, context: str = "") -> str | None:
        """The human edit stored for exactly this source and context, if any."""
        with self._guard():
            row = self.db.execute("SELECT english FROM human WHERE source = ? AND context = ?",
                                  (normalize(source), context)).fetchone()
        return row[0] if row else None

    def counts(self) -> dict[str, int]:
        """How many machine and human entries the memory holds."""
        with self._guard():
            return {table: self.db.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
                    for table in ("mt", "human")}


class _SqliteErrors:
    """Turns sqlite trouble (corrupt file, locked too long, unwritable) into one BilingualError line."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def __enter__(self) -> None:
        return None

    def __exit__(self, exc_type, exc, tb) -> bool:
        if exc is not None and isinstance(exc, sqlite3.Error):
            detail = str(exc) or type(exc).__name__
            if "not a database" in detail or "malformed" in detail:
                msg = f"translation memory {self.path} is corrupt or not a SQLite database ({detail}); " \
                      "move it away to start a new one"
            else:
                msg = f"translation memory {self.path}: {detail}"
            raise BilingualError(msg) from None
        return False


@dataclass
class ImportReport:
    """What an import did with each unit of a returned CAT file."""

    path: Path | str
    new: int = 0  # stored: no human edit for that source before
    changed: int = 0  # stored: replaced a different human edit
    unchanged: int = 0  # the memory already held this very human edit
    machine: int = 0  # still the machine translation exported with it: left to MT
    skipped_empty: int = 0  # no target (or no source) to learn from
    unchecked: int = 0  # no exported English to compare with (neither in the file nor a --doc segment)

    @property
    def stored(self) -> int:
        return self.new + self.changed

    def __str__(self) -> str:
        return (f"{self.path}: {self.new} new, {self.changed} changed, {self.unchanged} unchanged human "
                f"edits; {self.machine} left as machine output; {self.skipped_empty} empty"
                + (f"; {self.unchecked} could not be compared with the exported English (the file no longer "
                   f"carries it): give --doc ARTICLE.json to import only real edits" if self.unchecked else ""))


def import_edits(units: Iterable[Unit], memory: Memory, *, doc: Document | None = None,
                 path: Path | str = "") -> ImportReport:
    """Store the post-edits of a returned XLIFF or TMX file in `memory` as human translations.

    `units` are the file's units as bilingual.publish.xliff.read_returned gives
    them (reading CAT files is publish's business; this is storage); `path`
    names the file in the report.

    A target identical to the machine translation it was exported with (known
    from the file itself, or from `doc`, the article's saved document data) is
    not a human decision unless the unit was signed off, and is left to MT.
    Without either, every non-empty target counts as human: losing a
    proofreader's edit is worse than keeping a confirmed machine sentence.
    """
    report = ImportReport(path)
    by_id = {s.id: s for s in doc.segments()} if doc is not None else {}
    # A file that went through another format (XLIFF -> PO -> XLIFF) has lost our ids: its units
    # still meet their segments on the Chinese they show.
    by_source = {normalize(s.hans or s.source): s for s in doc.segments()} if doc is not None else {}
    rows = []
    for unit in units:
        unit_id, source, target, approved, machine = unit.id, unit.source, unit.target, unit.approved, unit.machine
        seg = by_id.get(unit_id) or by_source.get(normalize(source))
        source = normalize(source or (seg.hans or seg.source if seg else ""))  # what the export showed
        target = target.strip()
        if not source or not normalize(target) or normalize(target) == source:
            report.skipped_empty += 1  # nothing, or the Chinese itself (a CAT tool's untranslated copy)
            continue
        if not machine and seg is not None and seg.origin != "human":
            machine = seg.en
        if machine and normalize(machine) == normalize(target) and not approved:
            report.machine += 1
            continue
        if not machine and seg is None:
            report.unchecked += 1
        prior = memory.human(source)
        if prior is not None and normalize(prior) == normalize(target):
            report.unchanged += 1
            continue
        if prior is None:
            report.new += 1
        else:
            report.changed += 1
        rows.append((source, "", "", target, "human"))
    memory.store_many(rows)
    return report
