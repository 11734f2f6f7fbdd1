"""Bounded, linear work on hostile input (issue 15, item 6), through the real CLI.

Each case was quadratic or unbounded before: it is sized so that the old code
needed seconds (or forever) and the new code needs a fraction of that. The
tests check what was built, never how long it took; bench/hostile.py measures
the time of each case at two sizes (linear work doubles, quadratic work
quadruples) and reports the ratios.
"""

from __future__ import annotations

import json
import os
import signal
import zipfile
from pathlib import Path

import pytest

from tests import bad_inputs as bad
from tests.clirun import run_cli
from tests.test_bad_input import assert_clean_failure, tree
from tests.test_hostile import built, one_line


@pytest.fixture
def alarm():
    """Fail instead of hanging: a FIFO read or an endless /dev/zero would block the suite forever."""
    def expired(*_):
        raise TimeoutError("blocked: the command read a special file")

    old = signal.signal(signal.SIGALRM, expired)
    signal.alarm(60)
    yield
    signal.alarm(0)
    signal.signal(signal.SIGALRM, old)


def test_an_epub_listing_one_chapter_many_times_reads_it_once(capsys, tmp_path):
    """A 38 KB book once listed a 9 MB chapter 200 times: 90 minutes. Now each chapter is read once."""
    chapter = "<p>" + "重复的章节内容。" * 2500 + "</p>"  # 20,000 characters
    book = bad.epub(tmp_path / "loop.epub", {"c1.xhtml": chapter, "c2.xhtml": "<p>第二章。</p>"})
    with zipfile.ZipFile(book) as zf:
        members = {i.filename: zf.read(i) for i in zf.infolist()}
    opf = members["OEBPS/content.opf"].decode()
    members["OEBPS/content.opf"] = opf.replace('<itemref idref="c0"/>', '<itemref idref="c0"/>' * 200).encode()
    with zipfile.ZipFile(book, "w", zipfile.ZIP_DEFLATED) as zf:
        for member, data in members.items():
            zf.writestr(member, data)
    assert book.stat().st_size < 20_000
    result = run_cli(capsys, "build", book, "-o", tmp_path / "out", "--no-translate")
    assert result.code == 0, result.err
    assert built(tmp_path / "out") == ["index.html", "loop-01.html", "loop-01.json", "loop-02.html", "loop-02.json"]


def test_an_epub_whose_chapters_unpack_past_the_limit_is_refused(capsys, tmp_path):
    chapters = {f"c{i}.xhtml": "<p>" + "字" * (3 * 2**20) + "</p>" for i in range(8)}  # 8 x 9 MB of UTF-8
    book = tmp_path / "huge.epub"
    with zipfile.ZipFile(bad.epub(tmp_path / "plain.epub", chapters)) as src, \
            zipfile.ZipFile(book, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            dst.writestr(info.filename, src.read(info))
    (tmp_path / "plain.epub").unlink()
    assert book.stat().st_size < 2 * 2**20
    before = tree(tmp_path)
    result = run_cli(capsys, "build", book, "-o", tmp_path / "out", "--no-translate")
    assert_clean_failure(result, before, tmp_path, r"huge\.epub: the EPUB's chapters hold more than 64 MB")


def test_thousands_of_bold_marks_in_a_paragraph(capsys, tmp_path):
    """3,000 sentences, each with its own <b>: every sentence used to look at every mark."""
    source = bad.write(tmp_path / "bold.html", "<p>" + "<b>粗</b>体字。" * 3000 + "</p>")
    result = run_cli(capsys, "build", source, "-o", tmp_path / "out", "--no-translate")
    assert result.code == 0, result.err
    data = json.loads((tmp_path / "out" / "bold.json").read_text(encoding="utf-8"))
    segments = data["blocks"][0]["segments"]
    assert len(segments) == 3000
    assert all(s["marks"]["source"] == [{"start": 0, "end": 1, "tag": "strong", "href": "", "ref": ""}]
               for s in segments)
    page = (tmp_path / "out" / "bold.html").read_text(encoding="utf-8")
    assert page.count("<strong>粗</strong>") == 6000  # both Chinese columns


def test_bold_nested_a_hundred_deep_is_one_mark(capsys, tmp_path):
    source = bad.write(tmp_path / "nest.html", "<p>" + "<b>" * 150 + "深" * 500 + "</b>" * 150 + "。</p>")
    result = run_cli(capsys, "build", source, "-o", tmp_path / "out", "--no-translate")
    assert result.code == 0, result.err
    data = json.loads((tmp_path / "out" / "nest.json").read_text(encoding="utf-8"))
    assert data["blocks"][0]["source_marks"] == [{"start": 0, "end": 500, "tag": "strong", "href": "", "ref": ""}]


def test_thousands_of_names_in_one_run_on_sentence(capsys, tmp_path):
    """4,000 names joined by 、 and no full stop: one 12,000-character segment the renderer split
    8,000 times, looking at all 4,000 marks each time. Now: cut into short sentences, every name marked."""
    source = bad.write(tmp_path / "names.txt", "标题\n\n" + "、".join(["普京"] * 4000) + "\n")
    result = run_cli(capsys, "build", source, "-o", tmp_path / "out", "--no-translate")
    assert result.code == 0, result.err
    data = json.loads((tmp_path / "out" / "names.json").read_text(encoding="utf-8"))
    segments = data["blocks"][0]["segments"]
    assert sum(len(s["marks"]["hans"]) for s in segments) == 4000
    assert all(s["source"].replace("、", "").replace("普京", "") == "" for s in segments), "no name cut in two"
    page = (tmp_path / "out" / "names.html").read_text(encoding="utf-8")
    assert page.count('data-term="putin"') >= 8000


def test_thousands_of_nested_players_are_one_video(capsys, tmp_path):
    """6,000 <video>s nested in each other: each was asked whether it had been dropped, a question bs4 answers by
    searching everything under it (10 s). The outer one is the figure, linking to the one URL among them."""
    source = bad.write(tmp_path / "players.html",
                       "<p>正文。</p>" + "<video>" * 6000 + '<source src="https://x.org/v.mp4">')
    result = run_cli(capsys, "build", source, "-o", tmp_path / "out", "--no-translate")
    assert result.code == 0, result.err
    data = json.loads((tmp_path / "out" / "players.json").read_text(encoding="utf-8"))
    assert [(b["role"], b["source"], b["media"], b["src"]) for b in data["blocks"]] == [
        ("paragraph", "正文。", "", ""), ("figure", "", "video", "https://x.org/v.mp4")]


ALIAS_BOMB = """---
a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]
b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]
c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]
d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]
e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]
f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]
g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]
h: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g]
tags: *h
title: *h
---

正文第一段。
"""


def test_a_yaml_alias_bomb_in_front_matter_is_not_expanded(capsys, tmp_path):
    assert len(ALIAS_BOMB.encode()) < 600
    source = bad.write(tmp_path / "bomb.md", ALIAS_BOMB)
    result = run_cli(capsys, "build", source, "-o", tmp_path / "out", "--no-translate")
    assert result.code == 0, result.err
    data = json.loads((tmp_path / "out" / "bomb.json").read_text(encoding="utf-8"))
    assert "正文第一段。" in [b["source"] for b in data["blocks"]]
    # Refused, the header is kept as text (as any unreadable header is): 43 million "lol"s it is not.
    assert data["meta"]["topics"] == [] and len(json.dumps(data)) < 20_000


def test_check_aligns_hundreds_of_paragraphs(capsys, tmp_path):
    """400 source paragraphs against 300 English ones: a full 400 x 300 table before, a band now."""
    zh = [line for line in (Path(__file__).parent / "fixtures" / "parallel" / "zh.txt").read_text(
        encoding="utf-8").splitlines() if line.strip()]
    en = [line for line in (Path(__file__).parent / "fixtures" / "parallel" / "en.txt").read_text(
        encoding="utf-8").splitlines() if line.strip()]
    zh_paras = [zh[i % len(zh)] for i in range(400)]
    en_paras = [en[i % len(en)] for i in range(400) if i % 4 != 3]  # every fourth paragraph left out
    source = bad.write(tmp_path / "zh.txt", "\n\n".join(zh_paras) + "\n")
    english = bad.write(tmp_path / "en.txt", "\n\n".join(en_paras) + "\n")
    result = run_cli(capsys, "check", source, "--translation", english, "--format", "json")
    assert result.code == 5, result.err
    kinds = [f["kind"] for f in json.loads(result.out)["findings"]]
    # Each left-out paragraph is reported: unaligned, or its neighbour sharing its English.
    assert kinds.count("unaligned") + kinds.count("alignment") == 100 and kinds.count("unaligned") > 0


@pytest.mark.parametrize("make, expect", [
    (lambda t: bad.write(t / "book.txt", "/dev/zero\n"), r"book\.txt: the list file names /dev/zero, which is a "
                                                          r"character device"),
    (lambda t: _fifo_list(t), r"book\.txt: the list file names .*pipe\.txt, which is a FIFO"),
    (lambda t: Path("/dev/zero"), r"/dev/zero: is a character device, not an article"),
    (lambda t: _fifo(t), r"pipe\.txt: is a FIFO \(named pipe\), not an article"),
], ids=["list-dev-zero", "list-fifo", "dev-zero", "fifo"])
def test_special_files_are_refused_without_reading_them(make, expect, capsys, tmp_path, alarm):
    source = make(tmp_path)
    before = tree(tmp_path)
    result = run_cli(capsys, "build", source, "-o", tmp_path / "out", "--no-translate")
    assert_clean_failure(result, before, tmp_path, expect)


def _fifo(tmp: Path) -> Path:
    os.mkfifo(tmp / "pipe.txt")
    return tmp / "pipe.txt"


def _fifo_list(tmp: Path) -> Path:
    _fifo(tmp)
    return bad.write(tmp / "book.txt", "pipe.txt\n")


def test_special_files_as_glossary_or_translation_are_refused(capsys, tmp_path, alarm):
    fifo = _fifo(tmp_path)
    source = bad.write(tmp_path / "a.txt", bad.TEXT)
    one_line(run_cli(capsys, "build", source, "-o", tmp_path / "out", "--no-translate", "--glossary", fifo), 1,
             "is a FIFO")
    one_line(run_cli(capsys, "check", source, "--translation", fifo), 1, "is a FIFO")
    one_line(run_cli(capsys, "check", "/dev/zero"), 2, "a Chinese source needs its English")
    one_line(run_cli(capsys, "check", source, "--translation", "/dev/zero"), 1, "is a character device")
    one_line(run_cli(capsys, "export", fifo.rename(tmp_path / "pipe.json"), "--format", "tmx"), 1, "is a FIFO")


def test_a_model_archive_that_unpacks_to_hundreds_of_megabytes_is_refused(capsys, tmp_path, monkeypatch):
    monkeypatch.setenv("ARGOS_PACKAGES_DIR", str(tmp_path / "packages"))
    model = tmp_path / "bomb.argosmodel"
    top = "translate-zh_en-bomb"
    with zipfile.ZipFile(model, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr(f"{top}/metadata.json", json.dumps({"from_code": "zh", "to_code": "en", "type": "translate"}))
        zf.writestr(f"{top}/sentencepiece.model", b"x")
        with zf.open(f"{top}/model/model.bin", "w", force_zip64=True) as member:
            block = b"\0" * 2**20
            for _ in range(200):
                member.write(block)
    assert model.stat().st_size < 2**20
    before = tree(tmp_path)
    result = run_cli(capsys, "models", "install", model)
    assert_clean_failure(result, before, tmp_path, r"bomb\.argosmodel would unpack to 200 MB from 0\.2 MB")
