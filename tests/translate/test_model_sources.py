"""Where models come from and how they arrive: the explanation, https only, checksums, bytes shown,
and any CTranslate2 + SentencePiece model folder installed and used. Offline: file:// and loopback only."""

from __future__ import annotations

import hashlib
import http.server
import json
import sys
import threading
from pathlib import Path

import pytest

from bilingual.errors import BilingualError
from bilingual.translate import packages as models
from tests.clirun import run_cli
from tests.tinymodel import build_tiny_ct2_folder


@pytest.fixture
def packages(tmp_path, monkeypatch) -> Path:
    folder = tmp_path / "packages"
    monkeypatch.setenv("ARGOS_PACKAGES_DIR", str(folder))
    return folder


def _index(tmp_path: Path, monkeypatch, links: list[str], **fields) -> None:
    index = tmp_path / "index"
    index.mkdir(exist_ok=True)
    entry = {"type": "translate", "from_code": "zh", "to_code": "en", "package_version": "0.0.1", "links": links,
             **fields}
    (index / "index.json").write_text(json.dumps([entry]), encoding="utf-8")
    monkeypatch.setenv("ARGOS_PACKAGE_INDEX", index.as_uri())


def _installed(packages: Path) -> list[str]:
    return sorted(p.name for p in packages.iterdir()) if packages.exists() else []


def test_models_alone_explains_source_size_licence(capsys, packages):
    result = run_cli(capsys, "models")
    assert result.code == 0
    for said in ("argospm-index", "index.json", "ARGOS_PACKAGE_INDEX", "https", "sha256", "Size", "MB",
                 "Licence", "README.md", "models install DIR", str(packages)):
        assert said in result.out, said


def test_models_list_shows_size_licence_and_the_one_used(capsys, packages, tiny_argosmodel):
    models.install_file(tiny_argosmodel)
    readme = packages / "translate-zh_en-tiny" / "README.md"
    readme.write_text("# Tiny\n\nLicense: CC0 (test package)\n", encoding="utf-8")
    out = run_cli(capsys, "models", "list").out
    assert "translate-zh_en-tiny" in out and " MB" in out and "License: CC0 (test package)" in out
    assert "(used for zh→en)" in out


def test_checksum_from_the_index_is_verified(packages, tmp_path, monkeypatch, tiny_argosmodel):
    good = hashlib.sha256(tiny_argosmodel.read_bytes()).hexdigest()
    _index(tmp_path, monkeypatch, [tiny_argosmodel.as_uri()], sha256="0" * 64)
    with pytest.raises(BilingualError, match="does not match the index's sha256"):
        models.download("zh", "en")
    assert _installed(packages) == [], "nothing installed, no temporary file left"
    _index(tmp_path, monkeypatch, [tiny_argosmodel.as_uri()], checksum=f"sha256:{good}")
    assert models.download("zh", "en").name == "translate-zh_en-tiny"


class _Recorder(http.server.BaseHTTPRequestHandler):
    requests: list[str] = []

    def do_GET(self):  # noqa: N802 (http.server's name)
        type(self).requests.append(self.path)
        self.send_response(200)
        self.end_headers()
        self.wfile.write(b"[]")

    def log_message(self, *args):
        pass


@pytest.fixture
def loopback_http():
    """A real plain-http server on 127.0.0.1, to show the download refuses it without asking it anything."""
    _Recorder.requests = []
    server = http.server.HTTPServer(("127.0.0.1", 0), _Recorder)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}", _Recorder.requests
    server.shutdown()
    server.server_close()


def test_plain_http_is_refused(capsys, packages, tmp_path, monkeypatch, loopback_http):
    url, requests = loopback_http
    _index(tmp_path, monkeypatch, [f"{url}/translate-zh_en.argosmodel"])
    with pytest.raises(BilingualError, match="refused, plain http"):
        models.download("zh", "en")
    monkeypatch.setenv("ARGOS_PACKAGE_INDEX", url + "/")
    result = run_cli(capsys, "models", "install", "zh", "en")
    assert result.code == 1 and "refusing the package index" in result.err and "https://" in result.err
    assert requests == [], "the http server was never asked"
    assert _installed(packages) == []


def test_download_progress_shows_bytes(capsys, packages, tmp_path, monkeypatch, tiny_argosmodel):
    import click._termui_impl

    monkeypatch.setattr(click._termui_impl, "isatty", lambda stream: True)  # draw the bar as on a terminal
    monkeypatch.setattr(sys.stderr, "isatty", lambda: True, raising=False)  # and ask for one
    _index(tmp_path, monkeypatch, [tiny_argosmodel.as_uri()])
    result = run_cli(capsys, "models", "install", "zh", "en")
    assert result.code == 0, result.err
    size = tiny_argosmodel.stat().st_size / 1e6
    assert f"{size:.1f} of {size:.1f} MB" in result.err


def test_one_language_is_a_usage_error(capsys, packages):
    result = run_cli(capsys, "models", "install", "zh")
    assert result.code == 2
    assert "one language" in result.err and "no such model file" not in result.err
    assert "Try 'bilingual models install --help'" in result.err
    missing = run_cli(capsys, "models", "install", "missing.argosmodel")
    assert missing.code == 1 and "no such model file: missing.argosmodel" in missing.err


@pytest.mark.parametrize("split", [True, False], ids=["source+target.spm", "shared-spm"])
def test_a_ctranslate2_model_folder_installs_and_translates(capsys, packages, tmp_path, split):
    folder = build_tiny_ct2_folder(tmp_path / "opus-mt-zh-en-ct2", split=split)
    result = run_cli(capsys, "models", "install", folder, "--source-suffix", "</s>")
    assert result.code == 0, result.err
    (info,) = models.list_packages()
    assert info.name == "translate-zh_en-opus_mt_zh_en_ct2"
    assert info.tokenizer == ("sentencepiece-pair" if split else "sentencepiece")
    assert info.source_suffix == "</s>" and info.package_version == "local"
    assert sorted(p.name for p in (info.path / "model").iterdir()) == sorted(
        p.name for p in folder.iterdir() if p.suffix not in (".spm", ".model"))
    from bilingual.translate.argos import load_engine

    engine = load_engine()
    assert engine.package.path == info.path
    english = engine.translate(["普京访问平壤。", "", "会谈持续了两个小时。"])
    assert english[0] and english[1] == "" and english[2]
    assert all(e.isascii() for e in english), "decoded with the English-side tokenizer"
    # Built end to end through the CLI with the installed folder model.
    article = tmp_path / "a.txt"
    article.write_text("普京访问平壤。\n\n会谈持续了两个小时。\n", encoding="utf-8")
    built = run_cli(capsys, "build", article, "-o", tmp_path / "out", "-q")
    assert built.code == 0, built.err
    doc = json.loads((tmp_path / "out" / "a.json").read_text(encoding="utf-8"))
    assert doc["provenance"]["model"].startswith(f"{info.name} local ")
    assert all(seg["en"] for block in doc["blocks"] for seg in block["segments"])


def test_a_folder_model_is_preferred_to_an_index_package(packages, tmp_path, tiny_argosmodel):
    from bilingual.translate.model_folder import install_folder

    argos = models.install_file(tiny_argosmodel)
    assert models.find_package("zh", "en") == argos
    folder_pkg = install_folder(build_tiny_ct2_folder(tmp_path / "mine", split=False))
    assert models.find_package("zh", "en") == folder_pkg


@pytest.mark.parametrize("case", ["no-model-bin", "no-tokenizer", "bad-spm", "bad-model"])
def test_bad_model_folders_are_one_line_and_install_nothing(capsys, packages, tmp_path, case):
    folder = build_tiny_ct2_folder(tmp_path / "m", split=True)
    if case == "no-model-bin":
        (folder / "model.bin").unlink()
    elif case == "no-tokenizer":
        (folder / "source.spm").unlink()
        (folder / "target.spm").unlink()
    elif case == "bad-spm":
        (folder / "source.spm").write_bytes(b"not a sentencepiece model")
    elif case == "bad-model":
        (folder / "model.bin").write_bytes(b"\0" * 64)
    result = run_cli(capsys, "models", "install", folder)
    assert result.code == 1 and len(result.err.strip().splitlines()) == 1 and "Traceback" not in result.err
    assert str(folder) in result.err
    assert [p for p in _installed(packages) if not p.startswith(".")] == []
