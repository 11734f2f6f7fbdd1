"""`bilingual check` end to end through the real entry point."""

from __future__ import annotations

import json

import pytest

from bilingual.interchange.jsondoc import write_document
from tests.check.helpers import GLOSSARY_TSV, parallel_lines, sentence_document
from tests.clirun import run_cli


@pytest.fixture(autouse=True)
def test_glossary(tmp_path, monkeypatch):
    """The CLI loads the shipped glossary; these tests use a fixed one so others' edits don't move them."""
    folder = tmp_path / "glossary"
    folder.mkdir()
    (folder / "names.tsv").write_text(GLOSSARY_TSV, encoding="utf-8")
    monkeypatch.setenv("BILINGUAL_GLOSSARY_DIR", str(folder))


def _doc_file(tmp_path, zh, en, name="doc.json"):
    path = tmp_path / name
    write_document(sentence_document(zh, en), path)
    return path


def test_json_report_schema_and_exit_code(tmp_path, capsys):
    zh, en = parallel_lines()
    en = list(en)
    en[4] = en[4].replace("13.21 trillion", "13.21 billion")
    path = _doc_file(tmp_path, zh[:20], en[:20])
    r = run_cli(capsys, "check", path, "--format", "json")
    assert r.code == 5, r.err
    data = json.loads(r.out)
    assert data["schema"] == "bilingual-check/1"
    assert set(data["summary"]) >= {"segments_checked", "segments_flagged", "findings", "by_severity", "by_kind"}
    assert data["summary"]["segments_checked"] == 20
    for item in data["findings"]:
        assert set(item) >= {"segment", "kind", "severity", "source", "target", "message", "suggestion"}
    # the wrong scale is reported once, as what it is (not also as a missing number)
    wrong = [f for f in data["findings"] if f["kind"] in ("number.missing", "unit.scale")]
    assert [(f["kind"], f["source_mark"], f["target_mark"]) for f in wrong] == [
        ("unit.scale", "13.21万亿", "13.21 billion")]


def test_fail_on_threshold(tmp_path, capsys):
    zh, en = parallel_lines()
    en = list(en[:20])
    en[3] = en[2]  # a duplicated English sentence: a warning, not an error
    path = _doc_file(tmp_path, zh[:20], en)
    assert run_cli(capsys, "check", path).code == 0
    r = run_cli(capsys, "check", path, "--fail-on", "warning")
    assert r.code == 5
    assert "duplicate" in r.out


def test_text_summary_and_html_report(tmp_path, capsys):
    zh, en = parallel_lines()
    en = list(en[:10])
    en[1] = "To me, his <script>alert(1)</script> 热情 implied the opposite."
    path = _doc_file(tmp_path, zh[:10], en)
    r = run_cli(capsys, "check", path)
    assert r.code == 5
    assert "cjk-in-english" in r.out and "of 10 segment(s)" in r.out
    out = tmp_path / "report.html"
    r = run_cli(capsys, "check", path, "--format", "html", "-o", out)
    assert r.code == 5
    page = out.read_text(encoding="utf-8")
    assert "<mark>热情</mark>" in page
    assert "<script>" not in page and "&lt;script&gt;" in page


def test_chinese_source_with_external_translation(tmp_path, capsys):
    zh, en = parallel_lines()
    source = tmp_path / "article.txt"
    source.write_text("\n\n".join("".join(zh[i:i + 3]) for i in range(0, 30, 3)) + "\n", encoding="utf-8")
    english = [" ".join(en[i:i + 3]) for i in range(0, 30, 3)]
    translation = tmp_path / "article.en.md"
    translation.write_text("\n\n".join(english[:4] + english[5:]) + "\n", encoding="utf-8")  # one dropped
    r = run_cli(capsys, "check", source, "--translation", translation, "--format", "json")
    data = json.loads(r.out)
    assert r.code == 5
    assert [f["kind"] for f in data["findings"]].count("unaligned") == 1


def test_xliff_from_a_cat_tool(tmp_path, capsys):
    from bilingual.interchange.xliff import write_xliff

    zh, en = parallel_lines()
    en = list(en[:10])
    en[4] = en[4].replace("down 3%", "down 4%")
    path = write_xliff(sentence_document(zh[:10], en), tmp_path / "doc.xlf")
    r = run_cli(capsys, "check", path, "--format", "json")
    kinds = {(f["kind"], f["source_mark"]) for f in json.loads(r.out)["findings"]}
    assert ("number.missing", "3") in kinds


def test_bad_input_is_one_line(tmp_path, capsys):
    r = run_cli(capsys, "check", tmp_path / "nope.json")
    assert r.code == 1 and r.err.count("\n") == 1 and "nope.json" in r.err
    bad = tmp_path / "bad.json"
    bad.write_text("{not json", encoding="utf-8")
    r = run_cli(capsys, "check", bad)
    assert r.code == 1 and r.err.count("\n") == 1
    src = tmp_path / "a.txt"
    src.write_text("中文段落。\n", encoding="utf-8")
    r = run_cli(capsys, "check", src)
    assert r.code == 2 and "--translation" in r.err and r.err.count("\n") == 1


def test_html_report_carries_the_content_security_policy(tmp_path, capsys):
    """Like the article and index pages: no script, no fetch, even if a finding's text smuggles markup in."""
    from lxml import html

    zh, en = parallel_lines()
    path = _doc_file(tmp_path, zh[:5], list(en[:5]))
    out = tmp_path / "report.html"
    run_cli(capsys, "check", path, "--format", "html", "-o", out)
    page = html.fromstring(out.read_bytes())
    policies = [m.get("content") for m in page.iter("meta")
                if (m.get("http-equiv") or "").lower() == "content-security-policy"]
    assert policies == ["default-src 'none'; style-src 'unsafe-inline'; img-src data:"]


def test_region_comes_from_the_documents_provenance(tmp_path, capsys):
    """A document recording an unknown variant asks for --region instead of guessing."""
    import json

    from bilingual.model import Block, Document, Segment
    from tests.clirun import run_cli

    doc = Document(id="d", blocks=[Block(role="paragraph", segments=[Segment(id="d:0.0:x", source="你好。",
                   hans="你好。", hant="你好。", en="Hello.")])], provenance={"variant": "klingon"})
    path = tmp_path / "d.json"
    path.write_text(json.dumps(doc.to_dict(), ensure_ascii=False), encoding="utf-8")
    result = run_cli(capsys, "check", path)
    assert result.code == 1 and "unknown variant 'klingon'" in result.err and "--region" in result.err
    assert run_cli(capsys, "check", path, "--region", "zh-HK").code == 0


def test_source_is_prepared_with_the_glossary_it_is_checked_against(tmp_path, capsys, monkeypatch):
    """`check SOURCE --translation EN` used to re-prepare the source without the glossary, then
    report its own Traditional column (普京, not Taiwan's 普丁) as an error labelled "en:"."""
    monkeypatch.delenv("BILINGUAL_GLOSSARY_DIR")  # the shipped glossary, as a user has it
    (tmp_path / "zh.txt").write_text("普京访问了平壤。\n", encoding="utf-8")
    (tmp_path / "en.txt").write_text("Putin visited Pyongyang.\n", encoding="utf-8")
    r = run_cli(capsys, "check", tmp_path / "zh.txt", "--translation", tmp_path / "en.txt")
    assert r.code == 0, r.out + r.err
    assert "ERROR" not in r.out and "glossary.hant" not in r.out


def test_a_builds_json_is_checked_with_the_glossary_it_was_built_with(tmp_path, capsys):
    """The build records its glossary (version and extra files); check uses it and says when it cannot."""
    from bilingual import api

    extra = tmp_path / "mine.tsv"
    extra.write_text("id\tkind\thans\ten\nzhang-san\tperson\t张三丰\tZhang Sanfeng\n", encoding="utf-8")
    names = api.glossary([extra])
    doc = api.prepare(sentence_document(["张三丰来了。"], [""]), glossary=names)
    doc.blocks[0].segments[0].en = "Someone else came."  # a translation that drops the name
    path = tmp_path / "doc.json"
    write_document(doc, path)

    r = run_cli(capsys, "check", path, "--format", "json")
    kinds = [f["kind"] for f in json.loads(r.out)["findings"]]
    assert "glossary.missing" in kinds and "provenance.glossary" not in kinds  # the recorded file was used

    other = tmp_path / "other.tsv"
    other.write_text("id\tkind\thans\ten\nli-si\tperson\t李四\tLi Si\n", encoding="utf-8")
    r = run_cli(capsys, "check", path, "--format", "json", "--glossary", other)
    findings = json.loads(r.out)["findings"]
    note = [f for f in findings if f["kind"] == "provenance.glossary"]
    assert len(note) == 1 and note[0]["severity"] == "info" and doc.provenance["glossary"] in note[0]["message"]
    assert "glossary.missing" not in [f["kind"] for f in findings]  # 张三丰 is not in the given glossary


def test_the_region_asked_for_writes_the_source_it_checks(tmp_path, capsys, monkeypatch):
    """With --region zh-HK the source is converted as Hong Kong writes it, so 普京 is right there."""
    monkeypatch.delenv("BILINGUAL_GLOSSARY_DIR")
    (tmp_path / "zh.txt").write_text("普京访问了平壤。\n", encoding="utf-8")
    (tmp_path / "en.txt").write_text("Putin visited Pyongyang.\n", encoding="utf-8")
    r = run_cli(capsys, "check", tmp_path / "zh.txt", "--translation", tmp_path / "en.txt", "--region", "zh-HK")
    assert r.code == 0, r.out + r.err


def test_a_traditional_column_finding_is_labelled_as_that_column(tmp_path, capsys):
    from bilingual.model import Block, Document, Segment

    seg = Segment(id="d:0.0:x", source="普京访问了平壤。", hans="普京访问了平壤。", hant="普京訪問了平壤。",
                  en="Putin visited Pyongyang.")
    path = tmp_path / "d.json"
    write_document(Document(id="d", blocks=[Block("paragraph", [seg])], provenance={"region": "zh-TW"}), path)
    r = run_cli(capsys, "check", path)
    assert "glossary.hant" in r.out and "zh-Hant: 普京訪問了平壤。" in r.out and "en: 普京" not in r.out
    data = json.loads(run_cli(capsys, "check", path, "--format", "json").out)
    assert [f["target_column"] for f in data["findings"] if f["kind"] == "glossary.hant"] == ["hant"]


def test_a_recorded_glossary_file_that_is_gone_is_named(tmp_path, capsys):
    from bilingual import api

    extra = tmp_path / "mine.tsv"
    extra.write_text("id\tkind\thans\ten\nzhang-san\tperson\t张三丰\tZhang Sanfeng\n", encoding="utf-8")
    doc = api.prepare(sentence_document(["张三丰来了。"], ["Zhang Sanfeng came."]), glossary=api.glossary([extra]))
    path = tmp_path / "doc.json"
    write_document(doc, path)
    extra.unlink()
    findings = json.loads(run_cli(capsys, "check", path, "--format", "json").out)["findings"]
    note = [f["message"] for f in findings if f["kind"] == "provenance.glossary"]
    assert len(note) == 1 and "mine.tsv" in note[0] and "is gone" in note[0], note


def test_findings_come_in_document_order_with_marks_as_written(tmp_path, capsys):
    """The aligner's findings sit with their segment, not first; a loop's and a number's marks are the
    text as written (capitals, full-width digits), so a viewer can highlight them."""
    from bilingual import api

    source = tmp_path / "zh.txt"
    source.write_text("今年产量增长３％。\n\n他说了三遍。\n\n普京访问了北京。\n", encoding="utf-8")
    english = tmp_path / "en.txt"
    english.write_text("Output grew 5% this year.\n\nHe Said It He Said It He Said It.\n\n"
                       "Putin visited Beijing.\n\nAn extra paragraph nobody wrote.\n", encoding="utf-8")
    doc, findings = api.check(source, english)
    order = {s.id: i for i, s in enumerate(doc.segments())}
    positions = [order.get(f.segment, -1) for f in findings]
    assert positions == sorted(positions)
    number = next(f for f in findings if f.kind == "number.missing")
    assert number.source_mark == "３" and number.source_mark in number.source
    loop = next(f for f in findings if f.kind == "repetition")
    assert loop.target_mark == "He Said It" and loop.target_mark in loop.target
