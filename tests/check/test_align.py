"""Aligning an external translation with a Chinese document when paragraph counts differ."""

from __future__ import annotations

from bilingual.check import check_document, parse_groups
from bilingual.check.align import align_translation
from bilingual.ingest import read_paragraphs
from tests.check.helpers import paragraph_document, parallel_lines


def _english_paragraphs(en: list[str], size: int = 3) -> list[str]:
    return [" ".join(en[i:i + size]) for i in range(0, len(en), size)]


def test_equal_counts_pair_one_to_one():
    zh, en = parallel_lines()
    doc = paragraph_document(zh)
    paragraphs = _english_paragraphs(en)
    aligned, findings = align_translation(doc, paragraphs)
    assert findings == []
    assert [b.segments[0].en for b in aligned.blocks] == paragraphs
    assert all(s.en == "" for b in aligned.blocks for s in b.segments[1:])
    assert doc.blocks[0].segments[0].en == ""  # the input document is left alone


def test_merged_and_dropped_paragraphs_are_found_and_reported():
    zh, en = parallel_lines()
    doc = paragraph_document(zh)  # 50 blocks
    paragraphs = _english_paragraphs(en)
    english = paragraphs[:10] + [paragraphs[10] + " " + paragraphs[11]] + paragraphs[12:30] + paragraphs[31:]
    aligned, findings = align_translation(doc, english)
    groups = parse_groups(aligned.provenance["en_groups"], len(aligned.blocks))
    assert [10, 11] in groups
    unaligned = [f for f in findings if f.kind == "unaligned"]
    assert [f.segment for f in unaligned] == [doc.blocks[30].segments[0].id]
    assert any(f.kind == "alignment" and f.segment == doc.blocks[10].segments[0].id for f in findings)
    # the rest stays paired with its own paragraph
    assert aligned.blocks[40].segments[0].en == paragraphs[40]
    # checking the aligned document reports the dropped block, and no block as missing or empty
    found = check_document(aligned, glossary=None)
    assert {f.segment for f in found if f.kind == "unaligned"} == {doc.blocks[30].segments[0].id}
    assert not [f for f in found if f.kind in ("missing", "empty")]


def test_extra_english_paragraph_is_reported():
    zh, en = parallel_lines()
    doc = paragraph_document(zh[:144])  # 48 blocks; paragraph 49 has no source here
    paragraphs = _english_paragraphs(en)
    english = paragraphs[:20] + [paragraphs[49]] + paragraphs[20:48]
    aligned, findings = align_translation(doc, english)
    unaligned = [f for f in findings if f.kind == "unaligned"]
    assert len(unaligned) == 1
    assert unaligned[0].target.startswith(paragraphs[49][:40])
    assert aligned.blocks[20].segments[0].en == paragraphs[20]
    assert aligned.blocks[19].segments[0].en == paragraphs[19]


def test_readers_plain_markdown_html(tmp_path):
    (tmp_path / "en.txt").write_text("First paragraph, with a line\nbreak.\n\nSecond: 1961.\n", encoding="utf-8")
    (tmp_path / "en.md").write_text("Para *one* here.\n\n- item a\n\n> quoted\n", encoding="utf-8")
    (tmp_path / "en.html").write_text("<html><body><p>P one.</p><p>P <b>two</b>.</p>"
                                      "<script>alert(1)</script></body></html>", encoding="utf-8")
    assert read_paragraphs(tmp_path / "en.txt") == ["First paragraph, with a line break.", "Second: 1961."]
    assert read_paragraphs(tmp_path / "en.md") == ["Para one here.", "item a", "quoted"]
    assert read_paragraphs(tmp_path / "en.html") == ["P one.", "P two."]
