"""File I/O at the edges: atomic output (a reader never sees a half-written file) and input read
with one clear line when it cannot be."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from bilingual.errors import BilingualError


def write_atomic(path: Path, data: str | bytes) -> Path:
    """Write to a temp file in the same folder, then rename over `path`.

    A file that already holds exactly these bytes is left alone: a rebuild
    whose inputs did not change rewrites nothing (mtimes stay, so make, rsync
    and e-readers see no change).
    """
    path = Path(path)
    payload = data.encode("utf-8") if isinstance(data, str) else data
    if _holds(path, payload):
        return path
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(payload)
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
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


def read_bytes(path: Path, what: str) -> bytes:
    """The bytes of `path`, or one BilingualError line saying why not; `what` names the expected file."""
    try:
        return Path(path).read_bytes()
    except FileNotFoundError:
        raise BilingualError(f"no such file: {path}") from None
    except IsADirectoryError:
        raise BilingualError(f"{path}: is a folder, expected {what}") from None
    except OSError as e:
        raise BilingualError(f"{path}: cannot read ({e.strerror or e})") from None
