"""`bilingual review` on the command line: what it prints, what it refuses, in one line each."""

from __future__ import annotations

import re
import socket

import pytest

from tests.clirun import run_cli


@pytest.fixture
def started(monkeypatch):
    """Stand in for uvicorn's loop: record what would be served, return at once."""
    import uvicorn

    runs: list[dict] = []

    def run(self, sockets=None):
        runs.append({"app": self.config.app, "sockets": sockets, "address": sockets[0].getsockname()})

    monkeypatch.setattr(uvicorn.Server, "run", run)
    opened: list[str] = []
    monkeypatch.setattr("webbrowser.open", lambda url: opened.append(url) or True)
    return runs, opened


def test_prints_a_tokened_loopback_url_and_opens_the_browser(capsys, edition, started):
    runs, opened = started
    result = run_cli(capsys, "review", edition.out, "--port", "0", "--memory", edition.memory)
    assert result.code == 0, result.err
    url = re.search(r"^http://127\.0\.0\.1:(\d+)/([\w-]{20,})/$", result.out, re.M)
    assert url and opened == [url[0]]
    (run,) = runs
    assert run["address"] == ("127.0.0.1", int(url[1]))
    assert run["app"].token == url[2] and "127.0.0.1:" + url[1] in run["app"].hosts
    assert "memory is empty" not in result.out
    again = run_cli(capsys, "review", edition.article, "--port", "0", "--no-browser", "--memory", edition.memory)
    assert again.code == 0 and len(opened) == 1, "--no-browser opens nothing"
    assert re.search(r"/([\w-]{20,})/$", again.out, re.M)[1] != url[2], "a new token for every start"


def test_an_empty_memory_is_pointed_out(capsys, edition, tmp_path, started):
    result = run_cli(capsys, "review", edition.out, "--port", "0", "--no-browser", "--memory", tmp_path / "new.sqlite")
    assert result.code == 0 and "memory is empty" in result.out and "--memory" in result.out


def test_a_non_loopback_host_needs_allow_remote(capsys, edition, started):
    runs, _ = started
    refused = run_cli(capsys, "review", edition.out, "--host", "0.0.0.0", "--no-browser")
    assert refused.code == 1 and "--allow-remote" in refused.err and len(refused.err.splitlines()) == 1
    assert runs == []
    allowed = run_cli(capsys, "review", edition.out, "--host", "0.0.0.0", "--port", "0", "--allow-remote",
                      "--no-browser", "--memory", edition.memory)
    assert allowed.code == 0, allowed.err
    assert runs[0]["app"].hosts is None  # any Host header: the user asked for remote access


@pytest.mark.parametrize("host", ["127.0.0.1", "127.0.0.2", "::1", "localhost"])
def test_loopback_addresses(host):
    from bilingual.review import is_loopback

    assert is_loopback(host)
    assert not is_loopback("0.0.0.0") and not is_loopback("192.168.1.2") and not is_loopback("example.com")


def test_a_busy_port_is_one_line(capsys, edition, started):
    busy = socket.socket()
    busy.bind(("127.0.0.1", 0))
    busy.listen(1)
    try:
        result = run_cli(capsys, "review", edition.out, "--port", busy.getsockname()[1], "--no-browser",
                         "--memory", edition.memory)
    finally:
        busy.close()
    assert result.code == 1 and "cannot listen on 127.0.0.1" in result.err and "--port" in result.err
    assert len(result.err.splitlines()) == 1


def test_bad_targets_are_one_line(capsys, tmp_path, started):
    (tmp_path / "empty").mkdir()
    (tmp_path / "other.json").write_text('{"hello": 1}', encoding="utf-8")
    cases = [(tmp_path / "missing", "no such file or folder"), (tmp_path / "empty", "no document data here"),
             (tmp_path / "other.json", "not a bilingual document JSON")]
    for target, words in cases:
        result = run_cli(capsys, "review", target, "--no-browser", "--memory", tmp_path / "m.sqlite")
        assert result.code == 1 and words in result.err and len(result.err.splitlines()) == 1, result.err
        assert "Traceback" not in result.err
