"""Shared fixtures. The network is cut for every test: the tool must work offline."""

from __future__ import annotations

import socket
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
FIXTURES = Path(__file__).resolve().parent / "fixtures"
SEED = ROOT / "seeds" / "000_e53f636a1fba136f.txt"


class NetworkUsed(AssertionError):
    pass


@pytest.fixture(scope="session", autouse=True)
def private_caches(tmp_path_factory):
    """Nothing a test runs writes under the real home: word-cut cache and default memory go to tmp."""
    with pytest.MonkeyPatch.context() as monkeypatch:
        caches = tmp_path_factory.mktemp("caches")
        monkeypatch.setenv("BILINGUAL_WORDCUT_CACHE", str(caches / "wordcut"))
        monkeypatch.setenv("BILINGUAL_MEMORY", str(caches / "memory.sqlite"))
        yield caches


@pytest.fixture(autouse=True)
def no_network(monkeypatch):
    """Any attempt to open a network connection fails the test (AF_UNIX stays allowed)."""
    real_connect = socket.socket.connect

    def guarded(self, address, *args, **kwargs):
        if self.family in (socket.AF_INET, socket.AF_INET6):
            raise NetworkUsed(f"network use in a test: {address!r}")
        return real_connect(self, address, *args, **kwargs)

    monkeypatch.setattr(socket.socket, "connect", guarded)
    monkeypatch.setattr(socket, "create_connection",
                        lambda address, *a, **k: (_ for _ in ()).throw(NetworkUsed(f"network use: {address!r}")))
    yield


# --- Translation engine fixtures: the real engine path on a tiny real-format package ---


@pytest.fixture(scope="session")
def tiny_argosmodel(tmp_path_factory) -> Path:
    """A tiny zh->en .argosmodel (random CTranslate2 weights, SentencePiece on the fixtures), built once."""
    from tests.tinymodel import build_tiny_argosmodel

    return build_tiny_argosmodel(tmp_path_factory.mktemp("tinymodel"))


def _install_argos_home(home: Path, monkeypatch: pytest.MonkeyPatch, tiny_argosmodel: Path) -> Path:
    """A private Argos package folder with the tiny package installed by `bilingual models install`.

    ARGOS_PACKAGES_DIR points at it; the XDG folders point into `home` too, so
    neither argostranslate nor anything else writes under the real home.
    """
    from click.testing import CliRunner

    from bilingual.cli import cli

    packages = home / "packages"
    monkeypatch.setenv("ARGOS_PACKAGES_DIR", str(packages))
    for var, sub in (("XDG_DATA_HOME", "data"), ("XDG_CONFIG_HOME", "config"), ("XDG_CACHE_HOME", "cache")):
        monkeypatch.setenv(var, str(home / sub))
    result = CliRunner().invoke(cli, ["models", "install", str(tiny_argosmodel)])
    assert result.exit_code == 0, result.output
    return packages


@pytest.fixture
def argos_home(tmp_path, monkeypatch, tiny_argosmodel) -> Path:
    return _install_argos_home(tmp_path / "argos-home", monkeypatch, tiny_argosmodel)


@pytest.fixture(scope="module")
def argos_home_module(tmp_path_factory, tiny_argosmodel):
    """argos_home for module-scoped fixtures that build once and are read by several tests."""
    with pytest.MonkeyPatch.context() as monkeypatch:
        yield _install_argos_home(tmp_path_factory.mktemp("argos-home"), monkeypatch, tiny_argosmodel)


@pytest.fixture
def tiny_engine(argos_home):
    """An ArgosEngine on the installed tiny package."""
    from bilingual.translate.argos import load_engine

    return load_engine("zh", "en")


@pytest.fixture(scope="session")
def shipped():
    """The shipped glossary, loaded once."""
    from bilingual.glossary import Glossary

    return Glossary.default()
