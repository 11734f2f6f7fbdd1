"""Fixtures for the check tests: a real Glossary loaded from a small file in the shipped format."""

from __future__ import annotations

import pytest

from tests.check.helpers import GLOSSARY_TSV


@pytest.fixture
def glossary(tmp_path):
    from bilingual.glossary import Glossary

    path = tmp_path / "names.tsv"
    path.write_text(GLOSSARY_TSV, encoding="utf-8")
    return Glossary.load([path])
