"""Which Chinese script a text is written in, measured with OpenCC itself.

A Traditional text has many characters that t2s would change and few that
s2t would; a Simplified text the reverse. Counting both keeps shared
characters (the majority) from deciding.
"""

from __future__ import annotations

from bilingual import variants  # light: OpenCC itself is imported on first use
from bilingual.chars import HAN

SAMPLE_CHARS = 20000


def _changed(text: str, config: str) -> int:
    cc = variants.converter(config)  # the one converter cache, shared with the convert step
    converted = cc.convert(text)
    if len(converted) == len(text):
        return sum(1 for a, b in zip(text, converted, strict=True) if a != b)
    return sum(1 for ch in set(text) if cc.convert(ch) != ch)


def detect(text: str) -> str:
    """'hant' when the text reads as Traditional Chinese, else 'hans'."""
    sample = "".join(HAN.findall(text[:SAMPLE_CHARS]))
    if not sample:
        return "hans"
    traditional = _changed(sample, "t2s")
    simplified = _changed(sample, "s2t")
    return "hant" if traditional > simplified else "hans"
