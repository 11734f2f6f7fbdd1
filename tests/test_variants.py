"""OpenCC converters as bilingual loads them: the quicker config writes exactly what OpenCC's own writes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bilingual import variants

FIXTURES = Path(__file__).resolve().parent / "fixtures"


def _texts() -> list[str]:
    """Real articles of every kind the fixtures hold (Simplified and Traditional, news and essays)."""
    files = (sorted(FIXTURES.glob("articles/tune*/*.md")) + sorted(FIXTURES.glob("*.md"))
             + sorted(FIXTURES.glob("parallel*/tune*/zh.txt")))
    return [f.read_text(encoding="utf-8") for f in files]


@pytest.fixture(autouse=True)
def fresh_converters(monkeypatch):
    monkeypatch.setattr(variants, "_CONVERTERS", {})


def test_every_quick_config_is_in_use_and_one_with_regional_phrases_is_not_quick():
    quick = variants._table()["quick_segmentation"]
    assert set(quick) <= set(variants.name_configs())
    assert "s2twp" not in quick and variants.quick_config("s2twp") is None
    # why: s2twp's regional phrase step needs the generated phrases whole in the segmentation
    assert variants.converter("s2twp").convert("哈萨克斯坦") == "哈薩克"


@pytest.mark.parametrize("config", variants._table()["quick_segmentation"])
def test_the_quick_config_writes_what_opencc_own_config_writes(config):
    import opencc

    stock = opencc.OpenCC(config)
    ours = variants.converter(config)
    texts = _texts()
    assert sum(map(len, texts)) > 150_000
    for text in texts:
        assert ours.convert(text) == stock.convert(text)


def test_the_segmentation_group_is_replaced_by_its_first_dictionary_and_kept(tmp_path, monkeypatch):
    monkeypatch.setenv("BILINGUAL_WORDCUT_CACHE", str(tmp_path))
    path = variants.quick_config("s2tw")
    assert path and Path(path).parent == tmp_path
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    segment_with = data["segmentation"]["dict"]
    assert segment_with["type"] == "ocd2" and segment_with["file"].endswith("STPhrases.ocd2")
    assert Path(segment_with["file"]).is_file()  # dictionaries named by absolute path, found from the cache
    assert variants.quick_config("s2tw") == path  # kept: the next process reads it as it is
    assert variants.quick_config("t2s") is None  # no segmentation group: OpenCC's own config


def test_a_cache_that_cannot_be_written_or_a_damaged_copy_falls_back_to_opencc_own(tmp_path, monkeypatch):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder", encoding="utf-8")
    monkeypatch.setenv("BILINGUAL_WORDCUT_CACHE", str(blocker / "cache"))
    assert variants.quick_config("s2tw") is None
    assert variants.converter("s2tw").convert("头发") == "頭髮"

    monkeypatch.setenv("BILINGUAL_WORDCUT_CACHE", str(tmp_path / "cache"))
    Path(variants.quick_config("s2tw")).write_text("{ damaged", encoding="utf-8")
    monkeypatch.setattr(variants, "_CONVERTERS", {})
    assert variants.converter("s2tw").convert("头发") == "頭髮"
