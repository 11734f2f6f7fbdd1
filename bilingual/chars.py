"""Character classes, defined once for every step that asks "is this Chinese?"."""

from __future__ import annotations

import re

# Han ideographs: unified, extension A, compatibility, extensions B and beyond.
HAN_RANGES = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003ffff"
HAN = re.compile(f"[{HAN_RANGES}]")
# Kana and Hangul: text the English column must not hold either.
KANA_HANGUL_RANGES = "\u3040-\u30ff\uac00-\ud7af"
# What may start a Chinese sentence: Han, Hangul, CJK punctuation and the full-width openers （［｛.
CJK_START = re.compile(f"[{HAN_RANGES}\uac00-\ud7af\u3000-\u303f\uff08\uff3b\uff5b]")
# Chinese as a run of text to tag with its language: Han plus the CJK radicals, symbols and punctuation before it
# (\u2e80-\u33ff), the Yijing hexagrams and the full-width forms (\uff00-\uffef), so that quotes and marks
# inside it take the Chinese font too.
CHINESE_RUN = re.compile(f"[\u2e80-\u33ff{HAN_RANGES}\u4dc0-\u4dff\uff00-\uffef]+")
# What jieba cuts as one run (Han plus Latin letters, digits and a few joiners): word checks cut only such runs.
WORD_RUN = re.compile(f"[{HAN_RANGES}a-zA-Z0-9+#&._%-]")


_LATIN_LETTER = re.compile(r"[A-Za-z\u00c0-\u024f]")


def han_share(text: str) -> float:
    """Han characters among the letters of `text` (Han + Latin), 0.0 for text with neither.

    What tells a Chinese article from an English one that merely quotes some Chinese:
    a Latin word counts as many letters as it has, as its reader sees them.
    """
    han = len(HAN.findall(text))
    latin = len(_LATIN_LETTER.findall(text))
    return han / (han + latin) if han + latin else 0.0


def has_chinese(text: str) -> bool:
    """True when text holds at least one Han character: only such text goes to the engine."""
    return bool(HAN.search(text))
