"""The memory's side of the workspace: one transaction for an edit and its log row; the review tables."""

from __future__ import annotations

import pytest

from bilingual.translate.memory import Memory
from bilingual.translate.review_store import ReviewStore


def test_stores_inside_a_transaction_commit_together_or_not_at_all(tmp_path):
    with Memory(tmp_path / "m.sqlite") as mem:
        store = ReviewStore(mem)
        with pytest.raises(RuntimeError):
            with mem.transaction():
                mem.store("普京来了。", "", "", "Putin came.", origin="human")
                store.record("doc", "doc:0.0:x", "普京来了。", "edit", None, "Putin came.", "", "edited")
                raise RuntimeError("the request died half way")
        assert mem.human("普京来了。") is None and store.state("doc:0.0:x") == ("", 0)
        with mem.transaction():
            mem.store("普京来了。", "", "", "Putin came.", origin="human")
            seq = store.record("doc", "doc:0.0:x", "普京来了。", "edit", None, "Putin came.", "", "edited")
    with Memory(tmp_path / "m.sqlite") as again:  # committed: another connection sees both
        assert again.human("普京来了。") == "Putin came."
        assert ReviewStore(again).state("doc:0.0:x") == ("edited", seq)


def test_forget_human_removes_only_that_row(tmp_path):
    with Memory(tmp_path / "m.sqlite") as mem:
        mem.store_many([("甲。", "", "", "A.", "human"), ("乙。", "", "", "B.", "human"),
                        ("甲。", "engine", "", "machine A", "mt")])
        assert mem.forget_human("甲。") and not mem.forget_human("甲。")
        assert mem.human("甲。") is None and mem.human("乙。") == "B."
        assert mem.lookup("甲。", "engine") == ("machine A", "mt")


def test_the_log_gives_versions_changes_and_what_undo_takes_back(tmp_path):
    with Memory(tmp_path / "m.sqlite") as mem:
        store = ReviewStore(mem)
        first = store.record("d", "d:0.0:a", "甲。", "edit", None, "A.", "", "edited")
        second = store.record("d", "d:1.0:b", "乙。", "approve", None, "B.", "", "approved")
        store.record("other", "other:0.0:c", "丙。", "edit", None, "C.", "", "edited")
        assert store.states("d") == {"d:0.0:a": ("edited", first), "d:1.0:b": ("approved", second)}
        assert store.changed_since("d", 0) == ["d:0.0:a", "d:1.0:b"] and store.changed_since("d", second) == []
        assert store.last_undoable("d").seq == second
        store.mark_undone(second)
        undo = store.record("d", "d:1.0:b", "乙。", "undo", "B.", None, "approved", "")
        assert store.last_undoable("d").seq == first, "an undo is logged but never itself undone"
        assert store.last_seq("d") == undo and store.state("d:1.0:b") == ("", undo)
        with pytest.raises(ValueError):
            store.record("d", "d:0.0:a", "甲。", "edit", None, "A.", "", "finished")
