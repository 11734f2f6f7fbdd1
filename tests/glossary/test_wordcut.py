"""The word cut behind the matcher's word checks: jieba's dictionary, loaded by the text's pairs of characters."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.glossary.helpers import seed_text


@pytest.fixture(autouse=True)
def _wordcut_cache_in_tmp(tmp_path_factory, monkeypatch):
    """Keep the grouped jieba dictionary (bilingual/glossary/wordcut.py) out of the real user cache."""
    monkeypatch.setenv("BILINGUAL_WORDCUT_CACHE", str(tmp_path_factory.getbasetemp() / "wordcut-cache"))


def _reference(dictionary: Path | None = None):
    """A jieba Tokenizer loaded the plain way: every entry of `dictionary` (default: jieba's own)."""
    import jieba

    tokenizer = jieba.Tokenizer()
    path = dictionary or Path(jieba.__file__).with_name(jieba.DEFAULT_DICT_NAME)
    with open(path, "rb") as f:
        tokenizer.FREQ, tokenizer.total = jieba.Tokenizer.gen_pfdict(f)
    tokenizer.initialized = True
    return tokenizer


def _cuts(tokenizer, text: str) -> list[tuple[int, int]]:
    return [(start, end) for _word, start, end in tokenizer.tokenize(text, HMM=False)]


def test_wordcut_cuts_and_counts_as_jieba_with_its_whole_dictionary(tmp_path):
    from bilingual.glossary.match import _simplified
    from bilingual.glossary.wordcut import WordCut

    reference, cut = _reference(), WordCut(tmp_path)
    assert cut.total == reference.total
    text = _simplified(seed_text())
    texts = [*re.findall(r"[\u4E00-\u9FD5a-zA-Z0-9+#&._%-]+", text), text[:3000],
             "其余华人都来了", "道德国家", "中华人民共和国香港特别行政区政府", "ab余华cd123",
             "A股和B股", "iPhone12手机", "COVID-19疫情", "1989年6月4日", "a", "余", "㐀余华"]
    words = set()
    for t in texts:
        spans = _cuts(reference, t)
        assert cut.tokenize(t) == spans, t
        words.update(t[a:b + 2] for a, b in spans)
        words.update(t[a:b] for a, b in spans)
    assert [cut.freq(w) for w in sorted(words)] == [reference.FREQ.get(w, 0) for w in sorted(words)]
    assert cut.freq("") == 0


SMALL_DICT = "其余 300 r\n余华 50 nr\n华人 900 n\n人 5000 n\n其 800 r\n余 100 m\n华 200 ns\n都 3000 d\n"
SMALL_TEXTS = ["其余华人都", "余华", "华人其余", "都余华人"]


@pytest.fixture
def small_dict(tmp_path) -> Path:
    """A jieba-format dictionary small enough to parse in no time, so the cache's life cycle is cheap to test."""
    path = tmp_path / "dict.txt"
    path.write_text(SMALL_DICT, encoding="utf-8")
    return path


@pytest.fixture
def parses(monkeypatch) -> list[int]:
    """Counts how often jieba's dict.txt parser runs."""
    import jieba

    calls = []
    parse = jieba.Tokenizer.gen_pfdict

    def counted(f):
        calls.append(1)
        return parse(f)

    monkeypatch.setattr(jieba.Tokenizer, "gen_pfdict", staticmethod(counted))
    return calls


def _same_as_reference(cut, dictionary: Path) -> None:
    reference = _reference(dictionary)
    assert cut.total == reference.total
    for text in SMALL_TEXTS:
        assert cut.tokenize(text) == _cuts(reference, text), text
    for word in ("余华", "华人", "其余", "余", "其余华", "人都"):
        assert cut.freq(word) == reference.FREQ.get(word, 0), word


def test_wordcut_keeps_the_grouped_dictionary_and_reads_it_back(tmp_path, small_dict, parses):
    from bilingual.glossary.wordcut import WordCut

    folder = tmp_path / "cache"
    first = WordCut(folder, small_dict)
    assert first.path.parent == folder and first.path.is_file() and len(parses) == 1
    again = WordCut(folder, small_dict)
    assert len(parses) == 1  # read from the cache file, not parsed again
    _same_as_reference(again, small_dict)


def test_a_damaged_cache_file_is_rebuilt(tmp_path, small_dict, parses):
    from bilingual.glossary.wordcut import WordCut

    folder = tmp_path / "cache"
    path = WordCut(folder, small_dict).path
    blob = bytearray(path.read_bytes())
    blob[len(blob) // 2] ^= 0xFF
    path.write_bytes(bytes(blob))
    rebuilt = WordCut(folder, small_dict)
    assert len(parses) == 2
    path.write_bytes(b"")
    truncated = WordCut(folder, small_dict)
    assert len(parses) == 3
    WordCut(folder, small_dict)
    assert len(parses) == 3  # the rebuilt file is good again
    _same_as_reference(rebuilt, small_dict)
    _same_as_reference(truncated, small_dict)


def test_a_cache_file_for_another_dictionary_is_not_used(tmp_path, small_dict, parses):
    import marshal
    import zlib

    from bilingual.glossary.wordcut import WordCut

    folder = tmp_path / "cache"
    path = WordCut(folder, small_dict).path
    group = marshal.dumps({"华": marshal.dumps({"余华": 1})})
    header = marshal.dumps(("another dictionary", 1, {"余": 1}, {"余": (0, len(group))}))
    body = len(header).to_bytes(4, "big") + header + group
    path.write_bytes(zlib.crc32(body).to_bytes(4, "big") + body)  # well-formed, but not this dictionary's
    cut = WordCut(folder, small_dict)
    assert len(parses) == 2
    _same_as_reference(cut, small_dict)


def test_wordcut_works_when_the_cache_cannot_be_written(tmp_path, small_dict):
    from bilingual.glossary.wordcut import WordCut

    not_a_folder = tmp_path / "file"
    not_a_folder.write_text("x")
    cut = WordCut(not_a_folder / "cache", small_dict)
    assert not cut.path.exists()
    _same_as_reference(cut, small_dict)


def test_the_cache_folder_is_the_user_cache_unless_overridden(tmp_path, monkeypatch):
    from bilingual.settings import wordcut_dir as cache_dir

    monkeypatch.setenv("BILINGUAL_WORDCUT_CACHE", str(tmp_path / "mine"))
    assert cache_dir() == tmp_path / "mine"
    monkeypatch.delenv("BILINGUAL_WORDCUT_CACHE")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert cache_dir() == tmp_path / "xdg" / "bilingual"


def test_the_same_words_give_the_same_cutter_and_the_same_cuts(tmp_path, small_dict):
    """A process that builds again with the same glossary reuses its cutter (its loaded entries); other words
    give another cutter, and a cutter that loaded more entries cuts a text exactly as a fresh one does."""
    from bilingual.glossary.wordcut import KEEP_CUTTERS, WordCut

    base = WordCut(tmp_path, small_dict)
    names = {"余华人": 30}
    first = base.with_words(names)
    for text in SMALL_TEXTS:  # load every entry the texts need
        first.tokenize(text)
    again = base.with_words(dict(names))
    assert again is first
    fresh = WordCut(tmp_path, small_dict).with_words(names)
    assert [again.tokenize(t) for t in SMALL_TEXTS] == [fresh.tokenize(t) for t in SMALL_TEXTS]
    others = [base.with_words({f"{'其华都'[i % 3]}人{i}": 30}) for i in range(KEEP_CUTTERS)]
    assert all(o is not first for o in others)
    assert base.with_words(names) is not first  # pushed out by KEEP_CUTTERS others: made afresh


def test_dictionary_tags_are_the_tags_of_jiebas_dict_txt():
    """Every 397th word of dict.txt, read here line by line, against dictionary_tag; and words it lacks."""
    import jieba

    from bilingual.glossary.wordcut import dictionary_tag

    lines = Path(jieba.__file__).with_name(jieba.DEFAULT_DICT_NAME).read_text(encoding="utf-8").splitlines()
    first = {}
    for line in lines:
        word, _count, tag = line.split(" ")
        first.setdefault(word, tag)
    sample = list(first.items())[::397] + [(lines[0].split(" ")[0], lines[0].split(" ")[2])]
    assert len(sample) > 800
    assert [dictionary_tag(word) for word, _ in sample] == [tag for _, tag in sample]
    assert [dictionary_tag(w) for w in ("中国", "不菲", "不安")] == ["ns", "a", "a"]
    assert dictionary_tag("不存在的词语") == dictionary_tag("中国 ") == dictionary_tag("") == ""
