"""Paths to the real inputs and assertions shared by the ingest tests."""

from __future__ import annotations

import json
from pathlib import Path

from bilingual.model import Document

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "tests" / "fixtures"
SEED = ROOT / "seeds" / "000_e53f636a1fba136f.txt"
CDT_2020 = FIXTURES / "cdt_392432_luo-guancong.md"
CDT_OLD = FIXTURES / "cdtv_400883_uk-embassy-hk.md"
TERM = FIXTURES / "term_2018-02-06-jifeng-rip.md"
EPUB = FIXTURES / "epub4j_simpleEpub.epub"

# Strings that would mean something executable or unsafe got through.
UNSAFE = ("<script", "javascript:", "data:text", "onerror", "onclick", "onload", "alert(", "<iframe",
          "vbscript:")


def assert_safe(doc: Document) -> None:
    """Nothing executable anywhere in the document data, and every link is http(s)/mailto."""
    dumped = json.dumps(doc.to_dict(), ensure_ascii=False).lower()
    for bad in UNSAFE:
        assert bad not in dumped, f"{bad!r} survived in {doc.id}"
    for block in doc.blocks:
        for m in block.source_marks:
            if m.tag == "a":
                assert m.href.startswith(("http://", "https://", "mailto:")), m.href


def assert_clean_text(doc: Document) -> None:
    """Block text is folded: no edge spaces, no runs of whitespace, no line breaks."""
    for b in doc.blocks:
        assert b.source == b.source.strip(), repr(b.source)
        assert "  " not in b.source and "\n" not in b.source and "\xa0" not in b.source, repr(b.source)
        for m in b.source_marks:
            assert 0 <= m.start < m.end <= len(b.source), (m, b.source)
