"""XML from outside read safely: once, well-formed, and with no entity declarations (no XXE, no bombs)."""

from __future__ import annotations

from pathlib import Path

from bilingual.errors import BilingualError
from bilingual.files import read_bytes


def safe_xml_parser():
    from lxml import etree

    return etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False)


def read_xml_safely(path: Path, what: str):
    """(bytes, root element) of an XML file that is well-formed and declares no entities.

    Read and parsed once; readers pass both on rather than reading the file again.

    Entity declarations have no business in a CAT file and are how XXE (reading
    local files) and entity-expansion bombs get in, so they are refused outright.
    """
    from lxml import etree

    raw = read_bytes(path, what)
    if not raw.strip():
        raise BilingualError(f"{path}: empty file, expected {what}")
    refused = BilingualError(f"{path}: declares XML entities (<!ENTITY>); refused, they can read local "
                             "files (XXE) - re-export the file from the CAT tool")
    if b"<!ENTITY" in raw:  # checked before parsing, so an expansion bomb is never expanded
        raise refused
    try:
        tree = etree.fromstring(raw, safe_xml_parser()).getroottree()
    except etree.XMLSyntaxError as e:
        first = (str(e).splitlines() or ["syntax error"])[0]
        raise BilingualError(f"{path}: not a well-formed {what} file ({first})") from None
    dtd = tree.docinfo.internalDTD  # catches declarations in encodings the byte check cannot see
    if dtd is not None and any(True for _ in dtd.iterentities()):
        raise refused
    return raw, tree.getroot()
