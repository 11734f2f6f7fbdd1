"""Benchmarks: ratios against baselines measured in the same run, written as JSON and Markdown.

    python bench/run.py            # production-size model: seed, 10, 50, 200 articles (about 30-40 min, 2 cores)
    python bench/run.py --quick    # the d=32 test model: seed and 10 articles (a couple of minutes)

Writes bench/results/latest.json and bench/results/latest.md (the full run
also copies the table into bench/README.md). Runs offline. The production-size
model is built once by the shared real_dims_argos.py tool and cached outside
the repository (bench/production.py); --quick uses the tiny test package
(tests/tinymodel.py). Nothing here is a test: no figure fails the run, each
is reported against its goal. bench/README.md says what each figure means.
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import platform
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench import figures  # noqa: E402
from bench.report import markdown  # noqa: E402

FIXTURES = ROOT / "tests" / "fixtures"
SEED = ROOT / "seeds" / "000_e53f636a1fba136f.txt"
# The corpus of real articles: the seed, the fixture articles and the fixture parallel corpus's Chinese side.
CORPUS = [SEED, *sorted(FIXTURES.glob("*_*.md")), *sorted(FIXTURES.glob("*.epub")), FIXTURES / "parallel" / "zh.txt"]
WARMUP = FIXTURES / "cdt_392432_luo-guancong.md"
HEAVY = ("argostranslate", "torch", "stanza", "ctranslate2")
DEFAULT_OUT = ROOT / "bench" / "results"
# Per run kind: article sets (0 = the seed alone), repeats per set (best of), sets that also run the
# per-paragraph loop and argostranslate's path (each several times slower than the build), the EPUB set.
PLANS = {
    "full": {"sets": [0, 10, 50, 200], "repeats": {0: 5, 10: 2, 50: 2, 200: 1}, "peers": [0, 10],
             "free": [0, 10, 50], "epub": 200, "epub_new": 10, "megabytes": 4.0, "startup_runs": 7},
    "quick": {"sets": [0, 10], "repeats": {0: 1, 10: 1}, "peers": [0], "free": [0, 10], "epub": 10, "epub_new": 2,
              "megabytes": 2.0, "startup_runs": 3},
}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="the d=32 test model, seed and 10 articles")
    parser.add_argument("--threads", type=int, default=0, help="engine CPU threads (0: every usable core)")
    parser.add_argument("--batch-size", type=int, default=32, help="sentences (or tokens) per engine batch")
    parser.add_argument("--batch-type", choices=["examples", "tokens"], default="examples")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="folder for latest.json/.md")
    args = parser.parse_args(argv)
    plan = PLANS["quick" if args.quick else "full"]
    options = {"threads": args.threads, "batch_size": args.batch_size, "batch_type": args.batch_type}
    command = "python bench/run.py " + " ".join(argv if argv is not None else sys.argv[1:])
    started = time.perf_counter()

    with tempfile.TemporaryDirectory(prefix="bilingual-bench-") as tmp:
        work = Path(tmp)
        _private_environment(work)
        if args.quick:
            model = "tiny (d=32, tests/tinymodel.py)"
            os.environ["ARGOS_PACKAGES_DIR"] = str(work / "packages")
            _install(_tiny_package(work), work / "packages")
        else:
            from bench import production

            model = "production-size (random weights, real zh→en 1.9 dimensions)"
            os.environ["ARGOS_PACKAGES_DIR"] = str(production.installed())
        results = {
            "when": datetime.datetime.now(datetime.timezone.utc).isoformat(timespec="seconds"),
            "command": command.strip(),
            "quick": args.quick,
            "model": model,
            "machine": _machine(),
            "engine_options": options,
            "corpus": [str(p.relative_to(ROOT)) for p in CORPUS],
            "sets": [],
        }
        sets = _article_sets(work, plan["sets"], extra=plan["epub_new"])
        for count in plan["sets"]:
            _say(f"first build, raw CTranslate2, cached rebuild: {_name(count)}")
            row = _measure_set(work, count, sets[count], options, plan["repeats"][count],
                               peers=count in plan["peers"], free=count in plan["free"])
            results["sets"].append(row)
            if count == plan["epub"]:
                _say(f"peak memory: {count}-article EPUB build")
                results["epub"] = _epub_peak(work, sets[count], sets["extra"], Path(row["memory"]), options)
        _say(f"segmentation + conversion throughput on {plan['megabytes']:g} MB")
        results["throughput"] = figures.throughput(CORPUS, megabytes=plan["megabytes"])
        _say("start-up times")
        results["startup"] = _startup(work, runs=plan["startup_runs"])
    results["bench_minutes"] = (time.perf_counter() - started) / 60

    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / "latest.json").write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    (args.out / "latest.md").write_text(markdown(results), encoding="utf-8")
    if args.out == DEFAULT_OUT and not args.quick:
        _update_readme(markdown(results))
    print(markdown(results))
    return 0


def _name(count: int) -> str:
    return "seed" if count == 0 else f"{count} articles"


def _update_readme(table: str) -> None:
    """bench/README.md shows the latest table: everything after its `<!-- latest -->` line."""
    readme = ROOT / "bench" / "README.md"
    text = readme.read_text(encoding="utf-8")
    marker = "<!-- latest -->\n"
    if marker in text:
        readme.write_text(text[:text.index(marker) + len(marker)] + "\n" + table, encoding="utf-8")


def _say(text: str) -> None:
    print(f"[bench] {text}", file=sys.stderr, flush=True)


def _private_environment(work: Path) -> None:
    """Every memory and cache under the temp folder: the bench touches nothing of the user's.

    Child processes also write Python bytecode (PYTHONDONTWRITEBYTECODE is
    dropped): start-up is measured as an installed package runs, compiled once.
    """
    for var, sub in (("XDG_DATA_HOME", "data"), ("XDG_CONFIG_HOME", "config"), ("XDG_CACHE_HOME", "cache")):
        os.environ[var] = str(work / sub)
    os.environ["BILINGUAL_MEMORY"] = str(work / "default-memory.sqlite")
    os.environ.pop("PYTHONDONTWRITEBYTECODE", None)


def _tiny_package(work: Path) -> Path:
    from tests.tinymodel import build_tiny_argosmodel

    return build_tiny_argosmodel(work / "tinymodel")


def _install(package: Path, folder: Path) -> None:
    from bilingual.translate import packages as models

    if not models.list_packages(folder):
        models.install_file(package, directory=folder)


def _machine() -> dict:
    import ctranslate2

    from bilingual.translate.threads import usable_cores

    return {"python": platform.python_version(), "platform": platform.platform(), "cpus": os.cpu_count(),
            "usable_cores": usable_cores(), "ctranslate2": ctranslate2.__version__,
            "load_average": list(os.getloadavg())}


def _article_sets(work: Path, counts: list[int], *, extra: int) -> dict:
    """count -> input files: the seed alone for 0, else the first `count` generated articles; "extra": the
    `extra` articles after the largest set (new to its memory)."""
    from bench.articles import make

    largest = max(counts)
    made = make(CORPUS, work / "articles", largest + extra)
    return {**{count: [SEED] if count == 0 else made[:count] for count in counts}, "extra": made[largest:]}


# --- one article set ---


def _child_cpu(cmd: list[str], **kwargs) -> tuple[subprocess.CompletedProcess, float, float]:
    """(result, wall seconds, CPU seconds of the child and its children)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    done = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, **kwargs)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return done, wall, (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)


def _measure_set(work: Path, count: int, inputs: list[Path], options: dict, repeats: int, *, peers: bool,
                 free: bool) -> dict:
    """The worker's figures for one set, the argostranslate peer, and a cached rebuild in a fresh process."""
    folder = work / f"set-{count}"
    folder.mkdir()
    spec = {"inputs": [str(p) for p in inputs], "work": str(folder), "options": options, "repeats": repeats,
            "warmup": [str(WARMUP)], "paragraph_loop": peers, "free": free}
    (folder / "spec.json").write_text(json.dumps(spec), encoding="utf-8")
    done, _, _ = _child_cpu([sys.executable, "-m", "bench.worker", str(folder / "spec.json"),
                             str(folder / "result.json")])
    if done.returncode != 0:
        raise SystemExit(f"bench: worker for {_name(count)} failed: {done.stderr[-1500:]}")
    row = {"set": _name(count), "articles": max(count, 1),
           **json.loads((folder / "result.json").read_text(encoding="utf-8"))}
    if peers:
        _say(f"argostranslate's own path: {_name(count)}")
        row["argostranslate"] = _argos_peer(folder, options)
    # A cached rebuild as a user runs it: a fresh `bilingual build` process on the filled memory.
    cmd = [*_bilingual(), "build", *map(str, inputs), "-o", str(folder / "cold-cached"), "--memory", row["memory"],
           "--threads", str(options["threads"]), "--batch-size", str(options["batch_size"]), "--quiet"]
    _child_cpu(cmd)  # the first process fills the template and name caches, as any earlier build would have
    _, wall, cpu = _child_cpu(cmd)
    row["cold_cached"] = {"wall_s": wall, "cpu_s": cpu, "peak_rss_mib": _peak_rss_kib(cmd) / 1024}
    return row


def _argos_peer(folder: Path, options: dict) -> dict:
    """bench/peers.py in its own process (it imports torch and stanza), same thread count as the engine."""
    from bilingual.translate.threads import engine_threads

    env = {**os.environ, "ARGOS_INTRA_THREADS": str(engine_threads(options["threads"]))}
    done, _, _ = _child_cpu([sys.executable, "-m", "bench.peers", str(folder / "paragraphs.json"),
                             str(folder / "argos.json")], env=env)
    if done.returncode != 0:
        return {"error": (done.stderr.strip().splitlines() or ["failed"])[-1][:300]}
    return json.loads((folder / "argos.json").read_text(encoding="utf-8"))


def _epub_peak(work: Path, inputs: list[Path], new: list[Path], memory: Path, options: dict) -> dict:
    """Peak RSS of `bilingual build --format epub` of len(inputs) articles in a fresh process, with the engine
    at work: the set's last len(new) articles are swapped for articles its memory has never seen (so the
    model loads and translates them), the rest come from a copy of the set's memory. And of one article."""
    import shutil

    books = {"1 article": (new[:1], work / "epub-1.sqlite"),
             f"{len(inputs)} articles": (inputs[:len(inputs) - len(new)] + new, work / "epub-many.sqlite")}
    shutil.copyfile(memory, books[f"{len(inputs)} articles"][1])
    rows = {}
    for name, (files, tm) in books.items():
        out = work / f"epub-{name.replace(' ', '-')}"
        cmd = [*_bilingual(), "build", *map(str, files), "-o", str(out), "--format", "epub", "--memory", str(tm),
               "--threads", str(options["threads"]), "--batch-size", str(options["batch_size"]), "--quiet"]
        start = time.perf_counter()
        peak = _peak_rss_kib(cmd) / 1024
        rows[name] = {"peak_rss_mib": peak, "seconds": time.perf_counter() - start,
                      "epub_mib": sum(p.stat().st_size for p in out.glob("*.epub")) / 2**20}
    many = rows[f"{len(inputs)} articles"]
    return {"articles": len(inputs), "translated_articles": len(new), "builds": rows, "goal_mib": 500,
            "ratio_to_one_article": many["peak_rss_mib"] / rows["1 article"]["peak_rss_mib"]}


def _peak_rss_kib(cmd: list[str]) -> int:
    """ru_maxrss of one child, read in a fresh parent so no earlier child counts."""
    probe = ("import resource, subprocess, sys; done = subprocess.run(sys.argv[1:]); "
             "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss); sys.exit(done.returncode)")
    done = subprocess.run([sys.executable, "-c", probe, *cmd], cwd=ROOT, capture_output=True, text=True)
    if done.returncode != 0:
        raise SystemExit(f"bench: {' '.join(cmd)} failed: {done.stderr[-500:]}")
    return int(done.stdout.split()[-1])  # Linux: KiB


# --- start-up ---


def _bilingual() -> list[str]:
    """What the `bilingual` console script runs, importing this checkout's code (run with cwd ROOT: `-c` puts
    the working folder first on sys.path; the installed script could import another checkout)."""
    return [sys.executable, "-c", "import sys; from bilingual.cli import main; sys.argv[0] = 'bilingual'; main()"]


def _startup(work: Path, *, runs: int) -> dict:
    """Median wall and CPU of short commands in fresh processes, next to `python -c pass`; and the fixed cost
    of `build SEED --no-translate`: a fresh process's CPU minus python's start minus the same build run again
    inside one process (its reading, work on the text and writing)."""
    commands = {
        "bilingual --help": ["--help"],
        "bilingual build --help": ["build", "--help"],
        "bilingual check --help": ["check", "--help"],
        "bilingual glossary check": ["glossary", "check"],
        "bilingual build SEED --no-translate": ["build", str(SEED), "-o", str(work / "startup-out"), "--no-translate",
                                                "--quiet"],
    }
    base = _median([sys.executable, "-c", "pass"], runs)
    rows = []
    for name, args in commands.items():
        _child_cpu([*_bilingual(), *args])  # bytecode and caches written once, as after any first run
        wall, cpu = _median([*_bilingual(), *args], runs)
        rows.append({"command": name, "seconds": wall, "cpu_s": cpu, "over_python": wall / base[0],
                     "heavy_imports": _heavy_imports(args)})
    code = ("import sys, time; from pathlib import Path; from bilingual import api\n"
            "run = lambda: api.build([Path(sys.argv[1])], Path(sys.argv[2]), english=False)\n"
            "run(); times = []\n"
            "for _ in range(5):\n"
            "    w, c = time.perf_counter(), time.process_time(); run()\n"
            "    times.append((time.perf_counter() - w, time.process_time() - c))\n"
            "print(min(t[0] for t in times), min(t[1] for t in times))")
    done = subprocess.run([sys.executable, "-c", code, str(SEED), str(work / "startup-warm")], cwd=ROOT,
                          capture_output=True, text=True, check=True)
    warm_wall, warm_cpu = map(float, done.stdout.split())
    cold = rows[-1]
    fixed = {"cold_wall_s": cold["seconds"], "cold_cpu_s": cold["cpu_s"], "warm_wall_s": warm_wall,
             "warm_cpu_s": warm_cpu, "python_wall_s": base[0], "python_cpu_s": base[1],
             "fixed_wall_s": cold["seconds"] - base[0] - warm_wall, "fixed_cpu_s": cold["cpu_s"] - base[1] - warm_cpu,
             "goal_s": 0.3}
    return {"python_c_pass": base[0], "python_c_pass_cpu": base[1], "runs": runs, "goal_help_seconds": 0.3,
            "commands": rows, "fixed_cost": fixed}


def _median(cmd: list[str], runs: int) -> tuple[float, float]:
    walls, cpus = [], []
    for _ in range(runs):
        done, wall, cpu = _child_cpu(cmd)
        if done.returncode != 0:
            raise SystemExit(f"bench: {' '.join(cmd)} failed: {done.stderr[-300:]}")
        walls.append(wall)
        cpus.append(cpu)
    return statistics.median(walls), statistics.median(cpus)


def _heavy_imports(args: list[str]) -> list[str]:
    """Which of the MT libraries a command imports (python -X importtime): should be none."""
    code = "import sys; from bilingual.cli import main; main(sys.argv[1:])"
    done = subprocess.run([sys.executable, "-X", "importtime", "-c", code, *args], cwd=ROOT, capture_output=True,
                          text=True)
    names = {line.split("|")[-1].strip().split(".")[0] for line in done.stderr.splitlines()
             if line.startswith("import time:")}
    return sorted(names & set(HEAVY))


if __name__ == "__main__":
    sys.exit(main())
