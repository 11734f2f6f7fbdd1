"""Bytes -> text for Chinese articles: UTF-8 (with or without BOM), UTF-16/32 with a BOM, GB18030/GBK, Big5.

UTF-8 is tried strictly first because it is by far the most common and a clean
strict decode is near-proof; only then does charset-normalizer choose between
the two legacy Chinese families (GBK is a subset of GB18030, so GB18030 covers both).
"""

from __future__ import annotations

from bilingual.errors import BilingualError

LEGACY_CANDIDATES = ["gb18030", "big5"]
# Byte-order marks of the wide Unicode encodings, longest first (UTF-32 LE starts like UTF-16 LE).
_WIDE_BOMS = ((b"\xff\xfe\x00\x00", "utf-32-le", "UTF-32"), (b"\x00\x00\xfe\xff", "utf-32-be", "UTF-32"),
              (b"\xff\xfe", "utf-16-le", "UTF-16"), (b"\xfe\xff", "utf-16-be", "UTF-16"))

# Magic numbers of files that are clearly not articles, with a name for the error line.
_BINARY_MAGIC = {
    b"\x89PNG": "a PNG image",
    b"\xff\xd8\xff": "a JPEG image",
    b"GIF8": "a GIF image",
    b"%PDF": "a PDF file",
    b"PK\x03\x04": "a zip archive",
    b"\x1f\x8b": "a gzip archive",
    b"\x7fELF": "a program",
}


def binary_kind(data: bytes) -> str | None:
    """What kind of binary file `data` is, or None when it looks like text."""
    for magic, kind in _BINARY_MAGIC.items():
        if data.startswith(magic):
            return kind
    if b"\x00" in data[:8192]:
        return "a binary file"
    return None


def _wide(data: bytes, name: str) -> str | None:
    """UTF-16/32 text: decoded when it has a byte-order mark, refused with the fix when it has none."""
    for bom, codec, label in _WIDE_BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom):].decode(codec)
            except UnicodeDecodeError as e:
                raise BilingualError(f"{name}: has a {label} mark but bytes that are not {label} "
                                     f"(at byte {e.start + len(bom)}); save it as UTF-8") from None
    return None


def _no_mark(name: str) -> BilingualError:
    return BilingualError(f"{name}: looks like UTF-16 text without a byte-order mark; save it as UTF-8")


# Where the characters of Chinese text in UTF-16 fall: ASCII, CJK punctuation, ideographs, full-width forms.
_TEXT_RANGES = ((0x09, 0x0D), (0x20, 0x7E), (0x2000, 0x206F), (0x3000, 0x303F), (0x3400, 0x9FFF), (0xFF00, 0xFFEF))


def _looks_utf16(data: bytes) -> bool:
    """UTF-16 without a mark: the head decodes (either byte order) to text that is nearly all ASCII,
    CJK punctuation and ideographs, as Chinese and English are. GBK, Big5 or UTF-8 bytes read as
    UTF-16 scatter over Hangul, private use and the rest; a binary file holds NULs and controls."""
    head = data[:4096]
    head = head[: len(head) - len(head) % 2]
    if len(head) < 8:
        return False
    for codec in ("utf-16-le", "utf-16-be"):
        try:
            text = head.decode(codec)
        except UnicodeDecodeError:
            continue
        inside = sum(1 for c in text if any(lo <= ord(c) <= hi for lo, hi in _TEXT_RANGES))
        if inside >= 0.95 * len(text):
            return True
    return False


def decode(data: bytes, name: str = "input") -> str:
    """Decode an article's bytes; raise BilingualError naming the file when that is impossible."""
    wide = _wide(data, name)
    if wide is not None:
        if not wide.strip():
            raise BilingualError(f"{name}: the file is empty")
        if "\x00" in wide:
            raise BilingualError(f"{name}: a NUL character in the text: the file is damaged or not text")
        return wide
    if not data.strip():
        raise BilingualError(f"{name}: the file is empty")
    if b"\x00" in data[:4096] and _looks_utf16(data):
        raise _no_mark(name)
    kind = binary_kind(data)
    if kind:
        raise BilingualError(f"{name}: not a text article ({kind})")
    nul = data.find(b"\x00")  # binary_kind looks at the head only; a NUL later is damage, not text
    if nul >= 0:
        raise BilingualError(f"{name}: a NUL byte at byte {nul}: the file is damaged or not text")
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
        try:
            return data.decode("utf-8")
        except UnicodeDecodeError as e:
            raise BilingualError(f"{name}: has a UTF-8 mark but bytes that are not UTF-8 (at byte {e.start})") from e
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as e:
        if e.reason == "unexpected end of data" and len(data) - e.start < 4 and e.start > 0:
            raise BilingualError(f"{name}: the UTF-8 text ends in the middle of a character "
                                 f"(at byte {e.start}): the file is truncated") from None
    if _looks_utf16(data):
        raise _no_mark(name)
    from charset_normalizer import from_bytes  # here, not at the top: 30 ms of import for the rare legacy file

    best = from_bytes(data, cp_isolation=LEGACY_CANDIDATES).best()
    if best is None:
        raise BilingualError(
            f"{name}: cannot decode the text (tried UTF-8, GB18030/GBK and Big5); save it as UTF-8")
    text = str(best)
    if "\ufffd" in text or _control_share(text) > 0.01:
        raise BilingualError(f"{name}: the text decodes to garbage (tried UTF-8, GB18030/GBK and Big5)")
    return text


def _control_share(text: str) -> float:
    """Share of C0/C1 control characters other than whitespace: high means a wrong guess."""
    if not text:
        return 0.0
    bad = sum(1 for c in text if (ord(c) < 32 and c not in "\t\n\r\f") or 0x7F <= ord(c) < 0xA0)
    return bad / len(text)
