"""End to end in a real browser: Playwright drives Debian's chromium through a proofreading session on
the seed edition (built with the tiny model): jump to a finding, edit the English, save, approve,
rebuild; then the memory holds the human row and the rebuilt page shows the edit, all else unchanged.

Screenshots go to $BILINGUAL_SCREENSHOTS (e.g. /tmp) when set, else into the test's tmp folder.
"""

from __future__ import annotations

import json
import os
import re
import threading
import time
from pathlib import Path

import pytest
from playwright.sync_api import expect  # noqa: E402  (the test extra installs playwright)

from bilingual.translate.memory import Memory  # noqa: E402
from tests.conftest import SEED  # noqa: E402
from tests.review.conftest import TOKEN, assert_only_the_edit_changed  # noqa: E402

CHROMIUM = Path("/usr/bin/chromium")
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]

pytestmark = pytest.mark.skipif(not CHROMIUM.exists(),
                                reason="Debian's chromium is not at /usr/bin/chromium (apt-get install chromium)")


@pytest.fixture
def server(workspace):
    """The workspace served by uvicorn on a free loopback port, in a thread; its URL."""
    import uvicorn

    from bilingual.review import allowed_hosts, bind
    from bilingual.review.app import create_app

    sock = bind("127.0.0.1", 0)
    port = sock.getsockname()[1]
    app = create_app(workspace, TOKEN, hosts=allowed_hosts("127.0.0.1", port))
    server = uvicorn.Server(uvicorn.Config(app, log_level="warning", lifespan="off"))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started and thread.is_alive() and time.monotonic() < deadline:
        time.sleep(0.05)
    assert server.started, "the workspace server did not start"
    yield f"http://127.0.0.1:{port}/{TOKEN}/"
    server.should_exit = True
    thread.join(10)
    sock.close()


@pytest.fixture
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=FLAGS)
        yield browser
        browser.close()


@pytest.fixture
def shots(tmp_path) -> Path:
    folder = Path(os.environ.get("BILINGUAL_SCREENSHOTS") or tmp_path)
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def _open(browser, url: str):
    page = browser.new_page(viewport={"width": 1500, "height": 1000})
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.goto(url)
    page.wait_for_selector(".srow[data-seg]")
    return page, errors


def _cells(html: str) -> dict[str, str]:
    """Every segment cell of an edition page: 'column-segment' id -> its inner HTML."""
    return dict(re.findall(r'<span class="seg" id="([^"]+)" data-seg="[^"]*">(.*?)</span>(?=<span class="seg"|\s|<)',
                           html, re.S))


def _jump_to(page, kind: str) -> str:
    """Press n until the current row has a finding of `kind`; its segment id."""
    for _ in range(60):
        page.keyboard.press("n")
        current = page.locator(".srow.current")
        if kind in current.locator(".findings").inner_text() if current.locator(".findings").count() else False:
            return current.get_attribute("data-seg")
    raise AssertionError(f"no row with a {kind} finding reached with n")


def test_proofread_the_seed_end_to_end(server, browser, edition, shots):
    before_html = edition.page.read_text(encoding="utf-8")
    before = {s["id"]: s for b in json.loads(edition.article.read_text(encoding="utf-8"))["blocks"]
              for s in b["segments"]}
    page, errors = _open(browser, server)
    assert page.url.endswith(f"/a/{SEED.stem}")
    page.screenshot(path=str(shots / "review-1-open.png"))

    # n jumps to findings; the first n lands on the first row that has any
    page.keyboard.press("n")
    first = page.locator(".srow.has-findings").first.get_attribute("data-seg")
    assert page.locator(".srow.current").get_attribute("data-seg") == first
    seg_id = _jump_to(page, "repetition")
    row = page.locator(f'.srow[data-seg="{seg_id}"]')
    page.screenshot(path=str(shots / "review-2-finding.png"))

    english = "The treaty says that when either party is attacked, the other will come to its aid."
    # editing shows the box and, where the cells stand side by side, the row's Chinese beside it below the sticky
    # toolbar (the browser pass: the box's own focus scrolled a long row's source out of view); on a phone, where
    # the cells are stacked and both cannot fit, the box
    for width, height in ((1500, 1000), (390, 844)):
        page.set_viewport_size({"width": width, "height": height})
        page.keyboard.press("Escape")
        page.keyboard.press("e")
        chinese, box_top, box_bottom, bar, view = page.evaluate("""(seg) => {
            const row = document.querySelector(`.srow[data-seg="${seg}"]`);
            const cell = row.querySelector(".cell.hans").getBoundingClientRect();
            const box = row.querySelector("textarea").getBoundingClientRect();
            const bar = document.querySelector(".toolbar").getBoundingClientRect();
            return [cell.top, box.top, box.bottom, bar.bottom, window.innerHeight]; }""", seg_id)
        assert box_top < view and box_bottom > bar, (width, box_top, box_bottom, bar, view)
        if width > 900:
            assert bar <= chinese < view, (width, chinese, bar, view)
    box = row.locator("textarea")
    box.fill(english)
    page.screenshot(path=str(shots / "review-3-editing.png"))
    box.press("Control+Enter")
    expect(page.locator("#notice")).to_contain_text("saved as a human translation")
    row = page.locator(f'.srow[data-seg="{seg_id}"]')
    assert "state-edited" in row.get_attribute("class")
    assert row.locator(".cell.en .text").inner_text() == english
    assert "repetition" not in row.inner_text(), "the segment was checked again after the save"
    assert page.locator("#progress-text").inner_text().startswith("1 / ")

    page.keyboard.press("a")
    expect(page.locator("#notice")).to_contain_text(re.compile("^approved"))
    row = page.locator(f'.srow[data-seg="{seg_id}"]')
    assert "state-approved" in row.get_attribute("class")

    # the "not yet reviewed" filter hides it; "with findings" shows only rows that have some
    page.keyboard.press("f")
    assert page.locator(".srow.has-findings").first.is_visible()
    assert page.locator(".srow[data-seg]:not(.has-findings)").first.is_hidden()
    page.keyboard.press("f")
    assert row.is_hidden()
    page.keyboard.press("f")
    assert row.is_visible()

    # a name's renderings on hover
    page.locator('.cell.hans .term[data-term="putin"]').first.hover()
    card = page.locator("#namecard")
    card.wait_for(state="visible")
    assert "Vladimir Putin" in card.inner_text() and "普丁" in card.inner_text()
    page.screenshot(path=str(shots / "review-4-name.png"))

    page.locator("#rebuild").click()
    expect(page.locator("#notice")).to_contain_text(re.compile("^rebuilt"), timeout=60_000)
    page.screenshot(path=str(shots / "review-5-rebuilt.png"))
    assert errors == []

    with Memory(edition.memory) as mem:
        assert mem.human(before[seg_id]["hans"]) == english
    after = {s["id"]: s for b in json.loads(edition.article.read_text(encoding="utf-8"))["blocks"]
             for s in b["segments"]}
    assert after[seg_id]["en"] == english and after[seg_id]["origin"] == "human"
    assert_only_the_edit_changed(before, after, seg_id)
    old_cells, new_cells = _cells(before_html), _cells(edition.page.read_text(encoding="utf-8"))
    assert len(old_cells) == 3 * len(before) and old_cells.keys() == new_cells.keys()
    changed = {k for k in old_cells if old_cells[k] != new_cells[k]}
    moved = {f"en-{i.replace(':', '-')}" for i in before if i != seg_id and after[i]["en"] != before[i]["en"]}
    assert changed == {f"en-{seg_id.replace(':', '-')}"} | moved  # moved: a first mention's long form (above)
    assert new_cells[f"en-{seg_id.replace(':', '-')}"] == english

    # the rebuilt page, opened from the notice's link
    with page.expect_popup() as popup:
        page.locator(f'#notice a[href$="{SEED.stem}.html"]').click()
    edition_page = popup.value
    edition_page.wait_for_load_state()
    cell_id = "en-" + seg_id.replace(":", "-")
    assert edition_page.locator(f'[id="{cell_id}"]').inner_text() == english
    edition_page.screenshot(path=str(shots / "review-6-edition.png"))


def test_two_tabs_on_one_article_show_the_overwrite(server, browser, shots):
    tab_a, errors_a = _open(browser, server)
    tab_b, errors_b = _open(browser, server)
    seg_id = _jump_to(tab_a, "repetition")
    _jump_to(tab_b, "repetition")
    tab_b.keyboard.press("e")  # B starts editing before A saves
    tab_a.keyboard.press("e")
    tab_a.locator(f'.srow[data-seg="{seg_id}"] textarea').fill("Tab A's English.")
    tab_a.keyboard.press("Control+Enter")
    expect(tab_a.locator("#notice")).to_contain_text("saved")
    # B's page hears of A's save while B still edits: its row says so instead of losing B's text
    tab_b.wait_for_selector(f'.srow.stale[data-seg="{seg_id}"]', timeout=15_000)
    expect(tab_b.locator(f'.srow[data-seg="{seg_id}"] .elsewhere')).to_contain_text("Tab A's English.")
    box = tab_b.locator(f'.srow[data-seg="{seg_id}"] textarea')
    box.fill("Tab B's English.")
    tab_b.screenshot(path=str(shots / "review-7-two-tabs.png"))
    box.press("Control+Enter")
    expect(tab_b.locator("#notice")).to_contain_text("your save replaced it")
    assert "Tab A's English." in tab_b.locator("#notice").inner_text()
    # and A, polling, is shown B's English
    expect(tab_a.locator(f'.srow[data-seg="{seg_id}"] .cell.en .text')).to_have_text("Tab B's English.",
                                                                                   timeout=15_000)
    assert errors_a == [] and errors_b == []


def test_add_a_name_from_a_selection(server, browser, edition, shots):
    from bilingual.glossary.terms import read_file

    page, errors = _open(browser, server)
    row = page.locator(".srow[data-seg]").first
    assert "历史性" in row.locator(".cell.hans").inner_text()
    page.evaluate("""() => {
        const cell = document.querySelector('.srow[data-seg] .cell.hans');
        const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
            const at = node.textContent.indexOf('历史性');
            if (at < 0) continue;
            const range = document.createRange();
            range.setStart(node, at);
            range.setEnd(node, at + 3);
            getSelection().removeAllRanges();
            getSelection().addRange(range);
            return;
        }
    }""")
    page.keyboard.press("g")
    dialog = page.locator("#name-dialog")
    expect(dialog).to_be_visible()
    assert page.locator("#name-hans").input_value() == "历史性"
    page.locator("#name-kind").select_option("other")
    page.locator("#name-english").fill("historic")
    page.screenshot(path=str(shots / "review-8-add-name.png"))
    page.locator("#name-form button[type=submit]").click()
    expect(page.locator("#notice")).to_contain_text("added 历史性 → historic")
    # checked again at once: the segment's English lacks the new name
    expect(page.locator(".srow[data-seg]").first.locator(".findings")).to_contain_text("'historic'")
    terms, problems = read_file(edition.glossary)
    assert problems == [] and [(t.hans, t.kind, t.en) for t in terms] == [("历史性", "other", "historic")]
    page.screenshot(path=str(shots / "review-9-name-added.png"))
    assert errors == []
