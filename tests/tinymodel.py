"""A tiny, real-format Argos Translate zh->en package for tests.

Tests must run the real engine path (CTranslate2 + SentencePiece, installed
through `bilingual models install`) without a 100 MB download, so they build
a package themselves: a SentencePiece model trained on the fixture texts and
a CTranslate2 transformer with random weights made through CTranslate2's own
spec API. Its English is noise; its format is exactly that of a real package.
Everything is seeded, so the same bytes come out on every run.
"""

from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path

FIXTURES = Path(__file__).resolve().parent / "fixtures"

PACKAGE_NAME = "translate-zh_en-tiny"
SEED = 20240601
D_MODEL = 32
FFN = 64
HEADS = 2
# The fixtures hold ~2,200 distinct characters at 0.9995 coverage, so the
# vocabulary must be larger than that for SentencePiece to accept the setting.
VOCAB = 3000
EOS_BIAS = 6.0

METADATA = {
    "package_version": "0.0.1",
    "argos_version": "1.9.0",
    "from_code": "zh",
    "from_name": "Chinese",
    "to_code": "en",
    "to_name": "English",
    "type": "translate",
    "code": PACKAGE_NAME,
}


def _training_lines() -> list[str]:
    """Chinese fixture articles plus English reference sentences, so both sides get pieces. Not SOURCES.md: a
    note added to the fixtures' documentation must not change the model every test translates with."""
    articles = [p for p in sorted(FIXTURES.glob("*.md")) if p.name != "SOURCES.md"]
    paths = articles + [FIXTURES / "parallel" / "zh.txt", FIXTURES / "parallel" / "en.txt"]
    lines: list[str] = []
    for path in paths:
        lines += [line.strip() for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return lines


def _train_sentencepiece(lines: list[str] | None = None, vocab: int = VOCAB) -> bytes:
    import sentencepiece as spm

    out = io.BytesIO()
    spm.SentencePieceTrainer.train(
        sentence_iterator=iter(lines or _training_lines()), model_writer=out, vocab_size=vocab,
        character_coverage=0.9995, byte_fallback=True, model_type="unigram", num_threads=1,
        minloglevel=2, hard_vocab_limit=False, shuffle_input_sentence=False, seed_sentencepiece_size=100_000,
    )
    return out.getvalue()


def _shape(name: str, vocab: int) -> tuple[int, ...]:
    """Shape of one transformer weight, from its spec variable name."""
    leaf = name.rsplit("/", 1)[-1]
    layer = name.rsplit("/", 2)[-2]
    if "embeddings" in name:
        return (vocab, D_MODEL)
    if "projection" in name:
        return (vocab, D_MODEL) if leaf == "weight" else (vocab,)
    if "layer_norm" in name:
        return (D_MODEL,)
    if "/ffn/" in name:
        out_dim, in_dim = (FFN, D_MODEL) if layer == "linear_0" else (D_MODEL, FFN)
    elif "/self_attention/" in name:
        out_dim, in_dim = (3 * D_MODEL, D_MODEL) if layer == "linear_0" else (D_MODEL, D_MODEL)
    elif "/attention/" in name:  # cross-attention: query, fused key+value, output
        out_dim, in_dim = (2 * D_MODEL, D_MODEL) if layer == "linear_1" else (D_MODEL, D_MODEL)
    else:
        raise ValueError(f"unexpected transformer variable {name}")
    return (out_dim, in_dim) if leaf == "weight" else (out_dim,)


def _import_specs():
    """ctranslate2.specs without torch: it imports torch if it can (seconds) but works on numpy."""
    import sys

    if "torch" in sys.modules or "ctranslate2.specs" in sys.modules:
        from ctranslate2.specs import model_spec, transformer_spec

        return model_spec, transformer_spec
    sys.modules["torch"] = None  # makes `import torch` raise ImportError for this one import
    try:
        from ctranslate2.specs import model_spec, transformer_spec
    finally:
        del sys.modules["torch"]
    return model_spec, transformer_spec


def _build_ctranslate2(model_dir: Path, pieces: list[str], target_pieces: list[str] | None = None) -> None:
    """A random-weight CTranslate2 transformer; `target_pieces` gives the decoder its own vocabulary."""
    import numpy as np

    model_spec, transformer_spec = _import_specs()

    rng = np.random.default_rng(SEED)
    spec = transformer_spec.TransformerSpec.from_config((1, 1), HEADS)
    source_pieces = pieces
    pieces = target_pieces or pieces

    def fill(layer, name: str, value) -> None:
        leaf = name.rsplit("/", 1)[-1]
        wanted = value is None or (leaf == "bias" and isinstance(value, str))
        if not wanted:
            return
        shape = _shape(name, len(source_pieces) if name.startswith("encoder") else len(pieces))
        if leaf == "gamma":
            array = np.ones(shape, dtype=np.float32)
        else:
            array = (rng.standard_normal(shape) * 0.3).astype(np.float32)
        setattr(layer, leaf, array)

    model_spec.visit_spec(spec, fill)
    # Steer the random decoder towards English-looking noise: pieces that are
    # not plain ASCII (Chinese characters, byte pieces), that decode to nothing
    # (a lone "\u2581") or that hold placeholder brackets < > get a large negative
    # output bias, and </s> a positive one so outputs end. Its English stays
    # noise, but never empty and never a broken glossary placeholder (the
    # glossary tests imitate those failures on purpose).
    bias = spec.decoder.projection.bias
    for i, piece in enumerate(pieces):
        text = piece.replace("\u2581", "")
        if (not text or not text.isascii() or "<" in text or ">" in text or piece.startswith("<0x")
                or piece in ("<unk>", "<s>")):
            bias[i] = -20.0
    bias[pieces.index("</s>")] = EOS_BIAS
    spec.register_source_vocabulary(source_pieces)
    spec.register_target_vocabulary(pieces)
    spec.validate()
    model_dir.mkdir(parents=True)
    spec.save(str(model_dir))


def _zip_dir(folder: Path, dest: Path) -> None:
    """Zip with fixed timestamps and order, so the archive is byte-reproducible."""
    with zipfile.ZipFile(dest, "w", zipfile.ZIP_DEFLATED) as zf:
        for path in sorted(folder.rglob("*")):
            arcname = f"{folder.name}/{path.relative_to(folder).as_posix()}"
            if path.is_dir():
                zf.writestr(zipfile.ZipInfo(arcname + "/", date_time=(2024, 1, 1, 0, 0, 0)), b"")
            else:
                info = zipfile.ZipInfo(arcname, date_time=(2024, 1, 1, 0, 0, 0))
                info.compress_type = zipfile.ZIP_DEFLATED
                zf.writestr(info, path.read_bytes())


def _bpe_vocabulary() -> list[str]:
    """Older packages' tokenizer: Moses tokens split by BPE with no merges, i.e. characters
    marked `@@` when a word goes on; the vocabulary is every fixture character both ways."""
    chars = sorted({ch for line in _training_lines() for ch in line if not ch.isspace()})
    return ["<unk>", "<s>", "</s>"] + [p for ch in chars for p in (ch, ch + "@@")]


def build_tiny_argosmodel(dest_dir: Path, *, metadata: dict | None = None, tokenizer: str = "sentencepiece") -> Path:
    """Build translate-zh_en-tiny.argosmodel in dest_dir and return its path.

    `metadata` overrides fields of metadata.json (e.g. a wrong direction, a
    target_prefix) for tests of validation; tokenizer "bpe" builds an
    old-style package (bpe.model + Moses) instead of SentencePiece.
    """
    import sentencepiece as spm

    dest_dir = Path(dest_dir)
    meta = {**METADATA, **(metadata or {})}
    name = f"translate-{meta['from_code']}_{meta['to_code']}-tiny"
    work = dest_dir / f"{name}-build"
    folder = work / name
    folder.mkdir(parents=True)

    if tokenizer == "bpe":
        (folder / "bpe.model").write_text("#version: 0.2\n", encoding="utf-8")
        pieces = _bpe_vocabulary()
    else:
        sp_model = _train_sentencepiece()
        (folder / "sentencepiece.model").write_bytes(sp_model)
        sp = spm.SentencePieceProcessor(model_proto=sp_model)
        pieces = [sp.id_to_piece(i) for i in range(sp.get_piece_size())]
    _build_ctranslate2(folder / "model", pieces)
    (folder / "metadata.json").write_text(json.dumps(meta, indent=2, ensure_ascii=False), encoding="utf-8")
    (folder / "README.md").write_text(
        "# Tiny zh->en test package\n\nRandom CTranslate2 weights and a SentencePiece model trained on the"
        " test fixtures. Built by tests/tinymodel.py; its output is noise, its format is real.\n",
        encoding="utf-8",
    )
    dest = dest_dir / f"{name}.argosmodel"
    _zip_dir(folder, dest)
    return dest


def build_tiny_ct2_folder(dest: Path, *, split: bool = True) -> Path:
    """A CTranslate2 model folder as CTranslate2's converters leave it (model.bin, config.json,
    vocabularies), with the SentencePiece model(s) beside it the way users download them:
    source.spm (Chinese) + target.spm (English) like OPUS-MT, or one shared sentencepiece.model."""
    import sentencepiece as spm

    dest = Path(dest)
    if split:
        zh = [line for line in _training_lines() if any("\u4e00" <= ch <= "\u9fff" for ch in line)]
        en = [line for line in _training_lines() if line.isascii()]
        source, target = _train_sentencepiece(zh), _train_sentencepiece(en, vocab=800)
        pieces = [spm.SentencePieceProcessor(model_proto=m) for m in (source, target)]
        _build_ctranslate2(dest, *[[p.id_to_piece(i) for i in range(p.get_piece_size())] for p in pieces])
        (dest / "source.spm").write_bytes(source)
        (dest / "target.spm").write_bytes(target)
    else:
        shared = _train_sentencepiece()
        sp = spm.SentencePieceProcessor(model_proto=shared)
        _build_ctranslate2(dest, [sp.id_to_piece(i) for i in range(sp.get_piece_size())])
        (dest / "sentencepiece.model").write_bytes(shared)
    return dest
