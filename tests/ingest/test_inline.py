"""Whitespace folding of inline text (bilingual/ingest/inline.py)."""

from __future__ import annotations

from bilingual.ingest.inline import _FOLDS, CONTROL, fold


def test_fold_joins_spaces_drops_breaks_beside_chinese_and_maps_offsets():
    text, pos = fold("中文\n  中文 and  more\x00 words ")
    assert text == "中文中文 and more words"
    assert len(pos) == len("中文\n  中文 and  more\x00 words ") + 1 and pos[-1] == len(text)
    assert pos[5] == 2 and pos[9] == 6  # the second 中, the space after 中文


def test_text_with_nothing_to_fold_is_its_own_fold():
    """The fast path (no whitespace, no control character) must give what the walk gives."""
    assert fold("没有空格的中文段落。") == ("没有空格的中文段落。", list(range(11)))
    assert fold("") == ("", [0])
    # the fast path's test finds exactly the characters the walk treats specially
    assert all(bool(_FOLDS.match(c)) == (c.isspace() or c in CONTROL) for c in map(chr, range(0x110000)))
