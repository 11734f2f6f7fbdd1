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

import sqlite3
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

from bilingual.errors import BilingualError
from bilingual.model import normalize
from bilingual.settings import memory_path

SCHEMA_VERSION = 1
ORIGINS = ("mt", "human")
# Seconds a writer waits for another process's transaction before giving up.
BUSY_TIMEOUT = 60.0
# Sources per lookup query (SQLite allows 32,766 parameters; smaller chunks keep each query quick).
_IN_CHUNK = 500

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


class Memory:
    """A translation memory file shared safely between processes."""

    def __init__(self, path: Path | str | None = None) -> None:
        self.path = Path(path) if path is not None else memory_path()
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

    def __exit__(self, *exc: object) -> None:
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
        return self.lookup_many([(source, context)], engine)[0]

    def lookup_many(self, requests: list[tuple[str, str]], engine: str) -> list[tuple[str, str] | None]:
        """lookup() for many (source, context) pairs at once, answers in request order.

        A few queries per thousand segments instead of two per segment: a cached
        rebuild of a collection is mostly lookups.
        """
        keys = [(normalize(source), context) for source, context in requests]
        sources = sorted({key for key, _ in keys})
        human: dict[tuple[str, str], str] = {}
        mt: dict[tuple[str, str], str] = {}
        with self._guard():
            for at in range(0, len(sources), _IN_CHUNK):
                chunk = sources[at:at + _IN_CHUNK]
                marks = ",".join("?" * len(chunk))
                human.update(((source, context), english) for source, context, english in self.db.execute(
                    f"SELECT source, context, english FROM human WHERE source IN ({marks})", chunk))
                mt.update(((source, context), english) for source, context, english in self.db.execute(
                    f"SELECT source, context, english FROM mt WHERE engine = ? AND source IN ({marks})",
                    [engine, *chunk]))
        out: list[tuple[str, str] | None] = []
        for key, context in keys:
            english = human.get((key, context), human.get((key, "")))
            if english is not None:
                out.append((english, "human"))
            else:
                english = mt.get((key, context))
                out.append((english, "mt") if english is not None else None)
        return out

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
        with self.transaction() as db:
            db.executemany("INSERT OR REPLACE INTO mt VALUES (?, ?, ?, ?, ?)", mt)
            db.executemany("INSERT OR REPLACE INTO human VALUES (?, ?, ?, ?)", human)
        return len(mt) + len(human)

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """One short IMMEDIATE transaction, committed on leaving (rolled back on an error).

        A call inside another joins it, so a caller can make several stores one
        commit: the review workspace stores an edit and its undo record together.
        """
        with self._guard():
            db = self.db
            if db.in_transaction:
                yield db
                return
            db.execute("BEGIN IMMEDIATE")
            try:
                yield db
                db.execute("COMMIT")
            except BaseException:
                if db.in_transaction:
                    db.execute("ROLLBACK")
                raise

    def forget_human(self, source: str, context: str = "") -> bool:
        """Remove the human edit for exactly this source and context (an undo); True if there was one."""
        with self.transaction() as db:
            return db.execute("DELETE FROM human WHERE source = ? AND context = ?",
                              (normalize(source), context)).rowcount > 0

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
