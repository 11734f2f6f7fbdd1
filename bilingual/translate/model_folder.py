"""Install any CTranslate2 + SentencePiece zh→en model folder, so users are not tied to the Argos index.

A model converted with CTranslate2's converters (`ct2-transformers-converter --model
Helsinki-NLP/opus-mt-zh-en`, an NLLB checkpoint, an OpenNMT model) is a folder with model.bin,
config.json and vocabulary files; next to it the user puts the SentencePiece model(s): one shared
(`sentencepiece.model`, or a single *.spm / *.model) or one per side (`source.spm` + `target.spm`,
as OPUS-MT ships them). Installing checks that both load, then writes an Argos-layout package
(metadata.json, model/, tokenizer) into the package folder, so `models list`, `load_engine` and the
translation memory treat it like any package. Its version is "local", which sorts above every
index version: a model the user installed by hand is the one used (remove its folder to go back).
"""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

from bilingual.errors import BilingualError, OutputError
from bilingual.translate.packages import (
    PackageInfo,
    finish_install,
    move_into_place,
    packages_dir,
    staging_folder,
)

LOCAL_VERSION = "local"
TOKENIZER_NAMES = ("sentencepiece.model", "source.spm", "target.spm")


def _tokenizers(folder: Path) -> dict[str, Path]:
    """Package file name -> the folder's SentencePiece file(s) for it; BilingualError when unclear."""
    if (folder / "sentencepiece.model").is_file():
        return {"sentencepiece.model": folder / "sentencepiece.model"}
    source, target = folder / "source.spm", folder / "target.spm"
    if source.is_file() and target.is_file():
        if source.read_bytes() == target.read_bytes():
            return {"sentencepiece.model": source}
        return {"source.spm": source, "target.spm": target}
    candidates = sorted(p for p in [*folder.glob("*.spm"), *folder.glob("*.model")] if p.is_file())
    if len(candidates) == 1:
        return {"sentencepiece.model": candidates[0]}
    found = ", ".join(p.name for p in candidates) or "none"
    raise BilingualError(f"{folder}: no unambiguous SentencePiece tokenizer (found {found}); put source.spm and "
                         f"target.spm, or one sentencepiece.model, next to model.bin")


def _check_loads(folder: Path, tokenizers: dict[str, Path]) -> None:
    """Both the tokenizer(s) and the CTranslate2 model open, or one line saying which does not."""
    import ctranslate2
    import sentencepiece as spm

    for path in tokenizers.values():
        try:
            spm.SentencePieceProcessor(model_file=str(path))
        except (OSError, RuntimeError) as e:
            raise BilingualError(f"{path} is not a SentencePiece model: {e}") from None
    try:
        ctranslate2.Translator(str(folder), device="cpu", inter_threads=1, intra_threads=1)
    except (RuntimeError, ValueError, IndexError, OSError) as e:
        raise BilingualError(f"{folder} is not a CTranslate2 model CTranslate2 can load: {e}") from None


def _slug(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "_", name.lower()).strip("_") or "model"


def install_folder(folder: Path, *, from_code: str = "zh", to_code: str = "en", source_prefix: str = "",
                   source_suffix: str = "", target_prefix: str = "",
                   directory: Path | None = None) -> PackageInfo:
    """Install a CTranslate2 model folder plus SentencePiece tokenizer(s) as a zh→en package.

    source_prefix / source_suffix / target_prefix are tokens the model needs around each sentence
    (NLLB: zho_Hans … </s> and eng_Latn; an OPUS-MT conversion without add_source_eos: </s>).
    Written to a temporary folder and renamed into place: a failure leaves nothing half-installed.
    """
    folder = Path(folder)
    if not folder.is_dir():
        raise BilingualError(f"no such model folder: {folder}")
    if not (folder / "model.bin").is_file():
        raise BilingualError(f"{folder} is not a CTranslate2 model folder: no model.bin (convert a model with "
                             f"CTranslate2's converters, e.g. ct2-transformers-converter)")
    tokenizers = _tokenizers(folder)
    _check_loads(folder, tokenizers)
    name = f"translate-{from_code}_{to_code}-{_slug(folder.resolve().name)}"
    target_root = directory or packages_dir()
    meta = {"package_version": LOCAL_VERSION, "argos_version": "1.9", "from_code": from_code, "to_code": to_code,
            "type": "translate", "code": name, "source_prefix": source_prefix, "source_suffix": source_suffix,
            "target_prefix": target_prefix, "installed_from": str(folder.resolve())}
    skip = {p.resolve() for p in tokenizers.values()} | {(folder / n).resolve() for n in TOKENIZER_NAMES}
    staging = staging_folder(target_root)
    try:
        package = staging / name
        (package / "model").mkdir(parents=True)
        for path in sorted(folder.iterdir()):  # the CTranslate2 files: model.bin, config.json, vocabularies
            if path.is_file() and path.resolve() not in skip and not path.name.startswith("."):
                shutil.copy2(path, package / "model" / path.name)
        for file_name, path in tokenizers.items():
            shutil.copy2(path, package / file_name)
        (package / "metadata.json").write_text(json.dumps(meta, indent=2, ensure_ascii=False), encoding="utf-8")
        (package / "README.md").write_text(
            f"# {name}\n\nInstalled by `bilingual models install {folder.resolve()}`: a CTranslate2 model folder "
            f"and its SentencePiece tokenizer. Its licence is that of the model it was converted from.\n",
            encoding="utf-8")
        move_into_place(package, target_root)
    except OSError as e:
        raise OutputError(f"cannot install {folder} into {target_root}: {e.strerror or e}") from None
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return finish_install(target_root / name)
