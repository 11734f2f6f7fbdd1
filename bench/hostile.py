"""Hostile inputs that were quadratic or unbounded (issue 15, item 6): how the work grows.

    python bench/hostile.py                      # this checkout
    python bench/hostile.py --code /tmp/before   # another checkout (e.g. the code before issue 15)
    python bench/hostile.py --quick              # smaller sizes

Each case runs the real CLI in a fresh process on a generated input at size n
and at size 2n, and once on a one-unit input (the start-up and fixed cost,
subtracted from both). Each time is the best of --repeats runs (other work on
a shared machine only ever adds time). The figure is the growth:
(t(2n) - t0) / (t(n) - t0), about 2 for linear work and about 4 for quadratic
work, given when the work at n is at least MIN_WORK seconds (below that it is
start-up noise; a case whose input is now refused up front does no work to
speak of). The baseline is the same command in the same run, never a
wall-clock goal. A run that passes the time limit is reported as such
("> limit"): the old code hung on some inputs.
Writes bench/results/hostile.json and hostile.md (named after --label).
Nothing here is a test; tests/test_hostile_bounded.py checks what each case builds.
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import subprocess
import sys
import tempfile
import time
import zipfile
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures"
sys.path.insert(0, str(ROOT))

from tests import bad_inputs as bad  # noqa: E402

Make = Callable[[Path, int], list[str]]  # (work folder, size) -> CLI arguments
MIN_WORK = 0.3  # seconds of work at n below which a growth figure would be noise


def _bold(work: Path, n: int) -> list[str]:
    source = bad.write(work / "bold.html", "<p>" + "<b>粗</b>体字。" * n + "</p>")
    return ["build", str(source), "-o", str(work / "out"), "--no-translate", "-q"]


def _names(work: Path, n: int) -> list[str]:
    source = bad.write(work / "names.txt", "标题\n\n" + "、".join(["普京"] * n) + "\n")
    return ["build", str(source), "-o", str(work / "out"), "--no-translate", "-q"]


def _spine(work: Path, n: int) -> list[str]:
    chapter = "<p>" + "重复的章节内容。" * 2500 + "</p>"
    book = bad.epub(work / "loop.epub", {"c1.xhtml": chapter})
    with zipfile.ZipFile(book) as zf:
        members = {i.filename: zf.read(i) for i in zf.infolist()}
    opf = members["OEBPS/content.opf"].decode()
    members["OEBPS/content.opf"] = opf.replace('<itemref idref="c0"/>', '<itemref idref="c0"/>' * n).encode()
    with zipfile.ZipFile(book, "w", zipfile.ZIP_DEFLATED) as zf:
        for member, data in members.items():
            zf.writestr(member, data)
    return ["build", str(book), "-o", str(work / "out"), "--no-translate", "-q"]


def _align(work: Path, n: int) -> list[str]:
    zh = [line for line in (FIXTURES / "parallel" / "zh.txt").read_text(encoding="utf-8").splitlines() if line]
    en = [line for line in (FIXTURES / "parallel" / "en.txt").read_text(encoding="utf-8").splitlines() if line]
    source = bad.write(work / "zh.txt", "\n\n".join(zh[i % len(zh)] for i in range(n)) + "\n")
    english = bad.write(work / "en.txt", "\n\n".join(en[i % len(en)] for i in range(n) if i % 4 != 3) + "\n")
    return ["check", str(source), "--translation", str(english), "--format", "json", "-o", str(work / "r.json")]


def _numbers(work: Path, n: int) -> list[str]:
    """A sentence of n "12，" and its English "12, " x n, checked: the loop detector went quadratic."""
    doc = {"schema": 1, "id": "n", "meta": {"title": "t"}, "provenance": {}, "blocks": [
        {"role": "paragraph", "source": "１２，" * n, "segments": [
            {"id": "n:0.0:x", "source": "１２，" * n, "hans": "１２，" * n, "en": "12, " * n, "origin": "mt"}]}]}
    path = bad.write(work / "n.json", json.dumps(doc, ensure_ascii=False))
    return ["check", str(path), "-o", str(work / "r.txt")]


def _yaml(work: Path, n: int) -> list[str]:
    """An alias bomb of n levels (9**n nodes when expanded): the old code hung at 8."""
    lines = ['l0: &l0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    lines += [f"l{i}: &l{i} [" + ",".join([f"*l{i - 1}"] * 9) + "]" for i in range(1, n + 1)]
    source = bad.write(work / "bomb.md", "---\n" + "\n".join(lines) + f"\ntitle: *l{n}\n---\n\n正文。\n")
    return ["build", str(source), "-o", str(work / "out"), "--no-translate", "-q"]


def _model(work: Path, n: int) -> list[str]:
    """A model archive of about n/1000 MB that unpacks to n MB of zeros."""
    model = work / "bomb.argosmodel"
    top = "translate-zh_en-bomb"
    with zipfile.ZipFile(model, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr(f"{top}/metadata.json", json.dumps({"from_code": "zh", "to_code": "en", "type": "translate"}))
        zf.writestr(f"{top}/sentencepiece.model", b"x")
        with zf.open(f"{top}/model/model.bin", "w", force_zip64=True) as member:
            for _ in range(n):
                member.write(b"\0" * 2**20)
    return ["models", "install", str(model)]


def _fifo(work: Path, n: int) -> list[str]:
    """A list file naming a FIFO nobody writes to: the old code blocked forever (n is ignored)."""
    if not (work / "pipe.txt").exists():
        os.mkfifo(work / "pipe.txt")
    book = bad.write(work / "book.txt", "pipe.txt\n")
    return ["build", str(book), "-o", str(work / "out"), "--no-translate", "-q"]


def _players(work: Path, n: int) -> list[str]:
    """n <video>s nested in each other: asking each whether it was dropped searched all those under it."""
    source = bad.write(work / "players.html", "<p>正文。</p>" + "<video>" * n + '<source src="https://x.org/v.mp4">')
    return ["build", str(source), "-o", str(work / "out"), "--no-translate", "-q"]


# (name, what grows, make, n, quick n); the one-unit run uses size 1.
CASES: list[tuple[str, str, Make, int, int]] = [
    ("bold marks in one paragraph", "sentences, each with a <b>", _bold, 4000, 1000),
    ("names in one run-on sentence", "names joined by 、", _names, 8000, 2000),
    ("EPUB spine listing one chapter n times", "spine entries (20,000-character chapter)", _spine, 100, 30),
    ("check --translation", "source paragraphs (3/4 as many English)", _align, 800, 200),
    ("check of a repeated number", "'12, ' repeated", _numbers, 8000, 2000),
    ("YAML alias bomb in front matter", "alias levels (9^n nodes expanded)", _yaml, 4, 3),
    ("model archive of zeros", "MB unpacked (1/1000 of it packed)", _model, 150, 50),
    ("list file naming a FIFO", "(no size: blocks or not)", _fifo, 1, 1),
    ("players nested in each other", "nested <video>s", _players, 8000, 2000),
]


def run_case(make: Make, size: int, code: Path, limit: float, repeats: int) -> dict:
    """Fresh-process CLI runs on a fresh input: the best time and its exit code, or the limit passed."""
    best: dict | None = None
    for _ in range(repeats):
        with tempfile.TemporaryDirectory(prefix="bilingual-hostile-") as tmp:
            work = Path(tmp)
            env = {**os.environ, "PYTHONPATH": str(code), "ARGOS_PACKAGES_DIR": str(work / "packages"),
                   "BILINGUAL_MEMORY": str(work / "memory.sqlite")}
            args = make(work, size)
            start = time.perf_counter()
            try:
                done = subprocess.run([sys.executable, "-m", "bilingual.cli", *args], cwd=work, env=env,
                                      capture_output=True, text=True, timeout=limit)
            except subprocess.TimeoutExpired:
                return {"size": size, "seconds": None, "exit": None, "note": f"> {limit:g} s"}
            seconds = time.perf_counter() - start
        line = (done.stderr.strip().splitlines() or [""])[-1][:160]
        if best is None or seconds < best["seconds"]:
            best = {"size": size, "seconds": round(seconds, 3), "exit": done.returncode, "note": line}
    assert best is not None
    return best


def growth(base: dict, small: dict, large: dict) -> float | None:
    """(t(2n) - t0) / (t(n) - t0): 2 for linear work, 4 for quadratic; None when a run timed out
    or the work at n is below MIN_WORK (noise)."""
    if None in (base["seconds"], small["seconds"], large["seconds"]):
        return None
    work_small = small["seconds"] - base["seconds"]
    if work_small < MIN_WORK:
        return None
    return round(max(large["seconds"] - base["seconds"], 0.0) / work_small, 2)


def markdown(results: dict) -> str:
    lines = [f"Hostile inputs ({results['label']}), {results['when']}: code at {results['code']}, "
             f"{results['cpus']} CPUs, load average {results['load']:.1f} at start; best of {results['repeats']} "
             f"runs; time limit {results['limit']:g} s.",
             "", "| case | n | t0 (1 unit) | t(n) | t(2n) | growth (2 = linear, 4 = quadratic) | exit at 2n |",
             "|---|---|---|---|---|---|---|"]
    note = f"— (work at n under {MIN_WORK:g} s)"
    for case in results["cases"]:
        b, s, la = case["base"], case["small"], case["large"]

        def t(run: dict) -> str:
            return f"{run['seconds']:.2f} s" if run["seconds"] is not None else run["note"]

        g = case["growth"]
        shown = g if g is not None else ("— (timed out)" if None in (s["seconds"], la["seconds"]) else note)
        lines.append(f"| {case['name']} ({case['unit']}) | {s['size']} | {t(b)} | {t(s)} | {t(la)} | "
                     f"{shown} | {la['exit'] if la['exit'] is not None else 'killed'} |")
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--code", type=Path, default=ROOT, help="checkout whose bilingual/ to run (default: this)")
    parser.add_argument("--label", default="", help="name of this run in the results (default: the code folder)")
    parser.add_argument("--quick", action="store_true", help="smaller sizes")
    parser.add_argument("--limit", type=float, default=120.0, help="seconds before a run counts as hung")
    parser.add_argument("--repeats", type=int, default=3, help="runs per size; the best counts")
    parser.add_argument("--only", default="", help="run only the cases whose name holds this text")
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "results")
    args = parser.parse_args(argv)
    label = args.label or ("this checkout" if args.code.resolve() == ROOT else args.code.name)
    results = {"label": label, "code": str(args.code), "when": datetime.datetime.now(datetime.timezone.utc)
               .isoformat(timespec="seconds"), "cpus": os.cpu_count(), "load": os.getloadavg()[0],
               "limit": args.limit, "repeats": args.repeats, "cases": []}
    for name, unit, make, n, quick_n in CASES:
        if args.only and args.only not in name:
            continue
        n = quick_n if args.quick else n
        print(f"[hostile] {name}: n = {n}", file=sys.stderr, flush=True)
        repeats = max(1, args.repeats)
        base = run_case(make, 1, args.code, args.limit, repeats)
        small = run_case(make, n, args.code, args.limit, repeats)
        large = run_case(make, 2 * n, args.code, args.limit, repeats) if small["seconds"] is not None else \
            {"size": 2 * n, "seconds": None, "exit": None, "note": "not run (n already hung)"}
        results["cases"].append({"name": name, "unit": unit, "base": base, "small": small, "large": large,
                                 "growth": growth(base, small, large)})
    stem = "hostile" if label == "this checkout" else f"hostile-{label.replace(' ', '-')}"
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / f"{stem}.json").write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n",
                                           encoding="utf-8")
    (args.out / f"{stem}.md").write_text(markdown(results), encoding="utf-8")
    print(markdown(results))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
