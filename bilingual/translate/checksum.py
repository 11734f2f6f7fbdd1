"""The model file's sha256, read once per file version and remembered in a small sidecar.

The engine identity (the translation memory's key) names the exact weights, so
it holds a checksum of model.bin. Hashing 80-100 MB costs 0.3-0.5 s, which a
cached rebuild must not pay: the digest is kept next to the package in
`.bilingual-checksum.json` with the file's size, mtime and inode, and trusted
while those match (the test a rebuild tool like make would use). Where the
package folder cannot be written (a shared, read-only install), the sidecar
goes to the cache folder instead; if neither can be written, the file is
hashed once per process.
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
    stamp = _stamp(path)
    key = (str(path.resolve()), stamp["size"], stamp["mtime_ns"], stamp["inode"])
    if key in _KNOWN:
        return _KNOWN[key]
    name = path.relative_to(package).as_posix() if path.is_relative_to(package) else path.name
    sidecars = _sidecars(path, Path(package))
    for sidecar in sidecars:
        try:
            kept = json.loads(sidecar.read_text(encoding="utf-8")).get(name, {})
        except (OSError, ValueError, AttributeError):
            continue
        if isinstance(kept, dict) and {k: kept.get(k) for k in stamp} == stamp and isinstance(kept.get("sha256"), str):
            _KNOWN[key] = kept["sha256"]
            return kept["sha256"]
    digest = _KNOWN[key] = sha256(path)
    for sidecar in sidecars:
        if _keep(sidecar, {name: {**stamp, "sha256": digest}}):
            break
    return digest


def _keep(sidecar: Path, data: dict) -> bool:
    """Write the sidecar (atomically: a reader never sees half of it); False when the folder is not writable."""
    tmp = sidecar.with_name(f"{sidecar.name}.{os.getpid()}.part")
    try:
        sidecar.parent.mkdir(parents=True, exist_ok=True)
        tmp.write_text(json.dumps(data), encoding="utf-8")
        os.replace(tmp, sidecar)
        return True
    except OSError:
        with contextlib.suppress(OSError):
            tmp.unlink(missing_ok=True)
        return False
