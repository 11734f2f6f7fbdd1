"""The page as a browser lays it out (headless Debian chromium through Playwright), at 390 px and 1400 px.

What the screenshots of issue 13 were checked for, kept as assertions: each
column's font follows its own lang, CJK is not justified, nothing overflows a
phone's width or a column, tables scroll inside their own box, and hiding a
column on a phone leaves no doubled rule.
"""

from __future__ import annotations

import shutil

import pytest

from bilingual import api
from bilingual.model import Block, Mark
from bilingual.publish.html import render_html
from tests.conftest import FIXTURES, SEED
from tests.publish.epubdocs import seg

CHROMIUM = "/usr/bin/chromium"
sync_api = pytest.importorskip("playwright.sync_api")
pytestmark = pytest.mark.skipif(shutil.which(CHROMIUM) is None, reason="Debian chromium not installed")
LONG_URL = "https://chinadigitaltimes.net/chinese/2020/06/%e3%80%90cdt%e5%af%bc%e8%a7%88%e3%80%91%e4%b8%ad%e5%9b%bd"


def _seed_page(tmp_path):
    from tests.publish.epubdocs import seed_doc

    doc = seed_doc()
    zh = f"原文见{LONG_URL}。"
    en = f"The original is at {LONG_URL}."
    s = seg(doc.id, len(doc.blocks), 0, zh, en, [("a", LONG_URL, LONG_URL, LONG_URL)])
    doc.blocks.append(Block(role="paragraph", segments=[s], source=zh))
    path = tmp_path / "seed.html"
    path.write_text(render_html(doc), encoding="utf-8")
    return path


def _table_page(tmp_path):
    (doc,) = api.load([FIXTURES / "rich" / "appinn_48268_file-sync-tools.md"])
    path = tmp_path / "appinn.html"
    path.write_text(render_html(api.prepare(doc)), encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def browser():
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM,
                              args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"])
        yield b
        b.close()


def _open(browser, path, width):
    page = browser.new_page(viewport={"width": width, "height": 900})
    page.goto(path.resolve().as_uri())
    return page


def test_each_column_is_set_in_its_own_languages_fonts(browser, tmp_path):
    page = _open(browser, _seed_page(tmp_path), 1400)
    first = page.evaluate("""() => Object.fromEntries(['hans', 'hant', 'en'].map(c => [c,
        getComputedStyle(document.querySelector('main .cell.' + c)).fontFamily.split(',')[0].trim()]))""")
    assert first == {"hans": '"Noto Sans CJK SC"', "hant": '"Noto Sans CJK TC"', "en": "Georgia"}
    # A name marked inside an English cell is English too: the zh-Hans page's rule does not reach it.
    term = page.evaluate("getComputedStyle(document.querySelector('main .cell.en .term')).fontFamily")
    assert term.startswith("Georgia")
    aligns = page.evaluate("""() => [...document.querySelectorAll('main .cell.hans, main .cell.hant')]
        .map(c => getComputedStyle(c).textAlign)""")
    assert aligns and set(aligns) == {"start"}, "CJK is never justified"
    page.close()


@pytest.mark.parametrize("region, font, serif", [("zh-HK", "Noto Sans CJK HK", "Noto Serif CJK HK"),
                                                 ("zh-TW", "Noto Sans CJK TC", "Noto Serif CJK TC"),
                                                 ("zh-Hant", "Noto Sans CJK TC", "Noto Serif CJK TC")])
def test_the_traditional_column_is_set_in_its_regions_font_in_the_page_and_the_book(browser, tmp_path, region, font,
                                                                                     serif):
    """Hong Kong's Traditional in Hong Kong's glyph shapes; Taiwan's and generic Traditional in Taiwan's."""
    from tests.publish.epubdocs import seed_doc

    doc = seed_doc()
    doc.provenance["region"] = region
    for path, first in zip(_page_and_books(doc, tmp_path), (font, serif, serif), strict=True):
        page = _open(browser, path, 1400)
        fonts = page.evaluate("""() => [...document.querySelectorAll('.cell.hant, .c.hant')]
            .map(c => getComputedStyle(c).fontFamily.split(',')[0].trim())""")
        assert fonts and set(fonts) == {f'"{first}"'}, (path.name, set(fonts))
        page.close()


def _spilling(browser, path, width: int, selector: str) -> list[str]:
    """The page at `width` scrolls not sideways (asserted); the elements matching `selector` whose content runs
    out of them (their first 40 characters)."""
    page = _open(browser, path, width)
    assert page.evaluate("document.documentElement.scrollWidth") <= width, path.name
    spill = page.evaluate(f"""() => [...document.querySelectorAll({selector!r})]
        .filter(e => e.scrollWidth > e.clientWidth + 1).map(e => e.textContent.slice(0, 40))""")
    page.close()
    return spill


@pytest.mark.parametrize("width", [390, 1400])
def test_nothing_overflows_the_page_or_a_column(browser, tmp_path, width):
    for path in (_seed_page(tmp_path), _table_page(tmp_path)):
        spill = _spilling(browser, path, width, "main .row:not(.table) .cell")
        assert spill == [], "a long URL or word runs out of its column"


@pytest.mark.parametrize("width", [390, 1400])
def test_a_title_with_a_long_url_or_word_wraps_in_the_page_head(browser, tmp_path, width):
    """The head's title and its other columns' titles wrap like the cells do: a URL in a Chinese title
    (or a long unbroken English word) ran off a phone's screen and made the whole page scroll sideways."""
    from tests.publish.epubdocs import seed_doc

    doc = seed_doc()
    zh = f"网友转发{LONG_URL}引发热议"
    doc.meta.title = doc.meta.title_hans = zh
    doc.meta.title_hant = f"網友轉發{LONG_URL}引發熱議"
    doc.meta.title_en = "Netizens share " + "x" * 160
    path = tmp_path / "title.html"
    path.write_text(render_html(doc), encoding="utf-8")
    assert _spilling(browser, path, width, "header.meta h1, header.meta .titles p") == []


def test_a_wide_table_scrolls_inside_its_own_box_on_a_phone(browser, tmp_path):
    page = _open(browser, _table_page(tmp_path), 390)
    boxes = page.evaluate("""() => [...document.querySelectorAll('.row.table .cell.hans .table-wrap')].map(w =>
        [w.scrollWidth, w.clientWidth, getComputedStyle(w).overflowX,
         w.querySelector('td:nth-child(2)').getBoundingClientRect().width])""")
    assert len(boxes) == 2
    scroll_width, client_width, overflow, cell = boxes[0]
    assert scroll_width > client_width and overflow == "auto"
    assert cell > 60, "a short Chinese cell (自建中心化) is not squeezed to a character or two a line"
    page.close()


def test_hiding_a_column_on_a_phone_leaves_one_rule_per_row(browser, tmp_path):
    page = _open(browser, _seed_page(tmp_path), 390)
    page.click("#show-hans")
    rules = page.evaluate("""() => [...document.querySelectorAll('main .row')].map(row => {
        const visible = [...row.querySelectorAll('.cell')].filter(c => getComputedStyle(c).display !== 'none');
        return [getComputedStyle(row).borderTopWidth, visible.length,
                visible.filter(c => getComputedStyle(c).borderTopStyle !== 'none').length];
    })""")
    assert rules and all(row == ["1px", 2, 0] for row in rules), rules
    page.close()


@pytest.mark.parametrize("width", [390, 1400])
def test_a_linked_sentence_is_not_hidden_under_the_sticky_column_bar(browser, tmp_path, width):
    """A link to one sentence (page.html#hant-…) scrolls it below the bar of column toggles, not under it."""
    path = _seed_page(tmp_path)
    page = _open(browser, path, 390)
    target = page.evaluate("() => [...document.querySelectorAll('.cell.hant .seg')][6].id")
    page.close()
    page = browser.new_page(viewport={"width": width, "height": 300})  # short: the sentence can reach the top
    page.goto(path.resolve().as_uri() + "#" + target)
    bar, seg = page.evaluate("""id => [document.querySelector('.toggles').getBoundingClientRect().bottom,
                                       document.getElementById(id).getBoundingClientRect().top]""", target)
    assert seg >= bar, (bar, seg)
    page.close()


def test_links_and_figures_render_without_fetching(browser, tmp_path):
    doc = seed_doc_with_figure()
    path = tmp_path / "f.html"
    path.write_text(render_html(doc), encoding="utf-8")
    page = _open(browser, path, 390)
    requests = []
    page.on("request", lambda r: requests.append(r.url))
    page.reload()
    assert [r for r in requests if not r.startswith("file:")] == []
    links = page.evaluate("[...document.querySelectorAll('.row.figure a.image-link')].map(a => a.href)")
    assert links == ["https://example.org/chart.png"] * 3
    page.close()


def _page_and_books(doc, tmp_path) -> list:
    """The document's page and the first chapter of its book in each layout, as files a browser opens."""
    import zipfile

    from bilingual.publish.epub import write_epub

    pages = [tmp_path / "page.html"]
    pages[0].write_text(render_html(doc), encoding="utf-8")
    for layout in ("interleaved", "side-by-side"):
        with zipfile.ZipFile(write_epub([doc], tmp_path / f"{layout}.epub", layout=layout)) as z:
            z.extractall(tmp_path / layout)
        pages.append(tmp_path / layout / "EPUB" / "ch001.xhtml")
    return pages


def seed_doc_with_figure():
    from tests.publish.epubdocs import seed_doc

    doc = seed_doc()
    s = seg(doc.id, 1, 0, "条约全文截图", "Screenshot of the treaty text")
    s.marks["en"] = [Mark(0, 10, "em")]
    figure = Block(role="figure", segments=[s], source=s.source, src="https://example.org/chart.png")
    doc.blocks.insert(1, figure)
    return doc


def test_chinese_emphasis_is_dots_and_english_emphasis_and_captions_italic_in_the_page_and_the_book(browser,
                                                                                                     tmp_path):
    from tests.publish.epubdocs import seed_doc

    doc = seed_doc()
    s = seg(doc.id, 1, 0, "条约全文截图", "Screenshot of the treaty text")
    s.marks = {"hans": [Mark(0, 4, "em")], "hant": [Mark(0, 4, "em")], "en": [Mark(0, 10, "em")]}
    c = seg(doc.id, 2, 0, "说明文字", "A caption")
    doc.blocks[1:1] = [Block(role="paragraph", segments=[s], source=s.source),
                       Block(role="caption", segments=[c], source=c.source)]
    pages = _page_and_books(doc, tmp_path)
    for path in pages:
        page = _open(browser, path, 800)
        styles = page.evaluate("""() => Object.fromEntries(['hans', 'hant', 'en'].map(col => {
            const em = getComputedStyle(document.querySelector('.' + col + ' em'));
            const caption = document.querySelector('.caption .' + col + ', .caption.' + col);
            return [col, [em.fontStyle, em.textEmphasisStyle || em.webkitTextEmphasisStyle,
                          caption && getComputedStyle(caption).fontStyle]];
        }))""")
        assert styles["en"][:2] == ["italic", "none"], (path.name, styles)
        assert all(styles[col][:2] == ["normal", "dot"] for col in ("hans", "hant")), (path.name, styles)
        if path.suffix == ".html":  # the page's caption row: English in italics, Chinese upright
            assert [styles[col][2] for col in ("hans", "hant", "en")] == ["normal", "normal", "italic"], styles
        page.close()


def test_a_figures_link_is_never_broken_across_lines_in_the_page_or_the_book(browser, tmp_path):
    """原图 and 观看视频 are one word each: at any width the link moves to the next line whole (the interleaved book
    at 390 px broke 原|图 between its characters)."""
    from tests.publish.epubdocs import seed_doc

    doc = seed_doc()
    alt = "美国总统特朗普和中国国家主席习近平在大阪二十国集团峰会期间举行会晤并握手致意"
    s = seg(doc.id, 1, 0, alt, "Trump and Xi shake hands at the G20 summit in Osaka, Japan, before their talks")
    doc.blocks[1:1] = [Block(role="figure", segments=[s], source=alt, src="https://example.org/a.jpg"),
                       Block(role="figure", src="https://example.org/v.mp4", media="video")]
    pages = _page_and_books(doc, tmp_path)
    for path in pages:
        for width in range(300, 460, 8):
            page = _open(browser, path, width)
            lines = page.evaluate("[...document.querySelectorAll('a.image-link')].map(a => a.getClientRects().length)")
            assert len(lines) == 6 and set(lines) == {1}, (path.name, width, lines)
            page.close()


def test_names_in_the_names_table_are_not_broken_on_a_phone(browser, tmp_path):
    (doc,) = api.load([SEED])
    names = api.glossary()  # the list's English and kind come from the glossary: long English beside the Chinese
    path = tmp_path / "seed-names.html"
    path.write_text(render_html(api.prepare(doc, glossary=names), glossary=names), encoding="utf-8")
    page = _open(browser, path, 390)
    lines = page.evaluate("""() => [...document.querySelectorAll('section.names td')]
        .filter(td => /^[\\u4e00-\\u9fff]{2,8}$/.test(td.textContent.trim()))
        .map(td => { const r = document.createRange(); r.selectNodeContents(td);
                     const tops = new Set([...r.getClientRects()].map(x => Math.round(x.top)));
                     return [td.textContent.trim(), tops.size]; })""")
    assert len(lines) > 20
    assert [name for name, n in lines if n > 1] == [], "a name of a few characters is split over two lines"
    assert page.evaluate("document.documentElement.scrollWidth") <= 390  # and the table still fits
    # with the head row hidden, the kind is set apart from the English before it ("Hong Kong · place"), the dot
    # on the kind's line: the browser pass found "Chinese Foreign Ministry ·" with "org" alone on the next line
    kinds = page.evaluate("""() => [...document.querySelectorAll('section.names td.kind')]
        .map(td => [getComputedStyle(td, '::before').content, td.getClientRects().length])""")
    assert kinds and set(map(tuple, kinds)) == {('"·\u00a0"', 1)}
    page.close()
    # without a glossary no name has a kind: no dot after the English as if one followed
    path.write_text(render_html(api.prepare(doc, glossary=names)), encoding="utf-8")
    page = _open(browser, path, 390)
    kinds = page.evaluate("""() => [...document.querySelectorAll('section.names td.kind')]
        .map(td => [td.textContent, getComputedStyle(td, '::before').content])""")
    assert kinds and set(map(tuple, kinds)) == {("", "none")}
    page.close()


@pytest.mark.parametrize("width", [360, 1040])
def test_a_full_width_comma_after_a_space_never_opens_a_line(browser, tmp_path, width):
    """"Facebook ，": at these widths the browser broke at the space and began the next line with "，"
    (publish.rows.keep_with_mark makes that space no-break)."""
    from tests.publish.epubdocs import seed_doc

    doc = seed_doc()
    text = "他在接受采访时说，他每天都会在Facebook ，Instagram 和 Twitter 上发表评论。"
    s = seg(doc.id, 0, 0, text, "He said he posts on Facebook, Instagram and Twitter every day.")
    doc.blocks.insert(0, Block(role="paragraph", segments=[s], source=text))
    path = tmp_path / "p.html"
    path.write_text(render_html(doc), encoding="utf-8")
    page = _open(browser, path, width)
    starts = page.evaluate("""() => {  // the first character of each line of the first Simplified cell
        const cell = document.querySelector('main .cell.hans'), starts = [];
        const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
        let node, top = null;
        while ((node = walker.nextNode())) for (let i = 0; i < node.length; i++) {
            const range = document.createRange();
            range.setStart(node, i); range.setEnd(node, i + 1);
            const rect = range.getClientRects()[0];
            if (rect && (top === null || rect.top > top + 5)) { starts.push(node.data[i]); top = rect.top; }
        }
        return starts.join('');
    }""")
    assert len(starts) > 1 and "，" not in starts, starts
    page.close()


@pytest.mark.parametrize("width", [390, 1400])
def test_a_check_report_with_a_long_url_or_word_stays_inside_its_columns(browser, tmp_path, width):
    """A finding's English that holds a long URL or an unbroken word wraps inside its half of the row (it ran
    out of the row over the Chinese beside it at 1400 px)."""
    from bilingual.check.base import Finding, Unit
    from bilingual.publish.report import render_html, summarize

    unit = Unit("a:0.0:x", f"原文见{LONG_URL}，三名记者被捕。",
                f"The original is at {LONG_URL}, and " + "x" * 200 + " were arrested.")
    f = Finding(unit.id, "number.missing", "warning", message="'三' is not in the English", source_mark="三")
    path = tmp_path / "report.html"
    path.write_text(render_html([f], summarize([f], [unit]), [unit]), encoding="utf-8")
    assert _spilling(browser, path, width, ".pair div") == []
