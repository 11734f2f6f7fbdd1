"""Fixtures for the review workspace: the seed edition built once with the tiny model, copied per test."""

from __future__ import annotations

import shutil
import sqlite3
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.conftest import SEED

TOKEN = "test-token-0123456789"
HOST = "127.0.0.1:8765"
WRITE_HEADERS = {"X-Review-Token": TOKEN, "Content-Type": "application/json"}


@dataclass
class Edition:
    """A built edition in its own folder, with the memory it was built with."""

    out: Path
    memory: Path
    glossary: Path  # the project glossary the workspace may add names to (absent at first)

    @property
    def article(self) -> Path:
        return self.out / f"{SEED.stem}.json"

    @property
    def page(self) -> Path:
        return self.out / f"{SEED.stem}.html"


# An engine output that loops, as real engines' sometimes do: planted in the memory, so the tests that jump to
# a repetition finding do not depend on the tiny model's noise holding one (it changes with its training text).
LOOP = ("The treaty says that the other party will come to its aid, will come to its aid, will come to its aid, "
        "will come to its aid when it is attacked.")


@pytest.fixture(scope="module")
def seed_build(tmp_path_factory, argos_home_module) -> Path:
    """`bilingual build SEED -o out --memory tm.sqlite` with the tiny model, once per module, the longest
    sentence's machine English planted with a loop (LOOP) and the edition built again from the memory."""
    from bilingual import api

    root = tmp_path_factory.mktemp("seed-build")
    api.build([SEED], root / "out", memory_path=root / "tm.sqlite")
    with closing(sqlite3.connect(root / "tm.sqlite")) as db, db:
        (source,) = db.execute("SELECT source FROM mt ORDER BY length(source) DESC, source LIMIT 1").fetchone()
        db.execute("UPDATE mt SET english = ? WHERE source = ?", (LOOP, source))
    api.build([SEED], root / "out", memory_path=root / "tm.sqlite")
    return root


@pytest.fixture
def edition(seed_build, tmp_path) -> Edition:
    """A private copy of the seed edition and its memory: a test may edit and rebuild it freely."""
    shutil.copytree(seed_build / "out", tmp_path / "out")
    for part in seed_build.glob("tm.sqlite*"):  # the -wal file too, should one be left
        shutil.copy2(part, tmp_path / part.name)
    return Edition(tmp_path / "out", tmp_path / "tm.sqlite", tmp_path / "project.tsv")


@pytest.fixture
def workspace(edition):
    from bilingual.review.workspace import Workspace

    return Workspace(edition.out, memory_path=edition.memory, glossary_path=edition.glossary)


@pytest.fixture
def client(workspace):
    from starlette.testclient import TestClient

    from bilingual.review import allowed_hosts
    from bilingual.review.app import create_app

    app = create_app(workspace, TOKEN, hosts=allowed_hosts("127.0.0.1", 8765))
    with TestClient(app, base_url=f"http://{HOST}") as client:
        yield client


def article_url(action: str = "") -> str:
    return f"/{TOKEN}/api/a/{SEED.stem}/{action}" if action else f"/{TOKEN}/a/{SEED.stem}"


def post(client, action: str, body: dict, **headers):
    """A write as the workspace page sends it (token header, JSON), to an article's API or the top-level one."""
    url = article_url(action) if action in ("save", "approve", "undo") else f"/{TOKEN}/api/{action}"
    return client.post(url, json=body, headers={**WRITE_HEADERS, **headers})


def assert_only_the_edit_changed(before: dict, after: dict, edited: str) -> None:
    """Segments (id -> JSON) around one edited segment: every other English is as it was, but for a name
    whose first mention (its long form, Vladimir Putin) was in the edited sentence: it is the next
    mention's now, where the reader meets the name first."""
    from bilingual import api

    names = api.glossary()
    moved = [names.get(m["ref"]) for m in before[edited]["marks"].get("en", []) if m["tag"] == "term"]
    moved = [t for t in moved if t is not None and t.en_long]
    assert after.keys() == before.keys()
    for i in before:
        if i != edited and after[i]["en"] != before[i]["en"]:
            short = after[i]["en"]
            for term in moved:
                short = short.replace(term.en_long, term.en, 1)
            assert short == before[i]["en"], (i, before[i]["en"], after[i]["en"])
