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

import importlib
import importlib.util
import sys
import types

# bs4.dammit tries these detectors in this order and keeps the first it can import.
DETECTORS = ("cchardet", "chardet", "charset_normalizer")


class _OnFirstUse(types.ModuleType):
    """Stands in sys.modules for a module until one of its attributes is read, then imports it."""

    def __getattr__(self, name: str):
        if sys.modules.get(self.__name__) is self:
            del sys.modules[self.__name__]
        real = importlib.import_module(self.__name__)
        self.__dict__.update(real.__dict__)  # later reads find the attribute without coming here
        return getattr(real, name)


def _defer(name: str) -> bool:
    """Put a stand-in for `name` in sys.modules if it is installed and not imported; False if not installed."""
    if name in sys.modules:
        return True
    if importlib.util.find_spec(name) is None:
        return False
    sys.modules[name] = _OnFirstUse(name)
    return True


if "bs4" not in sys.modules:
    _defer("soupsieve")
    any(_defer(name) for name in DETECTORS)  # only the one bs4 would pick: the ones before it stay missing

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
           "ProcessingInstruction", "Tag", "XMLParsedAsHTMLWarning"]
