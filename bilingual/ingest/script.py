"""Which Chinese script a text is written in, by the characters only one script writes.

A Traditional text has many characters that OpenCC's t2s would change and few
that s2t would; a Simplified text the reverse. Counting both keeps shared
characters (the majority) from deciding. The tables are OpenCC's own
(bilingual.hant.changed_chars), kept across runs, so no converter is built here.
"""

from __future__ import annotations

from bilingual.hant import evidence

SAMPLE_CHARS = 20000


def detect(text: str) -> str:
    """'hant' when the text reads as Traditional Chinese, else 'hans'."""
    traditional, simplified = evidence(text[:SAMPLE_CHARS])
    return "hant" if traditional > simplified else "hans"
