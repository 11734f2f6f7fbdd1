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

from bilingual.errors import BilingualError, SetupError
from bilingual.translate.checksum import file_checksum, recorded
from bilingual.translate.packages import PackageInfo, candidates, load_sentencepiece, read_package
from bilingual.translate.threads import engine_threads


def _how_to_install(from_code: str, to_code: str) -> str:
    return (f"no {from_code}→{to_code} translation model installed: run `bilingual models install "
            f"{from_code} {to_code}` (needs network) or `bilingual models install FILE.argosmodel`; "
            f"or build with --no-translate")


# Sentences measured by length() and not yet translated that an engine keeps tokens for.
TOKEN_CACHE = 200_000
# Sentences are batched in buckets of this many source tokens, and every batch is padded to its bucket's
# top (see plan_batches): CTranslate2's result for a sentence depends on the padded length of its batch.
BUCKET = 16
BATCH_TYPES = ("examples", "tokens")
# Stands in for the longest sentence of a bucket when no real one is in the batch; decodes nothing.
_PACER = "<unk>"


def bucket(tokens: int) -> int:
    """The padded length of a sentence of `tokens` source tokens: the top of its bucket."""
    return -(-max(tokens, 1) // BUCKET) * BUCKET


def decoding_bound(tokens: int) -> int:
    """The most target tokens a sentence of `tokens` source tokens may decode: bounds a looping model."""
    return min(1024, 3 * bucket(tokens) + 16)


def plan_batches(lengths: list[int], batch_size: int, batch_type: str = "examples") -> list[list[int]]:
    """Indices of sentences (by their token counts) cut into the batches the engine decodes.

    A sentence's English must not depend on the other sentences of its batch,
    yet CTranslate2's result does depend on the length a batch is padded to
    (summation order in attention over the padded source: about one sentence
    in twenty changes, measured on the production-size model), and its
    decoding bound is one per batch. So a batch holds one bucket of lengths
    only, sorted by length, and is always padded to the bucket's top (a pacer
    sentence of that length is added when no real one has it): a sentence
    meets the same padded length and bound alone or in any collection. Each
    batch leaves room for the pacer within batch_size sentences, or
    (batch_type "tokens") batch_size padded tokens.
    """
    order = sorted(range(len(lengths)), key=lambda i: (bucket(lengths[i]), lengths[i], i))
    batches: list[list[int]] = []
    top = 0
    for i in order:
        size = bucket(lengths[i])
        room = len(batches[-1]) + 2 if batches else 0  # this sentence and the pacer
        if batch_type == "tokens":
            room *= size
        if not batches or size != top or room > batch_size:
            batches.append([])
            top = size
        batches[-1].append(i)
    return batches


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
            raise SetupError(f"{model.parent.name} is an older BPE-tokenised package, which needs the optional "
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
            raise SetupError(f"cannot read the BPE tokenizer {model}: {reason[0]}") from None

    def encode(self, text: str) -> list[str]:
        return self.tok.encode(text)

    def decode(self, tokens: list[str]) -> str:
        if tokens and tokens[-1].endswith("@@"):  # a model that stopped inside a word leaves its joiner dangling
            tokens = [*tokens[:-1], tokens[-1][:-2]]
        return self.tok.decode(tokens).strip()


class ArgosEngine:
    """Translates sentences with one installed Argos package, CPU only.

    threads: CTranslate2 intra-op threads (0 = every core this process may
    use); batch_size: the most sentences (batch_type "examples") or source
    tokens ("tokens") decoded together; beam_size: 1 is greedy, larger is
    slower and a little better. A sentence's English never depends on the
    other sentences of its call (plan_batches says how).
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
            raise SetupError(f"cannot load the translation model in {model_dir}: {e}") from None
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
        tokens = [self._take_tokens(sentences[i].strip()) for i in todo]
        for batch in plan_batches([len(t) for t in tokens], self.batch_size, self.batch_type):
            for k, english in zip(batch, self._decode([tokens[k] for k in batch]), strict=True):
                out[todo[k]] = english
        return out

    def batches(self, sentences: list[str]) -> list[list[int]]:
        """How translate() would cut these sentences into batches (indices): callers send one batch per call,
        so every call is one CTranslate2 batch and what they store and report follows the engine's work."""
        return plan_batches([self.length(s) for s in sentences], self.batch_size, self.batch_type)

    def length(self, sentence: str) -> int:
        """Tokens the sentence becomes: callers sort by it so each batch holds sentences of like length.

        The tokens are kept until the sentence is translated, so it is tokenized once.
        """
        text = sentence.strip()
        tokens = self._measured.get(text)
        if tokens is None:
            if len(self._measured) >= TOKEN_CACHE:  # measured and never translated: start over
                self._measured.clear()
            tokens = self._measured[text] = self._encode(text)
        return len(tokens)

    def _take_tokens(self, text: str) -> list[str]:
        """The tokens length() kept for text (forgotten now), or a fresh encoding."""
        tokens = self._measured.pop(text, None)
        return self._encode(text) if tokens is None else tokens

    def _encode(self, text: str) -> list[str]:
        """The source tokens, with the tokens a model folder asks around them (NLLB's source language
        token, a </s> spelled out), so batching and the decoding bound see what the model sees."""
        tokens = self.tokenizer.encode(text)
        before, after = self.package.source_prefix, self.package.source_suffix
        return [before] * bool(before) + tokens + [after] * bool(after)

    def _decode(self, tokens: list[list[str]]) -> list[str]:
        """One batch of one bucket (plan_batches), padded to the bucket's top by a pacer if need be."""
        prefix = [self.package.target_prefix] if self.package.target_prefix else []
        top = bucket(len(tokens[0]))
        paced = all(len(t) != top for t in tokens)
        batch = [*tokens, [_PACER] * top] if paced else tokens
        # The pacer's target is forced to end at once: it only sets the padded length, and costs one step.
        prefixes = [prefix] * len(tokens) + ([[*prefix, "</s>"]] if paced else [])
        try:
            results = self.translator.translate_batch(
                batch,
                target_prefix=prefixes if (prefix or paced) else None,
                max_batch_size=len(batch),  # one batch, cut by plan_batches, never again by CTranslate2
                beam_size=self.beam_size,
                replace_unknowns=True,
                length_penalty=0.2,
                # A Chinese sentence never means nothing: forbid an immediate </s>.
                min_decoding_length=2 if prefix else 1,
                max_decoding_length=decoding_bound(top),
            )
        except (RuntimeError, ValueError) as e:
            raise SetupError(f"the translation model failed ({self.identity}): {e}") from None
        english = []
        for result in results[:len(tokens)]:
            hyp = list(result.hypotheses[0])
            if prefix and hyp and hyp[0] == prefix[0]:
                hyp = hyp[1:]
            english.append(self.tokenizer.decode(hyp).strip())
        return english


def _check_files(package: PackageInfo) -> Path:
    """The package's model folder, once the files an engine needs are known to be there."""
    model_dir = package.path / "model"
    if not (model_dir / "model.bin").is_file():
        raise SetupError(f"translation package {package.path} has no model/model.bin")
    if not _looks_like_ctranslate2(model_dir / "model.bin"):  # caught now, not after the memory is opened
        raise SetupError(f"cannot load the translation model in {model_dir}: model.bin is not a "
                             "CTranslate2 model; reinstall the package")
    if package.tokenizer not in ("sentencepiece", "sentencepiece-pair", "bpe"):
        raise SetupError(f"translation package {package.path} has no supported tokenizer "
                             f"(sentencepiece.model, source.spm + target.spm, or bpe.model)")
    return model_dir


def _looks_like_ctranslate2(path: Path) -> bool:
    """A CTranslate2 model.bin starts with its format version (uint32) and its spec's name, e.g. TransformerSpec
    (a length-prefixed, NUL-ended string): read those few bytes instead of loading 80 MB to find garbage."""
    try:
        with path.open("rb") as f:
            head = f.read(6 + 256)
    except OSError:
        return False
    if len(head) < 6:
        return False
    version = int.from_bytes(head[:4], "little")
    size = int.from_bytes(head[4:6], "little")
    name = head[6:6 + size]
    return 1 <= version <= 100 and 2 <= size <= 256 and name.endswith(b"\0") and name[:-1].isascii() \
        and name[:-1].decode("ascii").isidentifier()


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

    def batches(self, sentences: list[str]) -> list[list[int]]:
        """As ArgosEngine.batches (loads the model on the first call)."""
        return self.engine().batches(sentences)


def _package(from_code: str, to_code: str, warnings: list[str] | None = None) -> PackageInfo:
    """The newest installed package of the pair whose files are sound.

    A package that installed but is damaged (no model.bin, a model.bin that is not
    CTranslate2's, no tokenizer) is passed over for the next newest, with a line naming
    it in `warnings`; with no `warnings` list, or none sound, the first problem is raised.
    None installed: SetupError with the how-to.
    """
    found = candidates(from_code, to_code)
    if not found:
        raise SetupError(_how_to_install(from_code, to_code))
    first: BilingualError | None = None
    passed: list[str] = []
    for package in found:
        try:
            _check_files(package)
            if package.tokenizer == "sentencepiece":
                _check_tokenizer(package.path)
        except BilingualError as e:
            if warnings is None:
                raise
            first = first or e
            passed.append(f"passed over the model package {package.name} ({e})")
            continue
        if warnings is not None:
            warnings.extend(f"{line}; used {package.name}" for line in passed)
        return package
    raise first


def _check_tokenizer(folder: Path) -> None:
    """The package's SentencePiece model loads, unless it loaded before and has not changed since.

    A tokenizer broken after install is caught before the memory is opened; loading
    the real model's costs 75 ms, a seventh of a 50-article cached rebuild, so a
    model that loaded once is recorded beside the model's checksum and trusted
    while its size, mtime and inode stay the same."""
    model = folder / "sentencepiece.model"
    if recorded(model, folder) is None:
        load_sentencepiece(model)
        file_checksum(model, folder)


def load_engine(from_code: str = "zh", to_code: str = "en", *, warnings: list[str] | None = None,
                **opts) -> ArgosEngine:
    """The engine for the installed package of a language pair; SetupError with the how-to if none."""
    return ArgosEngine(_package(from_code, to_code, warnings).path, **opts)


def lazy_engine(from_code: str = "zh", to_code: str = "en", *, warnings: list[str] | None = None,
                **opts) -> LazyEngine:
    """load_engine's engine, loaded only when a sentence needs it (what a build uses)."""
    return LazyEngine(_package(from_code, to_code, warnings), **opts)
