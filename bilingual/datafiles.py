"""The rules shipped as data (bilingual/data/): one loader, each file read once per process."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

try:
    import tomllib
except ModuleNotFoundError:  # Python 3.10
    import tomli as tomllib

FOLDER = Path(__file__).resolve().parent / "data"


def path(name: str) -> Path:
    """The file `name` (e.g. "hant/tw.tsv") of the data folder."""
    return FOLDER / name


@cache
def text(name: str) -> str:
    return path(name).read_text(encoding="utf-8")


@cache
def toml(name: str) -> dict:
    return tomllib.loads(text(name))


@cache
def json_data(name: str):
    return json.loads(text(name))


def lines(name: str) -> list[str]:
    """The non-empty lines of a list file that are not # comments, stripped."""
    return [ln.strip() for ln in text(name).splitlines() if ln.strip() and not ln.lstrip().startswith("#")]
