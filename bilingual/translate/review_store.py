"""Review state kept beside the translation memory, in the same SQLite file.

The English a proofreader saves is a human row of the memory itself (stored by
`interchange.returned.import_edits`, the rules of `bilingual import`); this module keeps only
what the review workspace adds around it: each segment's state ("edited" or
"approved"), a version per segment so two browser tabs learn when one
overwrote the other, and a log of every change with the human row before and
after it, which is what undo walks back. Everything is written inside the
caller's `Memory.transaction()`, so an edit and its log record commit together.
"""

from __future__ import annotations

import sqlite3
import time
from dataclasses import dataclass

from bilingual.translate.memory import Memory

STATES = ("", "edited", "approved")
# Actions undo can take back (an undo is logged too, so other tabs see it, but is not undone itself).
UNDOABLE = ("edit", "approve")

_SCHEMA = """
CREATE TABLE IF NOT EXISTS review_state (
    segment TEXT PRIMARY KEY, doc TEXT NOT NULL, state TEXT NOT NULL,
    version INTEGER NOT NULL, updated REAL NOT NULL) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS review_state_doc ON review_state (doc);
CREATE TABLE IF NOT EXISTS review_log (
    seq INTEGER PRIMARY KEY AUTOINCREMENT, doc TEXT NOT NULL, segment TEXT NOT NULL,
    source TEXT NOT NULL, action TEXT NOT NULL, before_en TEXT, after_en TEXT,
    before_state TEXT NOT NULL, after_state TEXT NOT NULL,
    undone INTEGER NOT NULL DEFAULT 0, time REAL NOT NULL);
CREATE INDEX IF NOT EXISTS review_log_doc ON review_log (doc, seq);
"""


@dataclass
class Change:
    """One logged change: the human row of `source` and the segment's state, before and after."""

    seq: int
    doc: str
    segment: str
    source: str
    action: str
    before_en: str | None
    after_en: str | None
    before_state: str
    after_state: str


class ReviewStore:
    """The review tables of one memory file (created on first use; older memories simply gain them)."""

    def __init__(self, memory: Memory) -> None:
        self.memory = memory
        with memory.transaction() as db:
            for statement in filter(str.strip, _SCHEMA.split(";")):
                db.execute(statement)

    def _db(self) -> sqlite3.Connection:
        return self.memory.db

    def states(self, doc: str) -> dict[str, tuple[str, int]]:
        """segment id -> (state, version) for the segments of `doc` that were ever touched."""
        rows = self._db().execute("SELECT segment, state, version FROM review_state WHERE doc = ?", (doc,))
        return {seg: (state, version) for seg, state, version in rows}

    def state(self, segment: str) -> tuple[str, int]:
        """(state, version) of one segment; ("", 0) when never touched."""
        row = self._db().execute("SELECT state, version FROM review_state WHERE segment = ?", (segment,)).fetchone()
        return (row[0], row[1]) if row else ("", 0)

    def last_seq(self, doc: str) -> int:
        """The newest log number of `doc` (0 if none): what a page polls from."""
        row = self._db().execute("SELECT max(seq) FROM review_log WHERE doc = ?", (doc,)).fetchone()
        return row[0] or 0

    def changed_since(self, doc: str, seq: int) -> list[str]:
        """Segments of `doc` changed after log number `seq`, oldest change first, each once."""
        rows = self._db().execute("SELECT segment FROM review_log WHERE doc = ? AND seq > ? ORDER BY seq",
                                  (doc, seq))
        return list(dict.fromkeys(r[0] for r in rows))

    def record(self, doc: str, segment: str, source: str, action: str, before_en: str | None,
               after_en: str | None, before_state: str, after_state: str) -> int:
        """Log one change and set the segment's state; its log number becomes the segment's version.

        Call inside the memory transaction that stored the human row, so both commit together.
        """
        if after_state not in STATES:
            raise ValueError(f"unknown review state {after_state!r}")
        now = time.time()
        with self.memory.transaction() as db:
            seq = db.execute(
                "INSERT INTO review_log (doc, segment, source, action, before_en, after_en, before_state, "
                "after_state, time) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (doc, segment, source, action, before_en, after_en, before_state, after_state, now)).lastrowid
            db.execute("INSERT OR REPLACE INTO review_state VALUES (?, ?, ?, ?, ?)",
                       (segment, doc, after_state, seq, now))
        assert seq is not None
        return seq

    def last_undoable(self, doc: str) -> Change | None:
        """The newest edit or approval of `doc` not yet undone: what undo takes back next."""
        row = self._db().execute(
            "SELECT seq, doc, segment, source, action, before_en, after_en, before_state, after_state "
            f"FROM review_log WHERE doc = ? AND undone = 0 AND action IN ({', '.join('?' * len(UNDOABLE))}) "
            "ORDER BY seq DESC LIMIT 1", (doc, *UNDOABLE)).fetchone()
        return Change(*row) if row else None

    def mark_undone(self, seq: int) -> None:
        with self.memory.transaction() as db:
            db.execute("UPDATE review_log SET undone = 1 WHERE seq = ?", (seq,))
