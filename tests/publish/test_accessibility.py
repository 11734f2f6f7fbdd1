"""EPUBs that DAISY Ace passes (accessibility metadata true of the book, xml:lang on the package,
epub:type with its ARIA role) and HTML pages the W3C Nu validator passes, on real builds: the seed and
a three-article book in both layouts, translated by the tiny engine."""

from __future__ import annotations

import json
import os
import subprocess
import zipfile
from pathlib import Path

import pytest
from lxml import etree

from tests.conftest import FIXTURES, SEED
from tests.publish.a11ytools import ACE, CHROMIUM, VNU, needs_ace, needs_vnu

ARTICLES = [SEED, FIXTURES / "cdt_392432_luo-guancong.md", FIXTURES / "cdtv_400883_uk-embassy-hk.md"]
OPF = {"opf": "http://www.idpf.org/2007/opf"}
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
# DPUB-ARIA roles for the epub:type values our templates use (titlepage has none in DPUB-ARIA).
ROLES = {"chapter": "doc-chapter", "colophon": "doc-colophon", "appendix": "doc-appendix", "toc": "doc-toc"}


@pytest.fixture(scope="module")
def books(tmp_path_factory, argos_home_module) -> dict[str, Path]:
    """name -> EPUB: the seed alone, and three articles interleaved and side by side (plus the HTML pages)."""
    from bilingual.cli import main

    out = tmp_path_factory.mktemp("books")
    made = {}
    for name, inputs, layout, formats in (("seed", [SEED], "interleaved", "html,epub"),
                                          ("three-interleaved", ARTICLES, "interleaved", "html,epub"),
                                          ("three-side-by-side", ARTICLES, "side-by-side", "epub")):
        folder = out / name
        try:
            main(["build", *map(str, inputs), "-o", str(folder), "--format", formats, "--layout", layout,
                  "--title", "Three articles", "-q", "--memory", str(out / "memory.sqlite")])
        except SystemExit as e:
            assert not e.code, f"build {name} failed"
        (made[name],) = folder.glob("*.epub")
    return made


def _opf(book: Path) -> etree._Element:
    with zipfile.ZipFile(book) as z:
        name = next(n for n in z.namelist() if n.endswith(".opf"))
        return etree.fromstring(z.read(name))


def test_package_declares_language_and_true_accessibility_metadata(books):
    for name, book in books.items():
        opf = _opf(book)
        assert opf.get(XML_LANG) == opf.findtext(".//{http://purl.org/dc/elements/1.1/}language"), name
        meta = {}
        for m in opf.iterfind(".//opf:meta[@property]", OPF):
            meta.setdefault(m.get("property"), []).append(m.text)
        assert meta["schema:accessMode"] == ["textual"] and meta["schema:accessModeSufficient"] == ["textual"]
        assert meta["schema:accessibilityHazard"] == ["none"]
        assert set(meta["schema:accessibilityFeature"]) == {"structuralNavigation", "tableOfContents",
                                                            "readingOrder"}
        summary = meta["schema:accessibilitySummary"][0]
        assert ("side by side" if "side-by-side" in name else "one after another") in summary
        with zipfile.ZipFile(book) as z:
            pages = [z.read(n) for n in z.namelist() if n.endswith(".xhtml")]
            media = [n for n in z.namelist() if n.rsplit(".", 1)[-1] in ("png", "jpg", "jpeg", "gif", "svg",
                                                                          "mp3", "mp4", "webm")]
        # What the metadata says must stay true: text only, so no image, audio or video in the book.
        assert media == [] and not any(b"<img" in p or b"<audio" in p or b"<video" in p for p in pages)


def test_every_epub_type_has_its_aria_role(books):
    ops = "{http://www.idpf.org/2007/ops}type"
    with zipfile.ZipFile(books["three-side-by-side"]) as z:
        for name in (n for n in z.namelist() if n.endswith(".xhtml")):
            for el in etree.fromstring(z.read(name)).iter():
                kind = el.get(ops)
                if kind in ROLES and etree.QName(el).localname in ("section", "nav"):
                    assert el.get("role") == ROLES[kind], (name, kind)


def _ace(name: str, book: Path, out: Path) -> list[tuple[str, str, str]]:
    """Ace's failed checks on one book (empty when it passes)."""
    env = {**os.environ, "PUPPETEER_EXECUTABLE_PATH": CHROMIUM}
    done = subprocess.run([str(ACE), "--silent", "-o", str(out), str(book)], capture_output=True, text=True,
                          env=env, timeout=600)
    if done.returncode != 0 and not (out / "report.json").exists():
        # Ace exits 1 with no report when its browser fails to start (seen once under a loaded full run, never
        # alone): one more run, verbose, so a second failure says why. Violations never take this path: they are
        # in the report.
        done = subprocess.run([str(ACE), "--verbose", "-o", str(out), str(book)], capture_output=True, text=True,
                              env=env, timeout=600)
    assert done.returncode == 0, (done.stdout + done.stderr)[-2000:]
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    failed = [(a["earl:testSubject"]["url"], t["earl:test"]["dct:title"], t["earl:result"].get("dct:description"))
              for a in report["assertions"] for t in a.get("assertions", [])
              if t["earl:result"]["earl:outcome"] != "pass"]
    assert failed or report["earl:result"]["earl:outcome"] == "pass", name
    return failed


@needs_ace
def test_daisy_ace_reports_no_violations(books, tmp_path):
    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(max_workers=2) as pool:  # each run is a browser: two at a time
        failed = dict(zip(books, pool.map(lambda nb: _ace(nb[0], nb[1], tmp_path / nb[0]), books.items()),
                          strict=True))
    assert failed == {name: [] for name in books}


@needs_vnu
def test_html_pages_pass_the_nu_validator(books, tmp_path):
    pages = sorted(books["seed"].parent.glob("*.html")) + sorted(books["three-interleaved"].parent.glob("*.html"))
    assert len(pages) == 5  # the seed page; three article pages and the collection's index.html
    pages.append(_check_report(tmp_path / "report.html"))
    # A copy with a duplicate id goes along (one JVM start): the validator must fail that one, so the
    # check on ours can fail.
    broken = tmp_path / "broken.html"
    page = pages[0].read_text(encoding="utf-8")
    body = page.index(">", page.index("<body")) + 1
    broken.write_text(page[:body] + '<p id="dup">a</p><p id="dup">b</p>' + page[body:], encoding="utf-8")
    done = subprocess.run(["java", "-jar", str(VNU), "--format", "gnu", "--Werror", *map(str, pages), str(broken)],
                          capture_output=True, text=True, timeout=600)
    lines = done.stderr.strip().splitlines()
    assert done.returncode != 0 and lines and all("broken.html" in line for line in lines), done.stderr[-3000:]
    assert any("Duplicate ID" in line for line in lines)


def _check_report(path):
    """A check report page with a finding on each column, as `bilingual check --format html` writes one."""
    from bilingual.check.base import Finding, Unit
    from bilingual.publish.report import render_html, summarize

    unit = Unit("a:0.0:x", "俄罗斯总统普京签署。", "Russian President Putin signed out.", hant="俄羅斯總統普京簽署。")
    findings = [Finding(unit.id, "glossary.hant", "error", message="zh-TW writes '普京' as '普丁'",
                        source_mark="普京", target_column="hant"),
                Finding(unit.id, "length-ratio", "info", message="the English is long", target_mark="out")]
    path.write_text(render_html(findings, summarize(findings, [unit]), [unit], title="普京", region="zh-TW"),
                    encoding="utf-8")
    return path
