"""Issue 4 through the CLI: a book of the seed and every fixture, both layouts, epubcheck-clean; --keep-going."""

from __future__ import annotations

import hashlib

import pytest
from bs4 import BeautifulSoup

from tests.clirun import run_cli
from tests.conftest import FIXTURES, SEED
from tests.publish.test_epub import check_all, needs_java

ARTICLES = [SEED, *sorted(FIXTURES.glob("*_*.md")), FIXTURES / "epub4j_simpleEpub.epub"]


@pytest.fixture(scope="module")
def books(tmp_path_factory, argos_home_module):
    """The seed and all fixtures built once per layout with the tiny engine: layout -> output folder."""
    from bilingual.cli import main

    built = {}
    for layout in ("interleaved", "side-by-side"):
        out = tmp_path_factory.mktemp(layout)
        try:
            main(["build", *map(str, ARTICLES), "-o", str(out), "--format", "html,epub", "--layout", layout,
                  "--title", "CDT essays", "--memory", str(out / "tm.sqlite"), "--quiet"])
        except SystemExit as e:
            assert e.code == 0
        built[layout] = out
    return built


@needs_java
def test_collection_books_pass_epubcheck_in_each_layout(books):
    paths = [out / "CDT-essays.epub" for out in books.values()]
    problems = check_all(paths)
    assert problems == {p: [] for p in paths}


def test_collection_has_a_page_per_article_and_an_index(books):
    out = books["interleaved"]
    index = BeautifulSoup((out / "index.html").read_text(encoding="utf-8"), "lxml")
    links = [a["href"] for a in index.select("a[href]")]
    pages = sorted(p.name for p in out.glob("*.html") if p.name != "index.html")
    assert sorted(links) == pages
    # Seed, three Markdown fixtures, two EPUB chapters: every article has its page.
    assert len(pages) == 6


def test_same_input_same_epub_bytes(capsys, tmp_path, argos_home):
    digests = []
    for run in ("a", "b"):
        out = tmp_path / run
        result = run_cli(capsys, "build", SEED, "-o", out, "--format", "epub", "--memory", tmp_path / "tm.sqlite")
        assert result.code == 0, result.err
        digests.append(hashlib.sha256((out / f"{SEED.stem}.epub").read_bytes()).hexdigest())
    assert digests[0] == digests[1]


def test_broken_article_stops_the_build_unless_keep_going(capsys, tmp_path):
    broken = tmp_path / "broken.txt"
    broken.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)))
    out = tmp_path / "out"
    result = run_cli(capsys, "build", SEED, broken, "-o", out, "--no-translate")
    assert result.code == 1 and "broken.txt" in result.err and len(result.err.strip().splitlines()) == 1
    assert not out.exists()

    result = run_cli(capsys, "build", SEED, broken, "-o", out, "--no-translate", "--format", "html,epub",
                     "--keep-going")
    assert result.code == 0, result.err
    assert "skipped" in result.err and "broken.txt" in result.err
    assert (out / f"{SEED.stem}.html").exists() and (out / f"{SEED.stem}.epub").exists()


def test_columns_option_reaches_the_page(capsys, tmp_path):
    result = run_cli(capsys, "build", SEED, "-o", tmp_path, "--no-translate", "--columns", "zh-Hant,en")
    assert result.code == 0, result.err
    soup = BeautifulSoup((tmp_path / f"{SEED.stem}.html").read_text(encoding="utf-8"), "lxml")
    row = soup.select_one("main .row")
    assert [c["lang"] for c in row.select(".cell")] == ["zh-Hant-TW", "en"]  # the default variant: Taiwan
    assert run_cli(capsys, "build", SEED, "-o", tmp_path, "--columns", "fr").code == 2
