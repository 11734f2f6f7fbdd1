"""Argos Translate packages on disk: where they live, which are installed, installing one.

We keep Argos Translate's on-disk format and location exactly (a folder per
package holding metadata.json, model/ and a tokenizer, in $ARGOS_PACKAGES_DIR
or ~/.local/share/argos-translate/packages), so packages installed by
`argospm` are seen here and ours are seen by argostranslate. We do not call
argostranslate.package for it, because in-process it is unsafe for us:
importing argostranslate.settings creates folders under ~/.config,
~/.local/share and ~/.local/cache and freezes the package folder at first
import; `install_from_path` extracts without checking the archive and then
imports argostranslate.translate, which pulls in stanza and torch. Reading a
folder of metadata.json files and extracting a checked zip is a few lines.

The network is used in `download` only, when the user asks for it.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import stat
import tempfile
import zipfile
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from bilingual.errors import BilingualError, OutputError, SetupError
from bilingual.files import load_json, read_bytes
from bilingual.settings import packages_dir
from bilingual.translate.checksum import file_checksum

DEFAULT_INDEX = "https://raw.githubusercontent.com/argosopentech/argospm-index/main/"
# source.spm + target.spm: a CTranslate2 model folder with one SentencePiece model per side (OPUS-MT),
# installed by bilingual/translate/model_folder.py.
TOKENIZER_FILES = {"sentencepiece.model": "sentencepiece", "bpe.model": "bpe", "source.spm": "sentencepiece-pair"}
DownloadProgress = Callable[[int, int], None]
# What a model archive may unpack to: in all (the zh->en package is about 100 MB; the largest
# Argos packages stay well under 1 GB), and per compressed byte (model weights hardly compress;
# a 1 MB archive that unpacks to 1.1 GB is a bomb). Checked from the archive's directory,
# whose sizes zipfile enforces while extracting.
MAX_UNPACKED_BYTES = 2 * 1024**3
MAX_RATIO = 50
RATIO_FLOOR = 64 * 1024**2  # small archives (a tiny test model, metadata) are not held to the ratio
MAX_MEMBERS = 10_000
MAX_METADATA_BYTES = 1024**2
MAX_INDEX_BYTES = 64 * 1024**2


@dataclass(frozen=True)
class PackageInfo:
    """An installed (or just validated) translation package."""

    name: str  # folder name, e.g. translate-zh_en-1_9
    path: Path
    from_code: str
    to_code: str
    from_name: str = ""
    to_name: str = ""
    package_version: str = ""
    argos_version: str = ""
    type: str = "translate"
    target_prefix: str = ""
    tokenizer: str = ""  # "sentencepiece", "bpe", "sentencepiece-pair" or "" (none found)
    # Tokens put around every source sentence (NLLB's language token, OPUS-MT's </s>): folder installs only.
    source_prefix: str = ""
    source_suffix: str = ""

    def describe(self) -> str:
        names = f"{self.from_name or self.from_code} → {self.to_name or self.to_code}"
        return f"{self.name} ({self.from_code}→{self.to_code}, {names}, version {self.package_version or '?'})"


def _info_from_metadata(meta: object, name: str, path: Path, files: set[str]) -> PackageInfo:
    if not isinstance(meta, dict):
        raise ValueError("metadata.json is not a JSON object")
    tokenizer = next((kind for file, kind in TOKENIZER_FILES.items() if file in files), "")

    def text(key: str) -> str:
        value = meta.get(key, "")
        return value if isinstance(value, str) else str(value)

    return PackageInfo(
        name=name, path=path, from_code=text("from_code"), to_code=text("to_code"),
        from_name=text("from_name"), to_name=text("to_name"), package_version=text("package_version"),
        argos_version=text("argos_version"), type=text("type") or "translate",
        target_prefix=text("target_prefix"), tokenizer=tokenizer,
        source_prefix=text("source_prefix"), source_suffix=text("source_suffix"),
    )


def read_package(folder: Path) -> PackageInfo:
    """The PackageInfo of an installed package folder; BilingualError if it is not one."""
    try:
        raw = read_bytes(folder / "metadata.json", "a package's metadata.json", limit=MAX_METADATA_BYTES)
        meta = load_json(raw, str(folder / "metadata.json"), "a package's metadata.json")
        files = {p.name for p in folder.iterdir()}
        return _info_from_metadata(meta, folder.name, folder, files)
    except (OSError, ValueError, BilingualError) as e:
        raise SetupError(f"not a usable translation package: {folder} ({e})") from None


def list_packages(directory: Path | None = None) -> list[PackageInfo]:
    """Installed packages (folders with a readable metadata.json), sorted by name."""
    directory = directory or packages_dir()
    if not directory.is_dir():
        return []
    found = []
    for folder in sorted(directory.iterdir()):
        if folder.name.startswith(".") or not (folder / "metadata.json").is_file():
            continue
        try:
            found.append(read_package(folder))
        except BilingualError:
            continue  # a broken folder is not a package; `models list` shows what works
    return found


def _version_key(version: str) -> tuple:
    parts = []
    for part in version.replace("-", ".").split("."):
        parts.append((0, int(part), "") if part.isdigit() else (1, 0, part))
    return tuple(parts)


def candidates(from_code: str = "zh", to_code: str = "en") -> list[PackageInfo]:
    """The installed translate packages for a language pair, newest version first."""
    found = [p for p in list_packages() if p.type == "translate"
             and p.from_code == from_code and p.to_code == to_code]
    return sorted(found, key=lambda p: (_version_key(p.package_version), p.name), reverse=True)


def find_package(from_code: str = "zh", to_code: str = "en") -> PackageInfo | None:
    """The installed translate package for a language pair (newest version), or None."""
    found = candidates(from_code, to_code)
    return found[0] if found else None


def _checked_members(zf: zipfile.ZipFile, source: Path) -> str:
    """The archive's single top-level folder; BilingualError for anything that could escape it."""
    tops = set()
    infos = zf.infolist()
    if len(infos) > MAX_MEMBERS:
        raise BilingualError(f"{source} is not an Argos package: {len(infos)} files in the archive")
    unpacked = sum(i.file_size for i in infos)
    packed = max(1, sum(i.compress_size for i in infos))
    if unpacked > MAX_UNPACKED_BYTES or (unpacked > RATIO_FLOOR and unpacked > MAX_RATIO * packed):
        raise BilingualError(f"{source} would unpack to {unpacked / 2**20:.0f} MB from {packed / 2**20:.1f} MB: "
                             f"not a model archive (the limits are {MAX_UNPACKED_BYTES // 2**30} GB and "
                             f"{MAX_RATIO}:1); not installed")
    for info in infos:
        name = info.filename
        parts = PurePosixPath(name).parts
        if (not name or name.startswith(("/", "\\")) or "\\" in name or ".." in parts
                or (parts and ":" in parts[0]) or "\x00" in name):
            raise BilingualError(f"unsafe path {name!r} in model archive {source}: not installed")
        if stat.S_ISLNK(info.external_attr >> 16):
            raise BilingualError(f"symbolic link {name!r} in model archive {source}: not installed")
        tops.add(parts[0])
    if len(tops) != 1:
        raise BilingualError(f"{source} is not an Argos package: expected one top-level folder, "
                             f"found {len(tops)}")
    top = tops.pop()
    if top in (".", "") or top.startswith("."):
        raise BilingualError(f"{source} is not an Argos package: bad folder name {top!r}")
    return top


def install_file(path: Path, *, from_code: str = "zh", to_code: str = "en",
                 directory: Path | None = None) -> PackageInfo:
    """Check and install a .argosmodel file; returns the installed package.

    Checked before anything is written: a zip, one top folder with
    metadata.json, model/model.bin and a tokenizer, the expected language
    direction, and no member that could land outside the package folder.
    Installation extracts into a temporary folder and renames it into place,
    so a failure never leaves a half-installed package. The model's sha256 is
    kept beside it (translate/checksum.py), so builds need not hash it.
    """
    path = Path(path)
    if not path.is_file():
        raise BilingualError(f"no such model file: {path}")
    if not zipfile.is_zipfile(path):
        raise BilingualError(f"{path} is not an Argos model: not a complete zip archive "
                             "(.argosmodel files are zip archives; a cut-off download?)")
    target_root = directory or packages_dir()
    try:
        with zipfile.ZipFile(path) as zf:
            top = _checked_members(zf, path)
            names = set(zf.namelist())
            if f"{top}/metadata.json" not in names:
                raise BilingualError(f"{path} is not an Argos package: no {top}/metadata.json")
            try:
                if zf.getinfo(f"{top}/metadata.json").file_size > MAX_METADATA_BYTES:
                    raise ValueError("larger than 1 MB")
                meta = load_json(zf.read(f"{top}/metadata.json"), f"{top}/metadata.json", "a JSON object")
                files = {PurePosixPath(n).parts[1] for n in names if len(PurePosixPath(n).parts) > 1}
                info = _info_from_metadata(meta, top, target_root / top, files)
            except (ValueError, UnicodeDecodeError, BilingualError) as e:
                raise BilingualError(f"{path}: unreadable metadata.json ({e})") from None
            if info.type != "translate" or (info.from_code, info.to_code) != (from_code, to_code):
                raise BilingualError(
                    f"{path} is a {info.type} package for {info.from_code or '?'}→{info.to_code or '?'}, "
                    f"not a {from_code}→{to_code} translation model")
            if f"{top}/model/model.bin" not in names:
                raise BilingualError(f"{path} is not a CTranslate2 Argos package: no {top}/model/model.bin")
            if not info.tokenizer:
                raise BilingualError(f"{path} has no tokenizer (sentencepiece.model or bpe.model)")
            _extract(zf, top, target_root, path)
    except zipfile.BadZipFile as e:
        raise BilingualError(f"{path} is a corrupt model archive: {e}") from None
    return finish_install(target_root / top)


def finish_install(path: Path) -> PackageInfo:
    """Read the package just moved into place and keep its model's checksum (part of the engine
    identity) beside it, so no build hashes model.bin again."""
    installed = read_package(path)
    file_checksum(installed.path / "model" / "model.bin", installed.path)
    return installed


def staging_folder(target_root: Path) -> Path:
    """A hidden folder inside the package folder to assemble a package in (same file system: a rename
    moves it into place); OutputError when the package folder cannot be written."""
    try:
        target_root.mkdir(parents=True, exist_ok=True)
        return Path(tempfile.mkdtemp(prefix=".installing-", dir=target_root))
    except OSError as e:
        raise OutputError(f"cannot write to the model folder {target_root}: {e.strerror or e}") from None


def move_into_place(package: Path, target_root: Path) -> None:
    """Rename an assembled package folder over the installed one of the same name (old copy removed)."""
    final = target_root / package.name
    if final.exists():
        old = target_root / f".replaced-{package.name}"
        shutil.rmtree(old, ignore_errors=True)
        final.rename(old)
        package.rename(final)
        shutil.rmtree(old, ignore_errors=True)
    else:
        package.rename(final)


def _extract(zf: zipfile.ZipFile, top: str, target_root: Path, source: Path) -> None:
    staging = staging_folder(target_root)
    try:
        zf.extractall(staging)  # members were checked above: nothing can leave `staging`
        _check_tokenizer(staging / top, source)  # before it is installed: a build must be able to load it
        move_into_place(staging / top, target_root)
    except (zipfile.BadZipFile, EOFError, zlib.error) as e:
        raise BilingualError(f"{source} is a corrupt model archive: {e}") from None
    except OSError as e:
        raise OutputError(f"cannot install {source} into {target_root}: {e.strerror or e}") from None
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def load_sentencepiece(model: Path):
    """A SentencePiece processor for `model`; SetupError naming the file when it is not one."""
    import sentencepiece as spm

    try:
        return spm.SentencePieceProcessor(model_file=str(model))
    except (RuntimeError, OSError, ValueError, TypeError) as e:
        reason = str(e).strip().splitlines()[-1:] or [type(e).__name__]
        raise SetupError(f"cannot read the SentencePiece tokenizer {model}: {reason[0]}") from None


def _check_tokenizer(folder: Path, source: Path) -> None:
    """The unpacked package's SentencePiece model loads (a garbage one once installed fine and then
    broke every build); BilingualError naming the archive when it does not."""
    model = folder / "sentencepiece.model"
    if not model.is_file():
        return  # a BPE package: argostranslate's reader checks it when the engine loads
    try:
        load_sentencepiece(model)
    except SetupError as e:
        raise BilingualError(f"{source} is not a usable model: {e}; not installed") from None


def download(from_code: str = "zh", to_code: str = "en", progress: DownloadProgress | None = None) -> PackageInfo:
    """Download the newest package for a language pair from the Argos index and install it.

    The only function that uses the network, and only when the user asks.
    $ARGOS_PACKAGE_INDEX overrides the index location (a file:// URL serves a local mirror).
    Only https:// and file:// are used: plain http could be altered on the way. When the
    index entry gives a sha256, the download must match it before anything is installed.
    `progress(bytes_done, bytes_total)` is called while downloading (total 0 if unknown).
    """
    import urllib.error
    import urllib.request

    index_url = index_location() + "index.json"
    if not index_url.startswith(SAFE_SCHEMES):
        raise BilingualError(f"refusing the package index at {index_url}: only https:// or file:// "
                             f"(set ARGOS_PACKAGE_INDEX to one)")
    try:
        with urllib.request.urlopen(index_url, timeout=30) as response:
            raw = response.read(MAX_INDEX_BYTES + 1)
    except (urllib.error.URLError, OSError, ValueError) as e:
        reason = getattr(e, "reason", None) or e
        raise SetupError(f"cannot read the Argos package index at {index_url} ({reason}); offline? "
                         f"install a file instead: bilingual models install FILE.argosmodel") from None
    if len(raw) > MAX_INDEX_BYTES:
        raise SetupError(f"the Argos package index at {index_url} is larger than {MAX_INDEX_BYTES // 2**20} MB")
    try:
        index = load_json(raw, index_url, "an Argos package index")
    except BilingualError as e:
        raise SetupError(str(e)) from None
    if not isinstance(index, list):
        raise SetupError(f"{index_url}: not an Argos package index (not a JSON list)")
    entries = [e for e in index if isinstance(e, dict) and e.get("type", "translate") == "translate"
               and e.get("from_code") == from_code and e.get("to_code") == to_code and e.get("links")]
    if not entries:
        raise SetupError(f"the Argos package index has no {from_code}→{to_code} translation package")
    entry = max(entries, key=lambda e: _version_key(str(e.get("package_version", ""))))
    expected = expected_sha256(entry)
    target_root = packages_dir()
    try:
        target_root.mkdir(parents=True, exist_ok=True)
        fd, tmp_name = tempfile.mkstemp(prefix=".download-", suffix=".argosmodel", dir=target_root)
    except OSError as e:
        raise OutputError(f"cannot write to the model folder {target_root}: {e.strerror or e}") from None
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "wb") as out:
            digest = _fetch(entry["links"], out, progress, _entry_size(entry))
        if expected and digest != expected:
            raise BilingualError(f"the downloaded {from_code}→{to_code} package does not match the index's sha256 "
                                 f"(expected {expected[:16]}…, got {digest[:16]}…): not installed")
        return install_file(tmp, from_code=from_code, to_code=to_code, directory=target_root)
    finally:
        tmp.unlink(missing_ok=True)


# https:// for the network; file:// serves a local mirror of the index (and the tests). Never plain http.
SAFE_SCHEMES = ("https://", "file://")


def index_location() -> str:
    """The package index folder URL: $ARGOS_PACKAGE_INDEX, else Argos Translate's public index."""
    return (os.environ.get("ARGOS_PACKAGE_INDEX") or DEFAULT_INDEX).rstrip("/") + "/"


def expected_sha256(entry: dict) -> str:
    """The sha256 an index entry gives for its file ("sha256": HEX or "checksum": "sha256:HEX"), else ""."""
    for key in ("sha256", "checksum"):
        value = entry.get(key)
        if isinstance(value, str) and value:
            algo, _, digest = value.rpartition(":")
            if algo.lower() in ("", "sha256") and len(digest) == 64:
                return digest.lower()
    return ""


def _entry_size(entry: dict) -> int:
    size = entry.get("size")
    return size if isinstance(size, int) and size > 0 else 0


def _fetch(links: list[str], out, progress: DownloadProgress | None, size: int = 0) -> str:
    """Write the first link that downloads into `out`; returns its sha256."""
    import urllib.error
    import urllib.request

    errors = []
    for link in links:
        if not isinstance(link, str):
            continue
        if link.startswith("http://"):
            errors.append(f"{link}: refused, plain http (only https or file)")
            continue
        if not link.startswith(SAFE_SCHEMES):
            continue  # ipfs:// and the like
        try:
            request = urllib.request.Request(link, headers={"User-Agent": "bilingual (argos package download)"})
            with urllib.request.urlopen(request, timeout=60) as response:
                total = int(response.headers.get("Content-Length") or 0) or size
                done = 0
                digest = hashlib.sha256()
                out.seek(0)
                out.truncate()
                while chunk := response.read(1 << 20):
                    out.write(chunk)
                    digest.update(chunk)
                    done += len(chunk)
                    if progress:
                        progress(done, total)
                return digest.hexdigest()
        except (urllib.error.URLError, OSError) as e:
            errors.append(f"{link}: {getattr(e, 'reason', None) or e}")
    raise SetupError("download failed: " + ("; ".join(errors) or "no usable link in the package index"))
