"""The offline engine: an Argos Translate package's own CTranslate2 model and tokenizer, run directly.

`argostranslate.translate` splits text into sentences with a model it
downloads at run time (minisbd / stanza), which fails offline and would split
our already-segmented sentences again. A package is just a CTranslate2 model
plus a SentencePiece (or BPE) tokenizer, so we drive those directly: tokenize
our segments, `translate_batch` them in batches, detokenize. Heavy imports
(ctranslate2, sentencepiece) happen when an engine is made, never at import.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

from bilingual.errors import BilingualError, SetupError, UsageError
from bilingual.translate.packages import PackageInfo, candidates, load_sentencepiece, read_package

# --threads may ask for this many threads per usable core at most: past it (--threads 100000
# once crashed CTranslate2 with nothing on stderr; 2000 hung) it is a typo, not a setting.
MAX_THREADS_PER_CORE = 4


def usable_cores() -> int:
    """The CPU cores this process may run on (its affinity, which a container or taskset narrows)."""
    try:
        return len(os.sched_getaffinity(0)) or 1
    except (AttributeError, OSError):
        return os.cpu_count() or 1


def check_threads(threads: object) -> int:
    """The engine's thread count for a --threads value: 0 is every usable core; a UsageError for
    a value that is not a whole number from 0 to MAX_THREADS_PER_CORE per usable core."""
    cores = usable_cores()
    limit = cores * MAX_THREADS_PER_CORE
    if not isinstance(threads, int) or isinstance(threads, bool) or not 0 <= threads <= limit:
        raise UsageError(f"--threads {threads}: give 0 (all {cores} usable CPU cores) or a number up to {limit}")
    return threads or cores


def _how_to_install(from_code: str, to_code: str) -> str:
    return (f"no {from_code}→{to_code} translation model installed: run `bilingual models install "
            f"{from_code} {to_code}` (needs network) or `bilingual models install FILE.argosmodel`; "
            f"or build with --no-translate")


# sha256 of model files already read in this process, keyed by (path, size, mtime): an
# engine loaded again (benchmarks, tests, a long-lived caller) does not re-read 100 MB.
_CHECKSUMS: dict[tuple[str, int, int], str] = {}
# Sentences measured by length() and not yet translated that an engine keeps tokens for.
TOKEN_CACHE = 200_000


def _checksum(path: Path) -> str:
    stat = path.stat()
    key = (str(path.resolve()), stat.st_size, stat.st_mtime_ns)
    if key not in _CHECKSUMS:
        _CHECKSUMS[key] = _sha256(path)
    return _CHECKSUMS[key]


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as f:
        while chunk := f.read(1 << 20):
            digest.update(chunk)
    return digest.hexdigest()


class _SentencePiece:
    def __init__(self, model: Path) -> None:
        self.sp = load_sentencepiece(model)

    def encode(self, text: str) -> list[str]:
        return self.sp.encode(text, out_type=str)

    def decode(self, tokens: list[str]) -> str:
        return self.sp.decode(tokens)


class _Bpe:
    """Older packages: Moses tokenization + subword-nmt BPE, as argostranslate does it."""

    def __init__(self, model: Path, from_code: str, to_code: str) -> None:
        try:
            from argostranslate.tokenizer import BPETokenizer
        except ImportError as e:
            raise SetupError(f"this model uses a BPE tokenizer, which needs argostranslate: {e}") from None
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
        return self.tok.decode(tokens)


class ArgosEngine:
    """Translates sentences with one installed Argos package, CPU only.

    threads: CTranslate2 intra-op threads (0 = every usable core); batch_size: the
    most sentences decoded together; beam_size: 1 is greedy, larger is
    slower and a little better.
    """

    name = "argos"

    def __init__(self, package_dir: Path, *, threads: int = 0, batch_size: int = 32, beam_size: int = 2) -> None:
        threads = check_threads(threads)
        self.package: PackageInfo = read_package(Path(package_dir))
        self.batch_size = max(1, batch_size)
        self.beam_size = max(1, beam_size)
        model_dir = self.package.path / "model"
        model_bin = model_dir / "model.bin"
        if not model_bin.is_file():
            raise SetupError(f"translation package {self.package.path} has no model/model.bin")
        if self.package.tokenizer == "sentencepiece":
            self.tokenizer = _SentencePiece(self.package.path / "sentencepiece.model")
        elif self.package.tokenizer == "bpe":
            self.tokenizer = _Bpe(self.package.path / "bpe.model", self.package.from_code, self.package.to_code)
        else:
            raise SetupError(f"translation package {self.package.path} has no supported tokenizer "
                                 f"(sentencepiece.model or bpe.model)")
        import ctranslate2

        try:
            self.translator = ctranslate2.Translator(str(model_dir), device="cpu", inter_threads=1,
                                                     intra_threads=threads)
        except (RuntimeError, ValueError, OSError) as e:
            raise SetupError(f"cannot load the translation model in {model_dir}: {e}") from None
        self.identity = f"{self.package.name} {self.package.package_version} {_checksum(model_bin)[:12]}"
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
        # Sentences of similar length decode together (less padding), and each
        # batch gets its own decoding bound, so one long sentence does not let
        # every short one run on.
        order = sorted(todo, key=lambda i: len(tokens[i]))
        for start in range(0, len(order), self.batch_size):
            batch = order[start:start + self.batch_size]
            for i, english in zip(batch, self._decode([tokens[i] for i in batch]), strict=True):
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

    def _decode(self, tokens: list[list[str]]) -> list[str]:
        prefix = self.package.target_prefix
        try:
            results = self.translator.translate_batch(
                tokens,
                target_prefix=[[prefix]] * len(tokens) if prefix else None,
                max_batch_size=self.batch_size,
                beam_size=self.beam_size,
                replace_unknowns=True,
                length_penalty=0.2,
                # A Chinese sentence never means nothing: forbid an immediate </s>.
                min_decoding_length=2 if prefix else 1,
                # Bound runaway decoding (a real model looping, random test weights) by the input length.
                max_decoding_length=min(1024, 3 * max(len(t) for t in tokens) + 16),
            )
        except (RuntimeError, ValueError) as e:
            raise SetupError(f"the translation model failed ({self.identity}): {e}") from None
        english = []
        for result in results:
            hyp = list(result.hypotheses[0])
            if prefix and hyp and hyp[0] == prefix:
                hyp = hyp[1:]
            english.append(self.tokenizer.decode(hyp).strip())
        return english


def load_engine(from_code: str = "zh", to_code: str = "en", *, warnings: list[str] | None = None,
                **opts) -> ArgosEngine:
    """The engine for the newest installed package of a language pair that loads.

    A package that installed but cannot load (a damaged file, a bad tokenizer) is
    passed over for the next newest, and a line naming it goes to `warnings`; with
    no `warnings` list, or none that loads, the first failure is raised. None
    installed: SetupError with the how-to.
    """
    found = candidates(from_code, to_code)
    if not found:
        raise SetupError(_how_to_install(from_code, to_code))
    first: BilingualError | None = None
    for package in found:
        try:
            engine = ArgosEngine(package.path, **opts)
        except UsageError:
            raise
        except BilingualError as e:
            if warnings is None:
                raise
            first = first or e
            continue
        if first is not None and warnings is not None:
            warnings.append(f"{first} (package {found[0].name} passed over; used {package.name}: "
                            f"reinstall or remove the broken one)")
        return engine
    assert first is not None
    raise first
