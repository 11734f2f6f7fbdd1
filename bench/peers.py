"""argostranslate's own path on the masked sentences a build sent, in a fresh process.

    python -m bench.peers PARAGRAPHS.json RESULT.json

`argostranslate.translate` splits each paragraph into sentences with a
sentence-boundary model (MiniSBD, else stanza) that it downloads on first use:
offline there is none. Here its splitter is handed our own sentences instead
(the masked sentences the worker wrote, paragraph by paragraph), and the rest
is argostranslate's code as users run it: its package loading, its tokenizer,
one translate_batch per paragraph with its own options (beam 4, batches of
ARGOS_BATCH_SIZE tokens, 32 by default; ARGOS_INTRA_THREADS threads). The
import of argostranslate.translate (torch, stanza) is timed on its own and
not counted in the translation time; nor is the model load (a warm-up call).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from time import perf_counter, process_time


def main(paragraphs_path: str, result_path: str) -> int:
    paragraphs = json.loads(Path(paragraphs_path).read_text(encoding="utf-8"))
    split = {"".join(p): p for p in paragraphs}
    start, cpu = perf_counter(), process_time()
    from argostranslate import sbd, settings
    from argostranslate import translate as argos

    imported = {"wall_s": perf_counter() - start, "cpu_s": process_time() - cpu}

    def ours(self, text: str) -> list[str]:
        return split.get(text) or [text]

    for name in ("MiniSBDSentencizer", "StanzaSentencizer", "SpacySentencizerSmall"):
        if hasattr(sbd, name):
            getattr(sbd, name).split_sentences = ours
    translation = argos.get_translation_from_codes("zh", "en")
    start = perf_counter()
    translation.translate(paragraphs[0][0])  # loads the model (not counted)
    load = perf_counter() - start
    text = "\n".join("".join(p) for p in paragraphs)
    start, cpu = perf_counter(), process_time()
    english = translation.translate(text)
    result = {"wall_s": perf_counter() - start, "cpu_s": process_time() - cpu, "import": imported,
              "model_load_s": load, "paragraphs": len(paragraphs), "sentences": sum(map(len, paragraphs)),
              "english_chars": len(english),
              "options": {"beam_size": settings.beam_size, "batch_size_tokens": settings.batch_size,
                          "intra_threads": settings.intra_threads}}
    Path(result_path).write_text(json.dumps(result, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:3]))
