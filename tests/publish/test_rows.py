"""publish.rows: which figure cells say "not translated"."""

from __future__ import annotations

import pytest

from bilingual.model import Block
from bilingual.publish.rows import Marker, article_rows
from tests.publish.epubdocs import seed_doc, seg

COLUMNS = ("hans", "hant", "en")


def _figure_cells(figure: Block, captions: list[Block], keep_empty: bool) -> dict[str, bool]:
    doc = seed_doc()
    doc.blocks[1:1] = [figure, *captions]
    _shown, groups = article_rows(doc, COLUMNS, keep_empty, Marker())
    (group,) = [g for g in groups if g.get("kind") == "figure"]
    return {c["col"]: c["empty"] for c in group["cells"]}


@pytest.mark.parametrize("keep_empty", [True, False])
def test_a_figure_with_no_words_has_nothing_untranslated(keep_empty):
    bare = Block(role="figure", src="https://example.org/chart.png")
    assert _figure_cells(bare, [], keep_empty) == {"hans": False, "hant": False, "en": False}


def test_a_figure_whose_caption_lacks_its_english_says_so_in_the_english_cell_only():
    caption = seg("seed", 2, 0, "条约全文截图", "")
    cells = _figure_cells(Block(role="figure", src="https://example.org/chart.png"),
                          [Block(role="caption", segments=[caption], source=caption.source)], keep_empty=True)
    assert cells == {"hans": False, "hant": False, "en": True}


def test_a_player_is_a_labelled_link_to_its_video_or_audio_in_every_column():
    doc = seed_doc()
    doc.blocks[1:1] = [Block(role="figure", src="https://example.org/v.mp4", media="video"),
                       Block(role="figure", src="https://example.org/a.mp3", media="audio")]
    _shown, groups = article_rows(doc, COLUMNS, True, Marker())
    got = [(g["src"], [(c["label"], c["link"], c["empty"]) for c in g["cells"]])
           for g in groups if g.get("kind") == "figure"]
    assert got == [
        ("https://example.org/v.mp4", [("视频", "观看视频", False), ("影片", "觀看影片", False),
                                       ("Video", "Watch the video", False)]),
        ("https://example.org/a.mp3", [("音频", "收听音频", False), ("音訊", "收聽音訊", False),
                                       ("Audio", "Listen", False)])]


def test_a_space_before_a_full_width_mark_is_no_break_in_the_cell_only():
    """"Facebook ，他说": a browser may break at the space and open the next line with "，"; U+00A0 holds them."""
    from bilingual.model import Mark
    from bilingual.publish.rows import block_html, keep_with_mark

    s = seg("seed", 1, 0, "他在Facebook ，说 “你好” 。", "He said on Facebook , hello .")
    s.marks["hans"] = [Mark(2, 10, "a", href="https://facebook.com/")]
    b = Block(role="paragraph", segments=[s], source=s.source)
    html = str(block_html(b, "hans", "hans", Marker()))
    assert html == '他在<a href="https://facebook.com/" rel="noopener noreferrer">Facebook</a>\u00a0，说 “你好”\u00a0。'
    assert "Facebook , hello ." in str(block_html(b, "en", "hans", Marker()))  # ASCII marks may start no line
    assert s.hans == "他在Facebook ，说 “你好” 。"  # the document keeps its text
    assert keep_with_mark("a  」b c") == "a\u00a0\u00a0」b c"  # every space of the run, one for one
    unsegmented = Block(role="paragraph", source="见 Facebook ！")
    assert str(block_html(unsegmented, "hans", "hans", Marker())) == "见 Facebook\u00a0！"
