"""Bad input, tried for real: every case runs the real CLI entry point on a generated bad file.

A failure must be one line on stderr naming the problem (and the file), a
non-zero exit, no traceback, and nothing new on disk: no output file, no
output folder, no leftover temp file. Some inputs are damaged but still
readable (HTML cut mid-tag, unclosed tags, a wrong charset label on GBK
bytes): those must build, and the tests check what was built.
"""

from __future__ import annotations

import json
import os
import re
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests import bad_inputs as bad
from tests.clirun import Result, run_cli
from tests.conftest import SEED

Make = Callable[[Path], list]


def tree(root: Path) -> set[str]:
    """Every file and folder under `root`, as relative paths."""
    return {str(p.relative_to(root)) for p in root.rglob("*")}


def assert_clean_failure(result: Result, before: set[str], root: Path, expect: str) -> None:
    """Non-zero exit, one stderr line matching `expect`, no traceback, nothing new on disk."""
    assert result.code != 0, result
    assert "Traceback" not in result.out + result.err
    lines = result.err.strip().splitlines()
    assert len(lines) == 1, f"expected one line on stderr, got: {result.err!r}"
    assert lines[0].startswith("bilingual: "), lines[0]
    assert re.search(expect, lines[0]), f"{lines[0]!r} does not match {expect!r}"
    assert result.out == "", "a failed command printed output paths"
    new = tree(root) - before
    assert not new, f"a failed command left files behind: {sorted(new)}"


# --- failures: (id, make(tmp_path) -> CLI args, what the stderr line must say) ------------------

def _build(*inputs, extra=()) -> Make:
    """Args for `build INPUTS -o tmp/out --no-translate`; inputs are callables of tmp_path or names."""
    def make(tmp: Path) -> list:
        paths = [i(tmp) if callable(i) else tmp / i for i in inputs]
        options = [e(tmp) if callable(e) else e for e in extra]
        return ["build", *paths, "-o", tmp / "out", "--no-translate", *options]
    return make


def _file(name: str, data: str | bytes) -> Callable[[Path], Path]:
    return lambda tmp: bad.write(tmp / name, data)


def _folder_without_articles(tmp: Path) -> Path:
    bad.write(tmp / "empty-folder" / "picture.png", bad.PNG)
    bad.write(tmp / "empty-folder" / "README.md", "# 说明\n\n这是说明，不是文章。\n")
    bad.write(tmp / "empty-folder" / ".hidden.txt", bad.TEXT)
    return tmp / "empty-folder"


def _list_with_missing(tmp: Path) -> Path:
    bad.write(tmp / "one.txt", bad.TEXT)
    return bad.write(tmp / "book.txt", "one.txt\nchapter-two.txt\n")


def _nested_html(depth: int) -> str:
    return "<html><body>" + "<div>" * depth + "<p>深处的一段文字。</p>" + "</div>" * depth + "</body></html>"


def _bad_glossary(tmp: Path) -> Path:
    header = "id\tkind\thans\taliases\ten\ten_long\tzh_hant\tzh_tw\tzh_hk\tnote\n"
    return bad.write(tmp / "bad.tsv", header + "ok\tperson\t普京\t\tPutin\t\t\t\t\t\nbroken\tperson\t拜登\n")


def _install(make_model: Callable[[Path], Path]) -> Make:
    return lambda tmp: ["models", "install", make_model(tmp)]


def _zip(tmp: Path, name: str, members: dict[str, bytes]) -> Path:
    path = tmp / name
    with zipfile.ZipFile(path, "w") as zf:
        for member, data in members.items():
            zf.writestr(member, data)
    return path


def _zip_slip_model(tmp: Path) -> Path:
    top = "translate-zh_en-evil"
    return _zip(tmp, "evil.argosmodel", {
        f"{top}/metadata.json": json.dumps({"from_code": "zh", "to_code": "en", "type": "translate"}).encode(),
        f"{top}/model/model.bin": b"\0" * 16,
        f"{top}/sentencepiece.model": b"x",
        "../evil": b"escaped",
    })


def _truncated_model(tmp: Path) -> Path:
    good = _zip(tmp, "good.zip", {"translate-zh_en-x/metadata.json": b'{"from_code": "zh", "to_code": "en"}',
                                  "translate-zh_en-x/model/model.bin": os.urandom(4096)})
    data = good.read_bytes()
    good.unlink()
    return bad.write(tmp / "truncated.argosmodel", data[: len(data) // 2])


def _wrong_direction(tmp: Path) -> Path:
    from tests.tinymodel import build_tiny_argosmodel

    model = build_tiny_argosmodel(tmp / "model-build", metadata={"from_code": "en", "to_code": "zh"})
    moved = model.rename(tmp / model.name)
    import shutil

    shutil.rmtree(tmp / "model-build")
    return moved


SECRET = "TOP-SECRET-XXE"


def _secret(tmp: Path) -> Path:
    return bad.write(tmp / "secret.txt", SECRET)


def _evil_xliff(tmp: Path) -> list:
    secret = _secret(tmp)
    xlf = bad.write(tmp / "evil.xlf", f"""<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE xliff [<!ENTITY xxe SYSTEM "file://{secret}">]>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
<file original="x" source-language="zh-Hans" target-language="en" datatype="plaintext"><body>
<trans-unit id="s1"><source>普京</source><target>&xxe;</target></trans-unit>
</body></file></xliff>""")
    return ["import", xlf, "--memory", tmp / "memory.sqlite"]


def _xliff_bomb(tmp: Path) -> list:
    lol = "".join(f'<!ENTITY l{i} "{"&l%d;" % (i - 1) * 10}">' for i in range(1, 10))
    xlf = bad.write(tmp / "bomb.xlf", f"""<?xml version="1.0"?>
<!DOCTYPE xliff [<!ENTITY l0 "lol">{lol}]>
<xliff version="1.2"><file><body><trans-unit id="a"><source>&l9;</source></trans-unit></body></file></xliff>""")
    return ["import", xlf, "--memory", tmp / "memory.sqlite"]


def _evil_tbx(tmp: Path) -> list:
    secret = _secret(tmp)
    tbx = bad.write(tmp / "evil.tbx", f"""<?xml version="1.0"?>
<!DOCTYPE martif [<!ENTITY xxe SYSTEM "file://{secret}">]>
<martif type="TBX" xml:lang="zh-Hans"><text><body>
<termEntry id="x"><langSet xml:lang="zh-Hans"><tig><term>普京</term></tig></langSet>
<langSet xml:lang="en"><tig><term>&xxe;Putin</term></tig></langSet></termEntry>
</body></text></martif>""")
    return ["glossary", "import", tbx, "-o", tmp / "names.tsv"]


def _export(name: str, data: str | bytes) -> Make:
    return lambda tmp: ["export", bad.write(tmp / name, data), "--format", "xliff", "--no-glossary"]


def _output_parent_is_file(tmp: Path) -> list:
    article = bad.write(tmp / "a.txt", bad.TEXT)
    blocker = bad.write(tmp / "blocker", "a regular file")
    return ["build", article, "-o", blocker / "out", "--no-translate"]


def _output_is_file(tmp: Path) -> list:
    article = bad.write(tmp / "a.txt", bad.TEXT)
    return ["build", article, "-o", bad.write(tmp / "out.html", "<p>an earlier file</p>"), "--no-translate"]


def _readonly_output(tmp: Path) -> list:
    if os.geteuid() == 0:
        pytest.skip("running as root: chmod 555 does not stop root from writing (see the parent-is-a-file case)")
    article = bad.write(tmp / "a.txt", bad.TEXT)
    out = tmp / "out"
    out.mkdir()
    out.chmod(0o555)
    return ["build", article, "-o", out, "--no-translate"]


BIG5 = "這是一篇繁體中文的文章，內容關於臺灣的歷史。\n\n第二段文字也在這裡。\n".encode("big5")
UTF8_CUT = ("这是一篇文章。" * 20).encode("utf-8")[:-1]

FAILURES: list[tuple[str, Make, str]] = [
    ("missing-file", _build("nope.txt"), r"nope\.txt: no such file"),
    ("missing-folder", _build("no-such-folder"), r"no-such-folder: no such file or folder"),
    ("folder-without-articles", _build(_folder_without_articles), r"empty-folder: the folder holds no articles"),
    ("empty-file", _build(_file("empty.txt", b"")), r"empty\.txt: the file is empty"),
    ("whitespace-only", _build(_file("blank.txt", " \n\t\r\n\u3000\u3000\n\n")), r"blank\.txt: .*(empty|no article)"),
    ("png", _build(_file("photo.txt", bad.PNG)), r"photo\.txt: not a text article \(a PNG image\)"),
    ("nul-bytes", _build(_file("zeros.txt", b"\0" * 4096)), r"zeros\.txt: not a text article"),
    ("pdf", _build(_file("paper.html", bad.PDF)), r"paper\.html: not a text article \(a PDF file\)"),
    ("utf8-cut-mid-character", _build(_file("cut.txt", UTF8_CUT)), r"cut\.txt: .*(decode|UTF-8|garbage)"),
    ("big5-behind-utf8-bom", _build(_file("big5.txt", b"\xef\xbb\xbf" + BIG5)),
     r"big5\.txt: has a UTF-8 mark but bytes that are not UTF-8"),
    ("nul-inside-text", _build(_file("nul.txt", bad.TEXT + "第三段\0文字。\n")), r"nul\.txt: .*(NUL|binary)"),
    ("nul-after-8k-of-text", _build(_file("late-nul.txt", bad.TEXT * 200 + "第三段\0文字。\n")),
     r"late-nul\.txt: .*NUL"),
    ("cdt-boilerplate-only", _build(_file("chrome.txt", bad.cdt_page(bad.CDT_CARD + bad.CDT_SHARE))),
     r"chrome\.txt: no article text"),
    ("title-only-markdown", _build(_file("title.md", "# 只有标题\n")), r"title\.md: no article text"),
    ("title-only-cdt", _build(_file("title-cdt.txt", bad.cdt_page(""))), r"title-cdt\.txt: no article text"),
    ("list-file-names-missing-file", _build(_list_with_missing), r"book\.txt.*chapter-two\.txt"),
    ("epub-not-a-zip", _build(_file("book.epub", "这不是电子书，只是文字。\n")), r"book\.epub: not a readable EPUB"),
    ("epub-broken-zip", _build(_file("broken.epub", b"PK\x03\x04" + b"\x14\0" * 200)),
     r"broken\.epub: not a readable EPUB"),
    ("epub-without-text", _build(lambda t: bad.epub(t / "blank.epub", {"c1.xhtml": "<p> </p>"})),
     r"blank\.epub: the EPUB has no chapters with text"),
    ("unknown-variant", _build(_file("a.txt", bad.TEXT), extra=("--variant", "s2xx")),
     r"Invalid value for '--variant'"),
    ("glossary-malformed-row", _build(_file("a.txt", bad.TEXT),
                                      extra=("--glossary", _bad_glossary)), r"bad\.tsv:\d+"),
    ("glossary-missing", _build(_file("a.txt", bad.TEXT), extra=("--glossary", "nope.tsv")), r"nope\.tsv"),
    ("output-parent-is-a-file", _output_parent_is_file, r"cannot create output folder .*blocker"),
    ("output-is-a-file", _output_is_file, r"output path is not a folder: .*out\.html"),
    ("output-read-only", _readonly_output, r"not writable|Permission denied"),
    ("model-missing", lambda t: ["models", "install", t / "none.argosmodel"], r"no such model file: .*none"),
    ("model-not-a-zip", _install(lambda t: bad.write(t / "junk.argosmodel", os.urandom(2048))),
     r"junk\.argosmodel is not an Argos model"),
    ("model-truncated-zip", _install(_truncated_model), r"truncated\.argosmodel"),
    ("model-zip-slip", _install(_zip_slip_model), r"unsafe path '\.\./evil' in model archive"),
    ("model-wrong-direction", _install(_wrong_direction), r"en→zh, not a zh→en translation model"),
    ("xliff-external-entity", _evil_xliff, r"evil\.xlf: declares XML entities"),
    ("xliff-entity-bomb", _xliff_bomb, r"bomb\.xlf: declares XML entities"),
    ("import-not-xml", lambda t: ["import", bad.write(t / "notes.xlf", "这不是 XLIFF"), "--memory", t / "m.sqlite"],
     r"notes\.xlf: not a well-formed"),
    ("import-missing", lambda t: ["import", t / "gone.xlf", "--memory", t / "m.sqlite"], r"gone\.xlf: no such file"),
    ("export-foreign-json", _export("other.json", '{"name": "package", "version": "1.0"}'),
     r"other\.json: not a bilingual document JSON"),
    ("export-invalid-json", _export("cut.json", '{"id": "x", "blocks": [{"role": '),
     r"cut\.json: not a document JSON file \(invalid JSON"),
    ("export-json-list", _export("list.json", "[1, 2, 3]"), r"list\.json: not a bilingual document JSON"),
    ("export-wrong-types", _export("typed.json", json.dumps(
        {"schema": 1, "id": "x", "meta": {}, "blocks": [{"role": "paragraph", "source": "一", "segments": [
            {"id": "s", "source": 5, "hans": [], "hant": "", "en": "", "origin": ""}]}]})),
     r"typed\.json: malformed document JSON"),
]


@pytest.mark.parametrize("make, expect", [pytest.param(m, e, id=i) for i, m, e in FAILURES])
def test_bad_input_fails_cleanly(make, expect, tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("ARGOS_PACKAGES_DIR", str(tmp_path / "packages"))
    args = make(tmp_path)
    before = tree(tmp_path)
    result = run_cli(capsys, *args)
    assert_clean_failure(result, before, tmp_path, expect)
    assert SECRET not in result.out + result.err
    assert not list(tmp_path.parent.glob("evil")) and not (tmp_path / "evil").exists()
