"""The importable API, used the way the README shows: the CLI is only a layer over these calls."""

from __future__ import annotations

import json

import pytest

from bilingual import api
from bilingual.errors import BilingualError
from tests.clirun import run_cli
from tests.conftest import SEED


def test_readme_example_load_prepare_translate_publish(tmp_path, tiny_engine):
    names = api.glossary()
    doc = api.prepare(api.load([SEED.parent])[0], variant="s2twp", glossary=names)
    assert all(s.hans and s.hant and not s.en for s in doc.segments())
    doc = api.translate(doc, tiny_engine, glossary=names)
    assert all(s.en for s in doc.segments())
    assert doc.provenance["engine"] == "argos" and doc.provenance["model"] == tiny_engine.identity
    page, data = api.publish(doc, tmp_path / "new-folder", glossary=names)
    assert page.exists() and json.loads(data.read_text(encoding="utf-8"))["id"] == doc.id
    assert 'class="term"' in page.read_text(encoding="utf-8")


def test_steps_do_not_mutate_their_input(tiny_engine):
    doc = api.load([SEED])[0]
    before = doc.to_dict()
    prepared = api.prepare(doc)
    assert doc.to_dict() == before
    snapshot = prepared.to_dict()
    api.translate(prepared, tiny_engine)
    assert prepared.to_dict() == snapshot


def test_build_checks_the_output_folder_once(tmp_path, monkeypatch):
    """The writability check runs before the work, once; publishing each article only creates the folder."""
    calls = []
    from bilingual import edition

    check = edition._check_output
    monkeypatch.setattr(edition, "_check_output", lambda out: calls.append(out) or check(out))
    articles = tmp_path / "articles"
    articles.mkdir()
    for name in ("one", "two", "three"):
        (articles / f"{name}.txt").write_text(f"标题{name}\n\n这是一篇文章的第一段。\n", encoding="utf-8")
    out = tmp_path / "a" / "b"
    built = api.build([articles], out, english=False)
    assert calls == [out]
    assert sum(p.suffix == ".html" for p in built.written) == 4  # three pages and the index


def test_publish_creates_the_folder_or_says_why_not_in_one_line(tmp_path):
    doc = api.prepare(api.load([SEED])[0])
    page, _ = api.publish(doc, tmp_path / "x" / "y")
    assert page.parent == tmp_path / "x" / "y"
    (tmp_path / "file").write_text("a file", encoding="utf-8")
    with pytest.raises(BilingualError, match=r"cannot create output folder .*file/out") as info:
        api.publish(doc, tmp_path / "file" / "out")
    assert "\n" not in str(info.value)


def test_suggest_names_reads_gb18030_and_skips_cdt_chrome(tmp_path, capsys):
    """The article is read as build reads it: any encoding ingest accepts, page chrome removed."""
    from tests import bad_inputs as bad

    body = ("习近平会见了默克尔。默克尔说，会谈很好。\n\n默克尔说，《巴黎协定》很重要。\n\n"
            + bad.CDT_CARD + bad.CDT_SHARE)
    page = tmp_path / "cdt.txt"
    page.write_bytes(bad.cdt_page(body).encode("gb18030"))
    names = [c.text for c in api.suggest_names(page, limit=200)]
    assert names[0] == "默克尔" and "巴黎协定" in names
    # The archive card and the share bar are not article text. The card's author reaches suggest only as the
    # byline (meta.author), where the account's phrase 古老板的老巢 ("Boss Gu's den") is no name to offer.
    assert not {"古老板的老巢", "中国数字时代", "Telegram", "Facebook"} & set(names)
    assert not any("<" in n or "addtoany" in n for n in names)
    result = run_cli(capsys, "glossary", "suggest", page, "-n", "200")
    assert result.code == 0, result.err
    assert [line.split("\t")[2] for line in result.out.splitlines()] == names


def test_suggest_names_reads_a_source_as_written_without_making_it_a_title():
    """The seed's source, 微信公众号“古老板的老巢”, is no work: it is not offered as 《…》."""
    from tests.conftest import SEED

    names = [c.text for c in api.suggest_names(SEED, limit=200)]
    assert names and not any("公众号" in n for n in names)


def test_check_export_and_import_through_the_api(tmp_path):
    """The calls the CLI commands are layers over: export for a CAT tool, import the edits, check."""
    from bilingual.interchange.jsondoc import write_document
    from bilingual.translate.memory import Memory
    from tests.interchange.catdoc import make_doc

    doc = make_doc()
    article = write_document(doc, tmp_path / f"{doc.id}.json")
    xlf = api.export(article, "xliff", glossary_notes=False)
    assert xlf == tmp_path / f"{doc.id}.xlf"
    tmx = api.export(article, "tmx", tmp_path / "out.tmx")
    assert tmx.read_bytes().startswith(b"<?xml")
    with pytest.raises(BilingualError, match="unknown export format"):
        api.export(article, "csv")
    edited = xlf.read_text(encoding="utf-8").replace(
        f">{doc.segments()[0].en}</target>", ">An edited sentence.</target>", 1)
    xlf.write_text(edited, encoding="utf-8")
    report = api.import_edits(xlf, tmp_path / "m.sqlite", article)
    assert (report.new, report.machine) == (1, len(doc.segments()) - 1)
    with Memory(tmp_path / "m.sqlite") as mem:
        assert mem.human(doc.segments()[0].hans) == "An edited sentence."
    checked, findings = api.check(article, glossaries=[])
    assert checked.id == doc.id and isinstance(findings, list)
    data = json.loads(api.check_report(checked, findings, "json"))
    assert data["summary"]["segments_checked"] == len(doc.segments())
    summary = api.check_report(checked, findings, "html", output=tmp_path / "r.html")
    assert f"-> {tmp_path / 'r.html'}" in summary and (tmp_path / "r.html").read_text(encoding="utf-8")


def test_import_reads_the_returned_file_once(tmp_path, monkeypatch):
    """read_returned reads and checks the file once and passes the bytes on (was four reads and parses)."""
    from pathlib import Path

    from bilingual.interchange.jsondoc import write_document
    from tests.interchange.catdoc import make_doc

    doc = make_doc()
    article = write_document(doc, tmp_path / "a.json")
    files = [api.export(article, "xliff"), api.export(article, "tmx")]
    import builtins
    import os

    reads = []
    read_bytes, os_open, real_open = Path.read_bytes, os.open, builtins.open
    monkeypatch.setattr(Path, "read_bytes", lambda self: reads.append(Path(self)) or read_bytes(self))
    monkeypatch.setattr(os, "open", lambda path, *a, **k: reads.append(Path(path)) or os_open(path, *a, **k))
    monkeypatch.setattr(builtins, "open", lambda path, *a, **k: reads.append(Path(path)) or real_open(path, *a, **k))
    for returned in files:
        reads.clear()
        api.import_edits(returned, tmp_path / "m.sqlite")
        assert [r for r in reads if r == returned] == [returned]


def test_every_command_gets_its_glossary_from_api_glossary(tmp_path, capsys, monkeypatch):
    """One way to get a glossary: export, check, glossary suggest and glossary export all ask api.glossary."""
    from bilingual.interchange.jsondoc import write_document
    from tests.interchange.catdoc import make_doc

    asked = []
    real = api.glossary
    monkeypatch.setattr(api, "glossary", lambda extra=None, **k: asked.append(extra) or real(extra, **k))
    article = write_document(make_doc(), tmp_path / "a.json")
    text = tmp_path / "a.txt"
    text.write_text("习近平会见了默克尔。\n", encoding="utf-8")
    commands = [["export", article, "--format", "xliff"], ["check", article],
                ["glossary", "suggest", text], ["glossary", "export", "-o", tmp_path / "g.tbx"]]
    for args in commands:
        asked.clear()
        run_cli(capsys, *args)
        assert asked, args
