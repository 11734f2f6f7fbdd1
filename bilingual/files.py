"""File I/O at the edges: atomic output (a reader never sees a half-written file), input read
with one clear line when it cannot be, and JSON read with a bound on its nesting.

Limits stated here (docs/input-formats.md lists them all):
- only regular files are read: a device (/dev/zero), a FIFO or a socket is refused before it is
  opened for reading, so nothing blocks forever or reads without end;
- JSON nests at most MAX_JSON_DEPTH deep (Python's parser would otherwise recurse until it dies).
"""

from __future__ import annotations

import json
import os
import re
import secrets
import stat
from pathlib import Path

from bilingual.errors import BilingualError, OutputError

# Temp files are `.bl-<pid>-<random>.part` beside their target: short, whatever the target's
# name (a 79-character CJK name is 237 bytes, and a name may have 255), and the pid lets a
# later build tell an interrupted writer's leftovers from a live one's (bilingual.outputs).
TEMP_PREFIX = ".bl-"
TEMP_SUFFIX = ".part"
TEMP_NAME = re.compile(r"^\.bl-(\d+)-[0-9a-f]+(\.part|\.tmp)$")
MAX_JSON_DEPTH = 64

_KINDS = ((stat.S_ISCHR, "a character device"), (stat.S_ISBLK, "a block device"),
          (stat.S_ISFIFO, "a FIFO (named pipe)"), (stat.S_ISSOCK, "a socket"))


def temp_name(suffix: str = TEMP_SUFFIX) -> str:
    """A short, unique hidden name for a file (or folder) being written by this process."""
    return f"{TEMP_PREFIX}{os.getpid()}-{secrets.token_hex(4)}{suffix}"


def write_atomic(path: Path, data: str | bytes) -> Path:
    """Write to a temp file in the same folder, then rename over `path`.

    A file that already holds exactly these bytes is left alone: a rebuild
    whose inputs did not change rewrites nothing (mtimes stay, so make, rsync
    and e-readers see no change). Any OS error (a full disk, a read-only
    folder) is one OutputError line naming `path`.
    """
    path = Path(path)
    payload = data.encode("utf-8") if isinstance(data, str) else data
    if _holds(path, payload):
        return path
    tmp = path.parent / temp_name()
    try:
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0), 0o644)
    except OSError as e:
        raise OutputError(f"cannot write {path}: {e.strerror or e}") from None
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(payload)
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except OSError as e:
        tmp.unlink(missing_ok=True)
        raise OutputError(f"cannot write {path}: {e.strerror or e}") from None
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return path


def _holds(path: Path, payload: bytes) -> bool:
    """True when `path` is a regular file whose bytes are `payload` (sizes compared first)."""
    try:
        if not path.is_file() or path.stat().st_size != len(payload):
            return False
        return path.read_bytes() == payload
    except OSError:
        return False


def special_kind(mode: int) -> str | None:
    """What a non-regular, non-folder file is ("a FIFO (named pipe)" ...), or None."""
    for test, kind in _KINDS:
        if test(mode):
            return kind
    return None


def read_bytes(path: Path, what: str, *, limit: int | None = None) -> bytes:
    """The bytes of a regular file `path`, or one BilingualError line saying why not.

    `what` names the expected file ("a document JSON file"). The file is opened
    without blocking and checked with fstat before a byte is read: a FIFO, a
    device or a folder is refused, and so is a file larger than `limit`.
    """
    path = Path(path)
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0))
    except FileNotFoundError:
        raise BilingualError(f"no such file: {path}") from None
    except IsADirectoryError:
        raise BilingualError(f"{path}: is a folder, expected {what}") from None
    except OSError as e:
        raise BilingualError(f"{path}: cannot read ({e.strerror or e})") from None
    try:
        info = os.fstat(fd)
        if stat.S_ISDIR(info.st_mode):
            raise BilingualError(f"{path}: is a folder, expected {what}")
        if not stat.S_ISREG(info.st_mode):
            raise BilingualError(f"{path}: is {special_kind(info.st_mode) or 'not a regular file'}, "
                                 f"expected {what} (only regular files are read)")
        if limit is not None and info.st_size > limit:
            raise BilingualError(f"{path}: too large for {what} ({info.st_size} bytes, the limit is {limit})")
        chunks, size = [], 0
        while chunk := os.read(fd, 1 << 20):
            chunks.append(chunk)
            size += len(chunk)
            if limit is not None and size > limit:  # a file that grows while we read it
                raise BilingualError(f"{path}: too large for {what} (over {limit} bytes)")
        return b"".join(chunks)
    except OSError as e:
        raise BilingualError(f"{path}: cannot read ({e.strerror or e})") from None
    finally:
        os.close(fd)


def is_regular(path: Path) -> bool:
    """True for a regular file (following links); never opens it, so a FIFO cannot block."""
    try:
        return stat.S_ISREG(os.stat(path).st_mode)
    except (OSError, ValueError):
        return False


# Strings (skipped whole) and brackets: the only tokens that change JSON nesting.
_JSON_NESTING = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"|[\[\]{}]', re.S)


def json_depth(text: str, limit: int = MAX_JSON_DEPTH) -> int:
    """How deep `text`'s arrays and objects nest (stops counting past `limit`): one regex pass."""
    depth = deepest = 0
    for m in _JSON_NESTING.finditer(text):
        token = m.group()
        if token in "[{":
            depth += 1
            if depth > deepest:
                deepest = depth
                if deepest > limit:
                    break
        elif token in "]}":
            depth -= 1
    return deepest


def load_json(raw: bytes | str, name: str, what: str = "a JSON file", *, max_depth: int = MAX_JSON_DEPTH):
    """Parsed JSON, or one BilingualError line: not UTF-8, invalid, or nested deeper than `max_depth`."""
    try:
        text = raw.decode("utf-8-sig") if isinstance(raw, bytes) else raw
    except UnicodeDecodeError:
        raise BilingualError(f"{name}: not {what} (not UTF-8 text)") from None
    if json_depth(text, max_depth) > max_depth:
        raise BilingualError(f"{name}: not {what} (JSON nested deeper than {max_depth} levels)")
    try:
        return json.loads(text)
    except json.JSONDecodeError as e:
        raise BilingualError(f"{name}: not {what} (invalid JSON at line {e.lineno}, column {e.colno}: "
                             f"{e.msg})") from None
    except (RecursionError, ValueError) as e:  # the depth scan is a bound, not a parser: stay safe
        raise BilingualError(f"{name}: not {what} ({type(e).__name__})") from None
