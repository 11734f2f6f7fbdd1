"""A package file's sha256, read once per file version and remembered in a small sidecar.

The engine identity (the translation memory's key) names the exact weights, so
it holds a checksum of model.bin. Hashing 80-100 MB costs 0.3-0.5 s, which a
cached rebuild must not pay: the digest is kept next to the package in
`.bilingual-checksum.json` with the file's size, mtime and inode, and trusted
while those match (the test a rebuild tool like make would use). Where the
package folder cannot be written (a shared, read-only install), the sidecar
goes to the cache folder instead; if neither can be written, the file is
hashed once per process. The SentencePiece tokenizer gets a record too, once
it has loaded: a file unchanged since it loaded need not be loaded again to
know it is sound (argos._check_tokenizer).
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
from pathlib import Path

from bilingual.settings import cache_home

SIDECAR = ".bilingual-checksum.json"

# Digests already known in this process, keyed by (path, size, mtime, inode).
_KNOWN: dict[tuple[str, int, int, int], str] = {}


def sha256(path: Path) -> str:
    """The file's sha256, read in 1 MiB pieces."""
    digest = hashlib.sha256()
    with Path(path).open("rb") as f:
        while chunk := f.read(1 << 20):
            digest.update(chunk)
    return digest.hexdigest()


def _stamp(path: Path) -> dict[str, int]:
    st = path.stat()
    return {"size": st.st_size, "mtime_ns": st.st_mtime_ns, "inode": st.st_ino}


def _sidecars(path: Path, package: Path) -> list[Path]:
    """Where the digest may be kept: the package folder, else the per-user cache."""
    key = hashlib.sha1(str(path.resolve()).encode("utf-8")).hexdigest()[:16]
    return [package / SIDECAR, cache_home() / "bilingual" / "checksums" / f"{key}.json"]


def file_checksum(path: Path, package: Path) -> str:
    """sha256 of `path` (a file inside the package folder `package`), from a sidecar when it still matches."""
    path = Path(path)
    kept = recorded(path, package)
    if kept is not None:
        return kept
    stamp = _stamp(path)
    digest = _KNOWN[_key(path, stamp)] = sha256(path)
    name = _name(path, Path(package))
    for sidecar in _sidecars(path, Path(package)):
        if _keep(sidecar, name, {**stamp, "sha256": digest}):
            break
    return digest


def recorded(path: Path, package: Path) -> str | None:
    """The sha256 file_checksum recorded for `path`, if the file has not changed since; else None.

    Also what says a file that was once read successfully (a tokenizer) is still
    that file, without reading it again."""
    path = Path(path)
    stamp = _stamp(path)
    key = _key(path, stamp)
    if key in _KNOWN:
        return _KNOWN[key]
    name = _name(path, Path(package))
    for sidecar in _sidecars(path, Path(package)):
        kept = _read(sidecar).get(name)
        if isinstance(kept, dict) and {k: kept.get(k) for k in stamp} == stamp and isinstance(kept.get("sha256"), str):
            _KNOWN[key] = kept["sha256"]
            return kept["sha256"]
    return None


def _key(path: Path, stamp: dict[str, int]) -> tuple[str, int, int, int]:
    return (str(path.resolve()), stamp["size"], stamp["mtime_ns"], stamp["inode"])


def _name(path: Path, package: Path) -> str:
    return path.relative_to(package).as_posix() if path.is_relative_to(package) else path.name


def _read(sidecar: Path) -> dict:
    try:
        data = json.loads(sidecar.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def _keep(sidecar: Path, name: str, record: dict) -> bool:
    """Add one file's record to the sidecar (written atomically: a reader never sees half of it); False when
    the folder is not writable. Two processes recording at once may lose one record: it is made again."""
    tmp = sidecar.with_name(f"{sidecar.name}.{os.getpid()}.part")
    try:
        sidecar.parent.mkdir(parents=True, exist_ok=True)
        tmp.write_text(json.dumps({**_read(sidecar), name: record}), encoding="utf-8")
        os.replace(tmp, sidecar)
        return True
    except OSError:
        with contextlib.suppress(OSError):
            tmp.unlink(missing_ok=True)
        return False
