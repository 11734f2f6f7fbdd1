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
