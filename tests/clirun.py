"""Run the real `bilingual` entry point in-process and capture what a user sees."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from bilingual.cli import main


@dataclass
class Result:
    code: int
    out: str
    err: str


def run_cli(capsys: pytest.CaptureFixture, *args: str) -> Result:
    capsys.readouterr()
    try:
        main([str(a) for a in args])
        code = 0
    except SystemExit as e:
        code = e.code if isinstance(e.code, int) else 1
    captured = capsys.readouterr()
    return Result(code, captured.out, captured.err)
