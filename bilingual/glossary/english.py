"""English name forms compared as a reader would: accents, curly apostrophes, hyphens and case folded.

One set of folding rules for the glossary's own checks and for the proofreading check.
"""

from __future__ import annotations

import re
import unicodedata


# The English folding rules, in one place: glossary check compares forms with english_key,
# the proofreading check (bilingual/check/glossary.py) searches translations with fold_english
# and english_words.
def fold_english(text: str) -> str:
    """English with accents dropped, curly apostrophes and Unicode hyphens made ASCII, case folded.

    Character for character except where NFKD expands (a ligature), so a span found
    in the folded text usually points at the same span of the original.
    """
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    return text.replace("\u2019", "'").replace("\u2018", "'").replace("\u2010", "-").replace("\u2011", "-").casefold()


def english_words(text: str) -> list[str]:
    """The folded words of an English form; a leading "the" of a longer name goes (the US names US)."""
    words = [w for w in re.split(r"[\s\-]+", fold_english(text)) if w]
    if len(words) > 1 and words[0] == "the":
        words = words[1:]
    return words


def english_key(text: str) -> str:
    """How the check compares English forms: case, accents, apostrophes, hyphens and a
    leading "the" do not matter (Kim Jong-un = kim jong un; the US = US)."""
    return " ".join(english_words(text))
