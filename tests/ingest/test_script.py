"""Script detection (Simplified or Traditional), by the characters only one script writes."""

from __future__ import annotations

import pytest

from bilingual.ingest import script


def test_simplified_and_traditional_are_told_apart():
    assert script.detect("这是一篇关于中国历史的文章，讨论了经济发展。") == "hans"
    assert script.detect("這是一篇關於中國歷史的文章，討論了經濟發展。") == "hant"
    assert script.detect("no Chinese here") == "hans"


def test_detection_builds_no_converter_once_opencc_s_tables_are_kept(tmp_path, monkeypatch):
    """Building s2t reads its phrase dictionary: what t2s and s2t change is kept in the user cache instead."""
    from bilingual import hant

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    hant.changed_chars.cache_clear()
    hant._telling.cache_clear()
    try:
        assert script.detect("這是一篇關於中國歷史的文章。") == "hant"
        assert len(list((tmp_path / "bilingual").glob("opencc-changed-*.json"))) == 2
        hant.changed_chars.cache_clear()
        hant._telling.cache_clear()  # a new process
        monkeypatch.setattr(hant, "converter", lambda config: pytest.fail(f"built {config}"))
        assert script.detect("這是一篇關於中國歷史的文章。") == "hant"
        assert script.detect("这是一篇关于中国历史的文章。") == "hans"
    finally:
        hant.changed_chars.cache_clear()
        hant._telling.cache_clear()
