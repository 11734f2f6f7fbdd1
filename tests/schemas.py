"""The official interchange schemas in ../shared/schemas (see its SOURCES.md), loaded offline with lxml.

Tests skip, saying why, when the folder is absent (a checkout without the shared workspace).
Nothing is fetched: the one remote reference (the W3C xml.xsd that the XLIFF 1.2 schema imports by
URL) is mapped to the local copy, and every parser has no_network=True.
"""

from __future__ import annotations

import os
from functools import cache
from pathlib import Path

import pytest
from lxml import etree

from tests.conftest import SHARED

# $BILINGUAL_SCHEMAS points elsewhere (a git worktree, whose ../shared is not the workspace's).
SCHEMAS = Path(os.environ.get("BILINGUAL_SCHEMAS") or SHARED / "schemas")
XML_XSD_URL = "http://www.w3.org/2001/xml.xsd"

needs_schemas = pytest.mark.skipif(not (SCHEMAS / "SOURCES.md").is_file(),
                                   reason=f"the official schemas are not at {SCHEMAS} (../shared/schemas)")


class _Local(etree.Resolver):
    def resolve(self, url, pubid, context):
        if url == XML_XSD_URL:
            return self.resolve_filename(str(SCHEMAS / "xml.xsd"), context)
        if url and url.startswith(("http:", "https:")):
            raise AssertionError(f"schema wants the network: {url}")
        return None


def _parser() -> etree.XMLParser:
    parser = etree.XMLParser(no_network=True, resolve_entities=False)
    parser.resolvers.add(_Local())
    return parser


@cache
def xsd(relative: str) -> etree.XMLSchema:
    return etree.XMLSchema(etree.parse(str(SCHEMAS / relative), _parser()))


@cache
def dtd(relative: str) -> etree.DTD:
    return etree.DTD(str(SCHEMAS / relative))


def errors(schema, path: Path) -> list[str]:
    """Every validation error of the file (empty when valid), as 'line N: message'."""
    tree = etree.parse(str(path), etree.XMLParser(no_network=True, resolve_entities=False, load_dtd=False))
    schema.validate(tree)
    return [f"line {e.line}: {e.message}" for e in schema.error_log]
