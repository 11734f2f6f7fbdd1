"""Script detection (Simplified or Traditional), with the convert step's OpenCC converters."""

from __future__ import annotations

from bilingual import variants
from bilingual.ingest import script


def test_simplified_and_traditional_are_told_apart():
    assert script.detect("这是一篇关于中国历史的文章，讨论了经济发展。") == "hans"
    assert script.detect("這是一篇關於中國歷史的文章，討論了經濟發展。") == "hant"
    assert script.detect("no Chinese here") == "hans"


def test_detection_uses_the_convert_steps_converter_cache(monkeypatch):
    """One OpenCC cache in the program: building a converter reads its dictionaries, which is slow."""
    asked: list[str] = []
    real = variants.converter

    def spy(config: str):
        asked.append(config)
        return real(config)

    monkeypatch.setattr(variants, "converter", spy)
    assert script.detect("這是一篇關於中國歷史的文章。") == "hant"
    assert set(asked) == {"t2s", "s2t"}
