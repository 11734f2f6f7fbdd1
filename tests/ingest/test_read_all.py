"""read_all: folders, list files, ordering, ids, and one-line errors for bad input."""

from __future__ import annotations

import pytest

from bilingual.errors import BilingualError
from bilingual.ingest import article_files, is_list_file, read, read_all

from .helpers import CDT_2020, EPUB, SEED, TERM


def test_seed_folder():
    docs = read_all([SEED.parent])
    assert [d.id for d in docs] == ["000_e53f636a1fba136f"]


def test_folder_sorted_by_name_recursively_skipping_non_articles(tmp_path):
    for name in ["chapter 10.txt", "chapter 2.txt", "sub/a.md", "sub/b.html"]:
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(f"{name}\n\n正文。", encoding="utf-8")
    for name in [".hidden.txt", ".git/config.txt", "cover.png", "data.json", "style.css", "README.md",
                 "LICENSE"]:
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("不是文章。", encoding="utf-8")
    (tmp_path / "order.txt").write_text("chapter 2.txt\nchapter 10.txt\n", encoding="utf-8")
    names = [p.relative_to(tmp_path).as_posix() for p in article_files(tmp_path)]
    assert names == ["chapter 2.txt", "chapter 10.txt", "sub/a.md", "sub/b.html"]
    docs = read_all([tmp_path])
    assert [d.meta.path for d in docs] == ["chapter 2.txt", "chapter 10.txt", "a.md", "b.html"]
    assert [d.id for d in docs] == ["chapter-2", "chapter-10", "a", "b"]


def test_list_file_gives_the_order(tmp_path):
    listing = tmp_path / "book.txt"
    listing.write_text(f"# chapter order\n{TERM}\n\n{SEED}\n{EPUB}\n{CDT_2020}\n", encoding="utf-8")
    assert is_list_file(listing)
    docs = read_all([listing])
    assert [d.meta.path for d in docs] == [TERM.name, SEED.name, EPUB.name, EPUB.name, CDT_2020.name]


def test_list_file_paths_are_relative_to_it(tmp_path):
    (tmp_path / "ch").mkdir()
    (tmp_path / "ch" / "b.txt").write_text("乙\n\n乙的正文。", encoding="utf-8")
    (tmp_path / "ch" / "a.txt").write_text("甲\n\n甲的正文。", encoding="utf-8")
    (tmp_path / "order.list").write_text("ch/b.txt\nch/a.txt\n", encoding="utf-8")
    assert [d.meta.title for d in read_all([tmp_path / "order.list"])] == ["乙", "甲"]


def test_an_article_is_not_a_list_file():
    assert not is_list_file(SEED)
    assert not is_list_file(TERM)


def test_list_file_cycle_is_an_error(tmp_path):
    (tmp_path / "a.txt").write_text("b.txt\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text("a.txt\n", encoding="utf-8")
    with pytest.raises(BilingualError, match="names itself"):
        read_all([tmp_path / "a.txt"])


def test_same_stem_twice_gets_distinct_ids(tmp_path):
    for folder in ("x", "y"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "article.txt").write_text(f"{folder}\n\n正文。", encoding="utf-8")
    assert [d.id for d in read_all([tmp_path])] == ["article", "article-2"]


def test_missing_path(tmp_path):
    with pytest.raises(BilingualError, match="no such file or folder") as err:
        read_all([SEED, tmp_path / "nope.txt"])
    assert "nope.txt" in str(err.value) and "\n" not in str(err.value)


def test_folder_without_articles(tmp_path):
    (tmp_path / "pic.png").write_bytes(b"\x89PNG\r\n")
    (tmp_path / ".hidden.txt").write_text("正文。", encoding="utf-8")
    with pytest.raises(BilingualError, match="holds no articles"):
        read_all([tmp_path])


def test_bad_file_in_folder_is_named(tmp_path):
    (tmp_path / "a.txt").write_text("正文。", encoding="utf-8")
    (tmp_path / "b.txt").write_bytes(b"")
    with pytest.raises(BilingualError, match="b.txt: the file is empty"):
        read_all([tmp_path])


def test_renamed_id_never_takes_an_existing_one(tmp_path):
    """a-2.txt next to x/a.txt and y/a.txt: the second a must not become a second a-2."""
    for name in ("a-2.txt", "x/a.txt", "y/a.txt", "z/a.txt"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(f"{name}\n\n正文。", encoding="utf-8")
    docs = read_all([tmp_path])
    ids = {d.meta.title: d.id for d in docs}
    assert ids == {"a-2.txt": "a-2", "x/a.txt": "a", "y/a.txt": "a-3", "z/a.txt": "a-4"}


def test_a_titles_runs_of_spaces_fold_as_the_texts_do():
    """RFA titles hold runs of spaces (藏族网红被烧身亡   反家暴法怎么不给力？): the page showed one, the book's
    metadata and the document data three."""
    from tests.ingest.helpers import FIXTURES

    (doc,) = read(FIXTURES / "articles" / "tune9" / "rfa_1047576_tibetan-vlogger-domestic-violence.md")
    assert "身亡 反家暴法" in doc.meta.title and "  " not in doc.meta.title


def test_a_bylines_runs_of_spaces_fold_as_the_titles_do(tmp_path):
    """The page shows one space where front matter writes several; the book's metadata must say the same
    (the HTML reader's metadata was folded already, Markdown's front matter was not)."""
    page = tmp_path / "a.md"
    page.write_text('---\ntitle: 标题\nauthor: "王凡   华盛顿报道"\ntags: ["人权   香港"]\n---\n\n正文。\n',
                    encoding="utf-8")
    (doc,) = read(page)
    assert doc.meta.author == "王凡 华盛顿报道" and doc.meta.topics == ["人权 香港"]
