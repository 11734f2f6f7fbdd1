"""beautifulsoup4, imported without paying up front for two features a build does not use.

Importing bs4 imports soupsieve (CSS selectors; compiling its patterns is about 50 ms)
and a character-set detector (charset_normalizer: about 30 ms), together a quarter of
the fixed cost of a one-article build. Readers hand bs4 decoded text and walk trees with
find_all, so neither is needed to read a document. Each is put in sys.modules as a
stand-in that imports the real module the first time anything reads from it: bs4 holds
the stand-in, and `.select()` or detecting the encoding of bytes works as usual, a little
later. Every module of the project imports bs4's names from here.
"""

from __future__ import annotations

import sys

from bilingual.deferred import defer

# bs4.dammit tries these detectors in this order and keeps the first it can import.
DETECTORS = ("cchardet", "chardet", "charset_normalizer")

if "bs4" not in sys.modules:
    defer("soupsieve")
    any(defer(name) for name in DETECTORS)  # only the one bs4 would pick: the ones before it stay missing

from bs4 import (  # noqa: E402  (after the stand-ins, which is the point of this module)
    BeautifulSoup,
    CData,
    Comment,
    Declaration,
    Doctype,
    NavigableString,
    ProcessingInstruction,
    Tag,
    XMLParsedAsHTMLWarning,
)

__all__ = ["BeautifulSoup", "CData", "Comment", "Declaration", "Doctype", "NavigableString",
           "ProcessingInstruction", "Tag", "XMLParsedAsHTMLWarning", "decomposed"]


def decomposed(el: Tag) -> bool:
    """Whether `el` was decomposed, in constant time. bs4's own `el.decomposed` looks its marker up through
    Tag.__getattr__, which searches the live tag's whole subtree for a child of that name: a page of nested
    <video>s, each asked in turn, took time quadratic in its size (10,000 of them: 30 s)."""
    return bool(vars(el).get("_decomposed", False))
