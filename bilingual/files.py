"""File I/O at the edges: atomic output (a reader never sees a half-written file) and input read
with one clear line when it cannot be."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from bilingual.errors import BilingualError


def write_atomic(path: Path, data: str | bytes) -> Path:
    """Write to a temp file in the same folder, then rename over `path`."""
    path = Path(path)
    payload = data.encode("utf-8") if isinstance(data, str) else data
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
