"""Build progress: a live done/total, rate, ETA line on a terminal; silent elsewhere; --quiet and --verbose."""

from __future__ import annotations

import io
import sys

import pytest

from bilingual.progress import Reporter
from tests.clirun import run_cli
from tests.conftest import SEED


class Tty(io.StringIO):
    """A text stream that says it is a terminal."""

    def isatty(self) -> bool:
        return True


class Clock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def _screen(text: str) -> list[str]:
    """What a terminal shows: a carriage return moves back to the line start and overwrites, a newline ends it."""
    lines, current, col = [], [], 0
    for ch in text:
        if ch == "\n":
            lines.append("".join(current).rstrip())
            current, col = [], 0
        elif ch == "\r":
            col = 0
        else:
            current[col:col + 1] = [ch]
            col += 1
    lines.append("".join(current).rstrip())
    return lines


def test_live_line_counts_rate_and_eta():
    tty, clock = Tty(), Clock()
    report = Reporter(stream=tty, clock=clock)
    report(0, 100, "translating")
    clock.now += 10
    report(20, 100, "translating")
    assert tty.getvalue().endswith("\rtranslating: 20/100 segments (20%), 2.0/s, ETA 0:40")
    clock.now += 30
    report(80, 100, "translating")
    assert tty.getvalue().endswith("translating: 80/100 segments (80%), 2.0/s, ETA 0:10")
    clock.now += 10
    report(100, 100, "translating")
    assert _screen(tty.getvalue()) == ["translating: 100/100 segments (100%), 2.0/s, 0:50", ""]


def test_memory_hits_do_not_count_towards_the_rate():
    tty, clock = Tty(), Clock()
    report = Reporter(stream=tty, clock=clock)
    report(900, 1000, "translating")  # found in the memory at once
    clock.now += 50
    report(1000, 1000, "translating")
    assert "2.0/s" in tty.getvalue()


def test_hour_long_eta_and_redraws_are_throttled():
    tty, clock = Tty(), Clock()
    report = Reporter(stream=tty, clock=clock)
    report(0, 10_000, "translating")
    clock.now += 1
    report(1, 10_000, "translating")
    assert tty.getvalue().endswith("ETA 2:46:39")
    before = tty.getvalue()
    clock.now += Reporter.REDRAW / 2
    report(2, 10_000, "translating")
    assert tty.getvalue() == before, "a report sooner than REDRAW after the last one is not drawn"
    report(10_000, 10_000, "translating")
    assert tty.getvalue().endswith("\n"), "the last report is always drawn and ends the line"


def test_a_shorter_line_wipes_the_longer_one():
    tty, clock = Tty(), Clock()
    report = Reporter(stream=tty, clock=clock)
    report(1, 10, "translating a long label")
    clock.now += 1
    report(10, 10, "done")
    assert _screen(tty.getvalue()) == ["done: 10/10 segments (100%), 9.0/s, 0:01", ""]


def test_nothing_when_not_a_terminal():
    stream = io.StringIO()
    report = Reporter(stream=stream, clock=Clock())
    report(1, 2, "translating")
    report(2, 2, "translating")
    report.note("seed: 10 sentences")
    assert stream.getvalue() == ""


def test_quiet_silences_the_terminal_and_the_notes():
    tty = Tty()
    report = Reporter(stream=tty, quiet=True, verbose=True, clock=Clock())
    report(1, 2, "translating")
    report.note("seed: 10 sentences")
    assert tty.getvalue() == ""


def test_verbose_notes_appear_anywhere_and_keep_the_live_line():
    stream = io.StringIO()
    Reporter(stream=stream, verbose=True, clock=Clock()).note("seed: 10 sentences")
    assert stream.getvalue() == "seed: 10 sentences\n"

    tty, clock = Tty(), Clock()
    report = Reporter(stream=tty, verbose=True, clock=clock)
    report(3, 10, "translating")
    report.note("seed: 10 sentences")
    assert _screen(tty.getvalue()) == ["seed: 10 sentences", "translating: 3/10 segments (30%)"]


# --- through the real `bilingual build` ---


def test_build_is_silent_on_stderr_when_not_a_terminal(capsys, argos_home, tmp_path):
    result = run_cli(capsys, "build", SEED, "-o", tmp_path / "out", "--memory", tmp_path / "tm.sqlite")
    assert result.code == 0, result.err
    assert result.err == ""
    assert sorted(result.out.split()) == sorted(str(p) for p in (tmp_path / "out").iterdir())


def test_build_shows_progress_on_a_terminal(capsys, argos_home, tmp_path, monkeypatch):
    tty = Tty()
    monkeypatch.setattr(sys, "stderr", tty)
    result = run_cli(capsys, "build", SEED, "-o", tmp_path / "out", "--memory", tmp_path / "tm.sqlite")
    assert result.code == 0
    screen = _screen(tty.getvalue())
    assert screen[-1] == "" and screen[-2].startswith("translating: ")
    done, total = screen[-2].split(": ")[1].split(" ")[0].split("/")
    assert done == total and int(total) > 10
    assert "/s, " in screen[-2]


def test_build_verbose_prints_a_line_per_article(capsys, argos_home, tmp_path):
    import re

    from tests.conftest import FIXTURES

    line = re.compile(r"^(\S+): (\d+) sentences, (\d+) from memory, (\d+) new$")
    article = FIXTURES / "cdt_392432_luo-guancong.md"
    args = ["build", SEED, article, "-o", tmp_path / "out", "--memory", tmp_path / "tm.sqlite", "--verbose"]
    first = run_cli(capsys, *args)
    assert first.code == 0, first.err
    rows = [line.match(text).groups() for text in first.err.splitlines()]
    assert [r[0] for r in rows] == ["000_e53f636a1fba136f", "cdt_392432_luo-guancong"]
    assert all(int(n) > 10 and known == "0" and new == n for _, n, known, new in rows)
    again = run_cli(capsys, *args)
    rows_again = [line.match(text).groups() for text in again.err.splitlines()]
    assert rows_again == [(doc, n, n, "0") for doc, n, _, _ in rows]


def test_build_quiet_prints_nothing_but_writes(capsys, argos_home, tmp_path, monkeypatch):
    monkeypatch.setattr(sys, "stderr", Tty())
    result = run_cli(capsys, "build", SEED, "-o", tmp_path / "out", "--memory", tmp_path / "tm.sqlite", "-q")
    assert result.code == 0
    assert result.out == "" and sys.stderr.getvalue() == ""
    assert sorted(p.suffix for p in (tmp_path / "out").iterdir()) == [".html", ".json"]


def test_quiet_still_reports_errors(capsys, tmp_path):
    result = run_cli(capsys, "build", tmp_path / "missing.txt", "-o", tmp_path / "out", "--quiet", "--no-translate")
    assert result.code == 1
    assert result.err.startswith("bilingual: ") and len(result.err.splitlines()) == 1
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize("flags", [["-q", "-v"], ["--quiet", "--verbose"]])
def test_quiet_and_verbose_together_is_a_usage_error(capsys, tmp_path, flags):
    result = run_cli(capsys, "build", SEED, "-o", tmp_path / "out", "--no-translate", *flags)
    assert result.code == 2 and "--quiet and --verbose" in result.err
    assert not (tmp_path / "out").exists()
