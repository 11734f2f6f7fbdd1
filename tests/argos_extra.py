"""argostranslate is an optional extra (`argos`): tests that need it run when it is installed, else skip saying so."""

from __future__ import annotations

import importlib.util

import pytest

HAVE_ARGOSTRANSLATE = importlib.util.find_spec("argostranslate") is not None
requires_argostranslate = pytest.mark.skipif(
    not HAVE_ARGOSTRANSLATE,
    reason="argostranslate (the optional 'argos' extra) is not installed; pip install -e '.[test,argos]' "
           "runs the argostranslate compatibility and BPE tests (CI does)")
