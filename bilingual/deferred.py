"""Modules imported on first use: a stand-in in sys.modules until something reads from it.

A library that imports a module at its own import time, for a feature a build does not
use, makes every run pay for it (bs4's CSS selectors and charset detector, jieba's HMM
tables). `defer(name)` puts a stand-in in sys.modules before that library is imported:
the library keeps the stand-in, and the first attribute read from it imports the real
module, so the feature still works when something does use it.
"""

from __future__ import annotations

import importlib
import importlib.util
import sys
import types


class _OnFirstUse(types.ModuleType):
    """Stands in sys.modules for a module until one of its attributes is read, then imports it."""

    def __getattr__(self, name: str):
        if sys.modules.get(self.__name__) is self:
            del sys.modules[self.__name__]
        real = importlib.import_module(self.__name__)
        self.__dict__.update(real.__dict__)  # later reads find the attribute without coming here
        return getattr(real, name)


def defer(name: str) -> bool:
    """Put a stand-in for module `name` in sys.modules unless it is imported already; False if the
    package it belongs to is not installed (nothing is put). Only the top-level package is looked
    up: finding a submodule would import its package, which is what is being put off."""
    if name in sys.modules:
        return True
    if importlib.util.find_spec(name.partition(".")[0]) is None:
        return False
    sys.modules[name] = _OnFirstUse(name)
    return True
