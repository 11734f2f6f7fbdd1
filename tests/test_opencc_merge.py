"""OpenCC configs with their dictionary groups merged (bilingual/opencc_merge.py): the same text, sooner."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bilingual import variants
from bilingual.opencc_merge import merged_config

FIXTURES = Path(__file__).resolve().parent / "fixtures"


def _texts() -> list[str]:
    """Real articles of every kind the fixtures hold (Simplified and Traditional, news and essays)."""
    files = (sorted(FIXTURES.glob("articles/tune*/*.md")) + sorted(FIXTURES.glob("*.md"))
             + sorted(FIXTURES.glob("parallel*/tune*/zh.txt")))
    return [f.read_text(encoding="utf-8") for f in files]


@pytest.fixture(autouse=True)
def fresh_converters(monkeypatch):
    monkeypatch.setattr(variants, "_CONVERTERS", {})


@pytest.mark.parametrize("grouped", [False, True], ids=["plain", "grouped"])
@pytest.mark.parametrize("config", sorted({*variants.name_configs(), "t2s"}))
def test_a_merged_config_writes_what_opencc_own_config_writes(config, grouped):
    import opencc

    stock = opencc.OpenCC(config)
    ours = opencc.OpenCC(merged_config(config, grouped=grouped))
    texts = _texts()
    assert sum(map(len, texts)) > 150_000
    for text in texts:
        assert ours.convert(text) == stock.convert(text)
    # the regional phrases OpenCC generates still segment whole (s2twp: 哈萨克斯坦 -> 哈薩克)
    assert ours.convert("哈萨克斯坦的克里斯托弗") == stock.convert("哈萨克斯坦的克里斯托弗")


def test_groups_are_merged_into_one_file_each_and_kept(tmp_path, monkeypatch):
    monkeypatch.setenv("BILINGUAL_WORDCUT_CACHE", str(tmp_path))
    path = merged_config("s2tw")
    assert path and Path(path).parent == tmp_path / "opencc"
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    files = [d["dict"] for d in data["conversion_chain"]] + [data["segmentation"]["dict"]]
    assert all(f["type"] == "ocd2" and Path(f["file"]).is_file() for f in files)  # no group left, absolute paths
    assert len(list((tmp_path / "opencc").glob("merged-*.ocd2"))) == 3  # segmentation, characters, Taiwan
    assert merged_config("s2tw") == path  # kept: the next process reads it as it is
    t2s = merged_config("t2s")  # t2s's groups are merged too
    assert t2s and '"group"' not in Path(t2s).read_text(encoding="utf-8")


def test_a_group_whose_later_member_matches_longer_is_not_merged(tmp_path):
    from bilingual.opencc_merge import _Merger

    merger = _Merger(Path("/nonexistent/opencc_dict"), tmp_path, tmp_path, "stamp")
    tables = {"chars.ocd2": {"干": "幹"}, "phrases.ocd2": {"干净": "乾淨"}}
    merger._dump = lambda path: tables[path.name]
    chars, phrases = {"type": "ocd2", "file": "chars.ocd2"}, {"type": "ocd2", "file": "phrases.ocd2"}
    assert merger._entries({"type": "group", "dicts": [phrases, chars]}) == {"干": "幹", "干净": "乾淨"}
    # characters first: OpenCC stops at 干 where the merged file would match 干净
    assert merger._entries({"type": "group", "dicts": [chars, phrases]}) is None
    tables["empty.ocd2"] = {}  # an empty member between them changes nothing
    empty = {"type": "ocd2", "file": "empty.ocd2"}
    assert merger._entries({"type": "group", "dicts": [chars, empty, phrases]}) is None
    clash = {"type": "ocd2", "file": "clash.ocd2"}
    tables["clash.ocd2"] = {"干": "乾"}
    assert merger._entries({"type": "group", "match_policy": "union", "dicts": [chars, clash]}) is None


def test_without_the_tool_or_a_writable_cache_opencc_own_config_is_used(tmp_path, monkeypatch):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder", encoding="utf-8")
    monkeypatch.setenv("BILINGUAL_WORDCUT_CACHE", str(blocker / "cache"))
    assert merged_config("s2tw") is None
    assert variants.converter("s2tw").convert("头发") == "頭髮"

    monkeypatch.setenv("BILINGUAL_WORDCUT_CACHE", str(tmp_path / "cache"))
    Path(merged_config("s2tw")).write_text("{ damaged", encoding="utf-8")
    monkeypatch.setattr(variants, "_CONVERTERS", {})
    assert variants.converter("s2tw").convert("头发") == "頭髮"


def test_the_grouped_form_reads_each_merged_file_beside_its_groups_last_member(tmp_path, monkeypatch):
    from bilingual import opencc_merge

    monkeypatch.setenv("BILINGUAL_WORDCUT_CACHE", str(tmp_path))
    runs = []
    real = opencc_merge._Merger._run
    monkeypatch.setattr(opencc_merge._Merger, "_run", lambda self, *a: runs.append(a) or real(self, *a))
    plain = json.loads(Path(merged_config("s2t")).read_text(encoding="utf-8"))
    made = len(runs)  # each dictionary read once, for both forms
    assert made and len({a[0] for a in runs if a[2] == "ocd2"}) == sum(a[2] == "ocd2" for a in runs)
    grouped = json.loads(Path(merged_config("s2t", grouped=True)).read_text(encoding="utf-8"))
    assert len(runs) == made  # made with the plain form: a long build's switch builds nothing
    merged = plain["conversion_chain"][0]["dict"]
    assert merged["type"] == "ocd2"
    group = grouped["conversion_chain"][0]["dict"]  # s2t: (STPhrases | regional phrases), then STCharacters
    assert group["type"] == "group" and group["dicts"][0] == merged
    assert Path(group["dicts"][1]["file"]).name == "STCharacters.ocd2"


def test_a_converter_takes_the_fast_form_once_enough_text_has_gone_through(monkeypatch):
    monkeypatch.setattr(variants.Converter, "FAST_AFTER", 50)
    loaded = []
    real = variants._load

    def load(config, grouped):
        loaded.append(grouped)
        return real(config, grouped=grouped)

    monkeypatch.setattr(variants, "_load", load)
    cc = variants.converter("s2tw")
    assert cc.convert("头发" * 20) == "頭髮" * 20 and loaded == [False]
    assert cc.convert_many(["干净", "头发" * 10]) == ["乾淨", "頭髮" * 10] and loaded == [False, True]
    assert cc.convert("头发") == "頭髮" and loaded == [False, True]  # loaded once


def test_texts_are_converted_in_one_call_unless_one_holds_a_line_end():
    calls = []

    def convert(text):
        calls.append(text)
        return text.upper()

    assert variants.convert_each(convert, ["ab", "cd"]) == ["AB", "CD"] and calls == ["ab\ncd"]
    calls.clear()
    assert variants.convert_each(convert, ["a\nb", "cd"]) == ["A\nB", "CD"] and calls == ["a\nb", "cd"]
    calls.clear()  # the others still go as one
    assert variants.convert_each(convert, ["cd", "a\nb", "ef"]) == ["CD", "A\nB", "EF"]
    assert calls == ["cd\nef", "a\nb"]


@pytest.mark.parametrize("config", ["s2t", "s2hk", "t2s"])
def test_a_text_ending_in_an_unfinished_description_sequence_converts_as_it_would_alone(config):
    """OpenCC reads an ideographic description character (⿰, ⿱ …) with the characters after it as one unit
    that it leaves as it is, line ends included: joined to the next text by a line end, a text that ends
    in one would swallow the start of the next (说⿰ + 说 -> 說⿰, 说)."""
    cc = variants.converter(config)
    texts = ["说⿰", "说头发", "头发⿱", "头发", "⿰说", "头发好", "说⿲说", "说说说"]
    if config == "t2s":
        texts = [variants.converter("s2t").convert(t) for t in texts]
    assert variants.convert_each(cc.convert, texts) == [cc.convert(t) for t in texts]
