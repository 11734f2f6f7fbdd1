"""Installing and listing Argos packages: checked before anything is written, compatible with argostranslate."""

from __future__ import annotations

import json
import os
import socket
import stat
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from bilingual.errors import BilingualError
from bilingual.translate import packages as models
from tests.argos_extra import requires_argostranslate
from tests.clirun import run_cli


def _rezip(source: Path, dest: Path, *, rename=None, extra: dict[str, bytes] | None = None,
           edit_meta=None) -> Path:
    """Copy an .argosmodel, renaming members, editing metadata.json or adding members."""
    with zipfile.ZipFile(source) as src, zipfile.ZipFile(dest, "w") as out:
        for info in src.infolist():
            data = src.read(info.filename)
            name = rename(info.filename) if rename else info.filename
            if edit_meta and name.endswith("/metadata.json"):
                data = json.dumps(edit_meta(json.loads(data))).encode()
            out.writestr(name, data)
        for name, data in (extra or {}).items():
            out.writestr(name, data)
    return dest


@pytest.fixture
def packages(tmp_path, monkeypatch) -> Path:
    folder = tmp_path / "packages"
    monkeypatch.setenv("ARGOS_PACKAGES_DIR", str(folder))
    return folder


def _nothing_installed(folder: Path) -> bool:
    return not folder.exists() or not [p for p in folder.iterdir() if not p.name.startswith(".")]


def test_install_and_list(packages, tiny_argosmodel):
    info = models.install_file(tiny_argosmodel)
    assert (info.from_code, info.to_code, info.tokenizer) == ("zh", "en", "sentencepiece")
    assert info.path == packages / "translate-zh_en-tiny"
    assert (info.path / "model" / "model.bin").is_file()
    assert models.list_packages() == [info]
    assert models.find_package("zh", "en") == info
    assert models.find_package("en", "zh") is None
    assert [p.name for p in packages.iterdir()] == ["translate-zh_en-tiny"], "no temporary folder left"


def test_reinstall_replaces_the_package(packages, tiny_argosmodel):
    models.install_file(tiny_argosmodel)
    (packages / "translate-zh_en-tiny" / "stale.txt").write_text("old")
    models.install_file(tiny_argosmodel)
    assert not (packages / "translate-zh_en-tiny" / "stale.txt").exists()
    assert len(models.list_packages()) == 1


def test_models_cli_install_and_list(capsys, packages, tiny_argosmodel):
    empty = run_cli(capsys, "models", "list")
    assert empty.code == 0 and "no translation models installed" in empty.out
    done = run_cli(capsys, "models", "install", tiny_argosmodel)
    assert done.code == 0, done.err
    assert "translate-zh_en-tiny" in done.out
    listed = run_cli(capsys, "models", "list")
    assert listed.code == 0
    assert "translate-zh_en-tiny" in listed.out and "zh→en" in listed.out and str(packages) in listed.out


@pytest.mark.parametrize("case", ["not-a-zip", "truncated", "wrong-direction", "no-metadata", "bad-json",
                                  "no-model", "zip-slip", "absolute", "two-folders", "symlink"])
def test_bad_archives_are_refused_with_one_line(capsys, tmp_path, packages, tiny_argosmodel, case):
    bad = tmp_path / f"{case}.argosmodel"
    top = "translate-zh_en-tiny"
    if case == "not-a-zip":
        bad.write_bytes(b"PK but not really a zip archive" * 10)
    elif case == "truncated":
        data = tiny_argosmodel.read_bytes()
        bad.write_bytes(data[: len(data) // 2])
    elif case == "wrong-direction":
        _rezip(tiny_argosmodel, bad, edit_meta=lambda m: {**m, "from_code": "en", "to_code": "zh"})
    elif case == "no-metadata":
        _rezip(tiny_argosmodel, bad, rename=lambda n: n.replace("metadata.json", "meta.txt"))
    elif case == "bad-json":
        _rezip(tiny_argosmodel, bad, rename=lambda n: n.replace("metadata.json", "old.json"),
               extra={f"{top}/metadata.json": b"{not json"})
    elif case == "no-model":
        _rezip(tiny_argosmodel, bad, rename=lambda n: n.replace("model.bin", "weights.bin"))
    elif case == "zip-slip":
        _rezip(tiny_argosmodel, bad, extra={f"{top}/../../escaped.txt": b"owned"})
    elif case == "absolute":
        _rezip(tiny_argosmodel, bad, extra={"/tmp/escaped.txt": b"owned"})
    elif case == "two-folders":
        _rezip(tiny_argosmodel, bad, extra={"other/file.txt": b"x"})
    elif case == "symlink":
        _rezip(tiny_argosmodel, bad)
        with zipfile.ZipFile(bad, "a") as zf:
            link = zipfile.ZipInfo(f"{top}/link")
            link.external_attr = (stat.S_IFLNK | 0o777) << 16
            zf.writestr(link, "/etc/passwd")
    with pytest.raises(BilingualError) as err:
        models.install_file(bad)
    assert "\n" not in str(err.value) and str(bad) in str(err.value)
    assert _nothing_installed(packages)
    assert not (tmp_path / "escaped.txt").exists() and not (packages.parent / "escaped.txt").exists()
    result = run_cli(capsys, "models", "install", bad)
    assert result.code == 1 and len(result.err.strip().splitlines()) == 1 and "Traceback" not in result.err


def test_corrupt_member_leaves_nothing_behind(packages, tmp_path, tiny_argosmodel):
    bad = tmp_path / "crc.argosmodel"
    data = bytearray(tiny_argosmodel.read_bytes())
    with zipfile.ZipFile(tiny_argosmodel) as zf:
        info = zf.getinfo("translate-zh_en-tiny/model/model.bin")
    start = info.header_offset + 30 + len(info.filename.encode()) + len(info.extra) + info.compress_size // 2
    data[start:start + 64] = bytes(64)  # damage compressed bytes of model.bin: the CRC check must catch it
    bad.write_bytes(bytes(data))
    with pytest.raises(BilingualError, match="corrupt"):
        models.install_file(bad)
    assert _nothing_installed(packages)


def test_missing_file_and_download_offline(packages, tmp_path, monkeypatch):
    with pytest.raises(BilingualError, match="no such model file"):
        models.install_file(tmp_path / "nope.argosmodel")

    def unreachable(address, *args, **kwargs):
        raise OSError(101, "Network is unreachable")

    # An offline machine: connecting fails (and never reaches the network).
    monkeypatch.setattr(socket, "create_connection", unreachable)
    with pytest.raises(BilingualError) as err:
        models.download("zh", "en")
    assert "bilingual models install FILE.argosmodel" in str(err.value) and "\n" not in str(err.value)
    assert _nothing_installed(packages)


def test_packages_dir_follows_argos_settings(tmp_path, monkeypatch):
    monkeypatch.delenv("ARGOS_PACKAGES_DIR", raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    assert models.packages_dir() == tmp_path / "data" / "argos-translate" / "packages"
    settings = tmp_path / "config" / "argos-translate" / "settings.json"
    settings.parent.mkdir(parents=True)
    settings.write_text(json.dumps({"ARGOS_PACKAGES_DIR": str(tmp_path / "custom")}))
    assert models.packages_dir() == tmp_path / "custom"
    monkeypatch.setenv("ARGOS_PACKAGES_DIR", str(tmp_path / "env"))
    assert models.packages_dir() == tmp_path / "env"


@requires_argostranslate
def test_argostranslate_sees_what_we_installed(argos_home, tmp_path):
    """Same on-disk format: argostranslate's own package loader reads our install (in a child process,
    since its settings are fixed at import), and writes nothing under the real home."""
    code = ("from argostranslate import package\n"
            "pkgs = package.get_installed_packages()\n"
            "print([(p.from_code, p.to_code, p.package_version) for p in pkgs])")
    env = {**os.environ, "HOME": str(tmp_path / "home")}
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True)
    assert out.stdout.strip() == "[('zh', 'en', '0.0.1')]"
    assert not (tmp_path / "home").exists()


@requires_argostranslate
def test_we_read_what_argostranslate_installed(tmp_path, tiny_argosmodel, monkeypatch):
    """And the other way: argostranslate's own install_from_path (in a child process, private home)
    installs the package, and our loader lists it and translates with it."""
    packages = tmp_path / "packages"
    env = {**os.environ, "HOME": str(tmp_path / "home"), "ARGOS_PACKAGES_DIR": str(packages)}
    for var, sub in (("XDG_DATA_HOME", "data"), ("XDG_CONFIG_HOME", "config"), ("XDG_CACHE_HOME", "cache")):
        env[var] = str(tmp_path / "home" / sub)
    code = f"from argostranslate import package\npackage.install_from_path({str(tiny_argosmodel)!r})"
    subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True)
    monkeypatch.setenv("ARGOS_PACKAGES_DIR", str(packages))
    (info,) = models.list_packages()
    assert (info.from_code, info.to_code, info.package_version, info.tokenizer) == ("zh", "en", "0.0.1",
                                                                                    "sentencepiece")
    from bilingual.translate.argos import load_engine

    assert load_engine().translate(["普京访问平壤。"])[0]


def _local_index(tmp_path: Path, model: Path, monkeypatch) -> None:
    """A package index mirror on disk (file:// URLs): the download path without a network."""
    index = tmp_path / "index"
    index.mkdir()
    entries = [
        {"type": "translate", "from_code": "zh", "to_code": "en", "package_version": "0.0.1",
         "links": [model.as_uri()]},
        {"type": "translate", "from_code": "en", "to_code": "zh", "package_version": "9.9",
         "links": ["file:///nonexistent.argosmodel"]},
    ]
    (index / "index.json").write_text(json.dumps(entries))
    monkeypatch.setenv("ARGOS_PACKAGE_INDEX", index.as_uri() + "/")


def test_download_from_index_installs_with_progress(packages, tmp_path, monkeypatch, tiny_argosmodel):
    _local_index(tmp_path, tiny_argosmodel, monkeypatch)
    seen = []
    info = models.download("zh", "en", progress=lambda done, total: seen.append((done, total)))
    assert info.path == packages / "translate-zh_en-tiny"
    assert seen and seen[-1][0] == tiny_argosmodel.stat().st_size
    assert [p.name for p in packages.iterdir()] == ["translate-zh_en-tiny"], "download temp file removed"
    with pytest.raises(BilingualError, match="no fr→en"):
        models.download("fr", "en")


def test_models_cli_install_pair_downloads(capsys, packages, tmp_path, monkeypatch, tiny_argosmodel):
    _local_index(tmp_path, tiny_argosmodel, monkeypatch)
    result = run_cli(capsys, "models", "install", "zh", "en")
    assert result.code == 0, result.err
    assert "installed translate-zh_en-tiny" in result.out
    assert models.find_package("zh", "en") is not None
    wrong = run_cli(capsys, "models", "install", "zh", "en", "fr")
    assert wrong.code == 2 and wrong.err.strip().splitlines()[1:] == ["Try 'bilingual models install --help' for help."]
