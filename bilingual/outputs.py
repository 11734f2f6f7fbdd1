"""A command's outputs as one set: never an input, all or nothing, leftovers cleaned.

- `refuse_inputs`: before any work, no output may resolve to an input (same path after
  symlinks, or the same file through a hard link): `build a.html -o .` would replace its
  own source. A UsageError (exit 2) names both.
- `Staged`: a build writes every page, JSON, index and book into a hidden folder inside
  the output folder, marks it complete (a COMMIT list written atomically), then moves
  each file into place. A build killed before COMMIT leaves only the hidden folder,
  which the next build into that folder removes; one killed during the moves is rolled
  forward by the next build, so the folder never keeps a page without its JSON.
- `clean_leftovers`: removes those folders and write_atomic's `.part` files whose
  writing process is gone (the pid is in the name; a live writer's are left alone).
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from bilingual.errors import OutputError, UsageError
from bilingual.files import TEMP_NAME, temp_name, write_atomic

COMMIT = "COMMIT"
MAX_NAME_BYTES = 255  # what ext4, APFS, NTFS and most others allow per name


def _identity(path: Path) -> tuple[str, tuple[int, int] | None]:
    """(real path, (device, inode) when it exists): two paths are one file if either matches."""
    real = os.path.realpath(path)
    try:
        info = os.stat(real)
        return real, (info.st_dev, info.st_ino)
    except OSError:
        return real, None


def refuse_inputs(outputs: list[Path], inputs: list[Path]) -> None:
    """UsageError when an output is one of the inputs (checked before anything is read or written)."""
    known: dict[object, Path] = {}
    for path in inputs:
        real, inode = _identity(path)
        known[real] = path
        if inode is not None:
            known[inode] = path
    for out in outputs:
        real, inode = _identity(out)
        hit = known.get(real) or (known.get(inode) if inode is not None else None)
        if hit is not None:
            raise UsageError(f"{out}: the output would overwrite the input {hit}; choose another output "
                             f"{'folder' if Path(out).suffix else 'file'}")


def refuse_clashes(names: list[str], folder: Path) -> None:
    """UsageError when two outputs would share a file name (letter case ignored: macOS and Windows
    ignore it) or a name is too long for the file system."""
    seen: dict[str, str] = {}
    for name in names:
        if len(name.encode("utf-8")) > MAX_NAME_BYTES:
            raise UsageError(f"{folder / name}: the file name is longer than {MAX_NAME_BYTES} bytes; "
                             "rename the input")
        key = name.casefold()
        if key in seen:
            raise UsageError(f"{folder}: two outputs would both be named {name!r} "
                             f"({seen[key]!r} and {name!r}); rename one input")
        seen[key] = name


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OSError):
        return True  # someone else's live process
    return True


def clean_leftovers(folder: Path) -> list[str]:
    """Finish or remove what interrupted writers left in `folder`; the names handled.

    A staged build with its COMMIT list is moved into place (it had finished writing);
    anything else of a process that is gone is removed.
    """
    handled: list[str] = []
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return handled
    for entry in entries:
        m = TEMP_NAME.match(entry.name)
        if not m or _alive(int(m.group(1))):
            continue
        path = Path(entry.path)
        if entry.is_dir(follow_symlinks=False):
            if (path / COMMIT).is_file():
                _move_in(path, folder)
            shutil.rmtree(path, ignore_errors=True)
        else:
            path.unlink(missing_ok=True)
        handled.append(entry.name)
    return handled


def _move_in(staging: Path, folder: Path) -> list[Path]:
    """Move the files COMMIT lists from `staging` into `folder` (those already moved are skipped)."""
    moved = []
    names = (staging / COMMIT).read_text(encoding="utf-8").splitlines()
    for name in names:
        if not name or "/" in name or name in (".", ".."):
            continue
        src = staging / name
        if src.exists() and _same_bytes(src, folder / name):
            src.unlink()  # an output whose bytes did not change keeps its file (and mtime)
        elif src.exists():
            try:
                os.replace(src, folder / name)
            except OSError as e:
                raise OutputError(f"cannot write {folder / name}: {e.strerror or e}") from None
        moved.append(folder / name)
    return moved


def _same_bytes(a: Path, b: Path) -> bool:
    try:
        return b.is_file() and a.stat().st_size == b.stat().st_size and a.read_bytes() == b.read_bytes()
    except OSError:
        return False


class Staged:
    """The outputs of one build, written together or not at all.

        with Staged(out_dir) as stage:
            write_html(doc, stage.path("a.html")) ...
            final = stage.commit()
    """

    def __init__(self, folder: Path) -> None:
        self.folder = Path(folder)
        self.staging = self.folder / temp_name(".tmp")
        self.names: list[str] = []

    def __enter__(self) -> Staged:
        clean_leftovers(self.folder)
        try:
            self.staging.mkdir()
        except OSError as e:
            raise OutputError(f"cannot write in {self.folder}: {e.strerror or e}") from None
        return self

    def path(self, name: str) -> Path:
        """Where to write the output `name` for now."""
        self.names.append(name)
        return self.staging / name

    def commit(self) -> list[Path]:
        """Move every staged output into the folder; their final paths, in the order they were named."""
        write_atomic(self.staging / COMMIT, "\n".join(self.names) + "\n")
        return _move_in(self.staging, self.folder)

    def __exit__(self, exc_type, exc, tb) -> None:
        shutil.rmtree(self.staging, ignore_errors=True)
        if isinstance(exc, OutputError) and str(self.staging) in str(exc):
            # "cannot write out/a.html: No space left on device", not the hidden folder's name
            raise OutputError(str(exc).replace(str(self.staging), str(self.folder))) from None
