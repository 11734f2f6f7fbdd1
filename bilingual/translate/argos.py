"""The offline engine: an Argos Translate package's own CTranslate2 model and tokenizer, run directly.

`argostranslate.translate` splits text into sentences with a model it
downloads at run time (minisbd / stanza), which fails offline and would split
our already-segmented sentences again. A package is just a CTranslate2 model
plus a SentencePiece (or BPE) tokenizer, so we drive those directly: tokenize
our segments, `translate_batch` them in batches, detokenize. Heavy imports
(ctranslate2, sentencepiece) happen when an engine is made, never at import.
"""

from __future__ import annotations

from pathlib import Path

from bilingual.errors import BilingualError
from bilingual.translate.checksum import file_checksum
from bilingual.translate.packages import PackageInfo, find_package, read_package
from bilingual.translate.threads import engine_threads


def _how_to_install(from_code: str, to_code: str) -> str:
    return (f"no {from_code}→{to_code} translation model installed: run `bilingual models install "
            f"{from_code} {to_code}` (needs network) or `bilingual models install FILE.argosmodel`; "
            f"or build with --no-translate")


# Sentences measured by length() and not yet translated that an engine keeps tokens for.
TOKEN_CACHE = 200_000
# A sentence's decoding bound is a function of its own token count, rounded up to this step, so it never
# depends on the other sentences of its batch; sentences batch only with those of the same bound.
BOUND_STEP = 16
BATCH_TYPES = ("examples", "tokens")


def decoding_bound(tokens: int) -> int:
    """The most target tokens a sentence of `tokens` source tokens may decode: bounds a looping model."""
    return min(1024, 3 * (-(-max(tokens, 1) // BOUND_STEP) * BOUND_STEP) + 16)


def engine_identity(package: PackageInfo) -> str:
    """Package name + version + model checksum: read from metadata and the checksum sidecar, no model load."""
    model_bin = package.path / "model" / "model.bin"
    return f"{package.name} {package.package_version} {file_checksum(model_bin, package.path)[:12]}"


class _SentencePiece:
    """One SentencePiece model for both sides (Argos), or one per side (`target`: OPUS-MT's target.spm)."""

    def __init__(self, model: Path, target: Path | None = None) -> None:
        import sentencepiece as spm

        try:
            self.sp = spm.SentencePieceProcessor(model_file=str(model))
            self.target = spm.SentencePieceProcessor(model_file=str(target)) if target else self.sp
        except (OSError, RuntimeError) as e:
            raise BilingualError(f"cannot read the SentencePiece model {target or model}: {e}") from None

    def encode(self, text: str) -> list[str]:
        return self.sp.encode(text, out_type=str)

    def decode(self, tokens: list[str]) -> str:
        return self.target.decode(tokens)


class _Bpe:
    """Older packages: Moses tokenization + subword-nmt BPE, as argostranslate does it."""

    def __init__(self, model: Path, from_code: str, to_code: str) -> None:
        try:
            from argostranslate.tokenizer import BPETokenizer
        except ImportError:
            raise BilingualError(f"{model.parent.name} is an older BPE-tokenised package, which needs the optional "
                                 "argostranslate: pip install 'bilingual[argos]' (or install a SentencePiece "
                                 "package, e.g. `bilingual models install zh en`)") from None
        self.tok = BPETokenizer(model, from_code, to_code)
        import contextlib
        import io

        said = io.StringIO()
        try:
            # Read bpe.model now: on a bad line its parser writes to stderr and exits the process.
            with contextlib.redirect_stderr(said):
                self.tok.lazy_load()
        except (SystemExit, OSError, ValueError, ImportError) as e:
            reason = said.getvalue().strip().splitlines()[:1] or [str(e)]
            raise BilingualError(f"cannot read the BPE tokenizer {model}: {reason[0]}") from None

    def encode(self, text: str) -> list[str]:
        return self.tok.encode(text)

    def decode(self, tokens: list[str]) -> str:
        return self.tok.decode(tokens)


class ArgosEngine:
    """Translates sentences with one installed Argos package, CPU only.

    threads: CTranslate2 intra-op threads (0 = every core this process may
    use); batch_size: the most sentences (batch_type "examples") or source
    tokens ("tokens") decoded together; beam_size: 1 is greedy, larger is
    slower and a little better. A sentence's English never depends on the
    other sentences of its call: its decoding bound is its own
    (decoding_bound), and only sentences with the same bound share a batch.
    """

    name = "argos"

    def __init__(self, package_dir: Path, *, threads: int = 0, batch_size: int = 32, beam_size: int = 2,
                 batch_type: str = "examples") -> None:
        self.package: PackageInfo = read_package(Path(package_dir))
        if batch_type not in BATCH_TYPES:
            raise BilingualError(f"unknown batch type {batch_type!r}: choose {', '.join(BATCH_TYPES)}")
        self.batch_size = max(1, batch_size)
        self.batch_type = batch_type
        self.beam_size = max(1, beam_size)
        self.threads = engine_threads(threads)
        model_dir = _check_files(self.package)
        if self.package.tokenizer == "sentencepiece":
            self.tokenizer = _SentencePiece(self.package.path / "sentencepiece.model")
        elif self.package.tokenizer == "sentencepiece-pair":
            self.tokenizer = _SentencePiece(self.package.path / "source.spm", self.package.path / "target.spm")
        else:
            self.tokenizer = _Bpe(self.package.path / "bpe.model", self.package.from_code, self.package.to_code)
        import ctranslate2

        try:
            self.translator = ctranslate2.Translator(str(model_dir), device="cpu", inter_threads=1,
                                                     intra_threads=self.threads)
        except (RuntimeError, ValueError, IndexError, OSError) as e:
            raise BilingualError(f"cannot load the translation model in {model_dir}: {e}") from None
        self.identity = engine_identity(self.package)
        # Tokens from length(), handed to translate() (which takes them out): callers measure every
        # sentence to sort, then translate it, and tokenizing twice was a tenth of a build's time.
        self._measured: dict[str, list[str]] = {}

    def translate(self, sentences: list[str]) -> list[str]:
        """One English string per sentence; empty (or blank) sentences come back empty."""
        todo = [i for i, s in enumerate(sentences) if s.strip()]
        out = [""] * len(sentences)
        if not todo:
            return out
        tokens = {i: self._take_tokens(sentences[i].strip()) for i in todo}
        # Sentences of similar length decode together (less padding); a batch holds one decoding
        # bound only, so one long sentence never lets a short one run on, nor cuts it short.
        groups: dict[int, list[int]] = {}
        for i in sorted(todo, key=lambda i: len(tokens[i])):
            groups.setdefault(decoding_bound(len(tokens[i])), []).append(i)
        for bound, members in sorted(groups.items()):
            # CTranslate2 cuts each group into batches of batch_size sentences or tokens itself.
            for i, english in zip(members, self._decode([tokens[i] for i in members], bound), strict=True):
                out[i] = english
        return out

    def length(self, sentence: str) -> int:
        """Tokens the sentence becomes: callers sort by it so each batch holds sentences of like length.

        The tokens are kept until the sentence is translated, so it is tokenized once.
        """
        text = sentence.strip()
        tokens = self._measured.get(text)
        if tokens is None:
            if len(self._measured) >= TOKEN_CACHE:  # measured and never translated: start over
                self._measured.clear()
            tokens = self._measured[text] = self.tokenizer.encode(text)
        return len(tokens)

    def _take_tokens(self, text: str) -> list[str]:
        """The tokens length() kept for text (forgotten now), or a fresh encoding."""
        tokens = self._measured.pop(text, None)
        return self.tokenizer.encode(text) if tokens is None else tokens

    def _decode(self, tokens: list[list[str]], bound: int) -> list[str]:
        prefix = self.package.target_prefix
        before, after = self.package.source_prefix, self.package.source_suffix
        if before or after:  # NLLB's source language token, a </s> the model wants spelled out
            tokens = [[before] * bool(before) + t + [after] * bool(after) for t in tokens]
        try:
            results = self.translator.translate_batch(
                tokens,
                target_prefix=[[prefix]] * len(tokens) if prefix else None,
                max_batch_size=self.batch_size,
                batch_type=self.batch_type,
                beam_size=self.beam_size,
                replace_unknowns=True,
                length_penalty=0.2,
                # A Chinese sentence never means nothing: forbid an immediate </s>.
                min_decoding_length=2 if prefix else 1,
                max_decoding_length=bound,
            )
        except (RuntimeError, ValueError) as e:
            raise BilingualError(f"the translation model failed ({self.identity}): {e}") from None
        english = []
        for result in results:
            hyp = list(result.hypotheses[0])
            if prefix and hyp and hyp[0] == prefix:
                hyp = hyp[1:]
            english.append(self.tokenizer.decode(hyp).strip())
        return english


def _check_files(package: PackageInfo) -> Path:
    """The package's model folder, once the files an engine needs are known to be there."""
    model_dir = package.path / "model"
    if not (model_dir / "model.bin").is_file():
        raise BilingualError(f"translation package {package.path} has no model/model.bin")
    if package.tokenizer not in ("sentencepiece", "sentencepiece-pair", "bpe"):
        raise BilingualError(f"translation package {package.path} has no supported tokenizer "
                             f"(sentencepiece.model, source.spm + target.spm, or bpe.model)")
    return model_dir


class LazyEngine:
    """An ArgosEngine that loads on its first sentence: a rebuild the memory serves never loads a model.

    Its identity (the memory key) comes from the package metadata and the
    checksum sidecar, so asking the memory costs no model load, no hashing of
    model.bin and no tokenizer. Settings are checked at once, the model when
    first needed.
    """

    name = ArgosEngine.name

    def __init__(self, package: PackageInfo, **opts) -> None:
        _check_files(package)
        engine_threads(opts.get("threads", 0))
        if opts.get("batch_type", "examples") not in BATCH_TYPES:
            raise BilingualError(f"unknown batch type {opts['batch_type']!r}: choose {', '.join(BATCH_TYPES)}")
        self.package, self._opts = package, opts
        self.identity = engine_identity(package)
        self._engine: ArgosEngine | None = None

    @property
    def loaded(self) -> bool:
        """Whether the model has been loaded (some sentence needed it)."""
        return self._engine is not None

    def engine(self) -> ArgosEngine:
        """The real engine, loaded now if it was not yet."""
        if self._engine is None:
            self._engine = ArgosEngine(self.package.path, **self._opts)
        return self._engine

    def translate(self, sentences: list[str]) -> list[str]:
        """As ArgosEngine.translate (loads the model on the first call)."""
        return self.engine().translate(sentences)

    def length(self, sentence: str) -> int:
        """As ArgosEngine.length (loads the tokenizer and model on the first call)."""
        return self.engine().length(sentence)


def _package(from_code: str, to_code: str) -> PackageInfo:
    package = find_package(from_code, to_code)
    if package is None:
        raise BilingualError(_how_to_install(from_code, to_code))
    return package


def load_engine(from_code: str = "zh", to_code: str = "en", **opts) -> ArgosEngine:
    """The engine for the installed package of a language pair; BilingualError with the how-to if none."""
    return ArgosEngine(_package(from_code, to_code).path, **opts)


def lazy_engine(from_code: str = "zh", to_code: str = "en", **opts) -> LazyEngine:
    """load_engine's engine, loaded only when a sentence needs it (what a build uses)."""
    return LazyEngine(_package(from_code, to_code), **opts)
