"""The `bilingual` command: thin over the importable API; parses options, calls steps, reports.

Heavy libraries (argostranslate, ctranslate2, torch) are imported inside the
commands that need them, so `bilingual --help` and non-MT commands start fast.
"""

from __future__ import annotations

import errno
import re
import sys
from pathlib import Path

import click

from bilingual import api
from bilingual.errors import EXIT_FINDINGS, EXIT_INPUT, EXIT_INTERRUPTED, EXIT_OUTPUT, EXIT_SETUP, BilingualError


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="bilingual")
def cli() -> None:
    """Offline Chinese -> English bilingual editions: Simplified | Traditional | English."""


@cli.command()
@click.argument("inputs", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("-o", "--output", "out_dir", required=True, type=click.Path(path_type=Path),
              help="Folder for the editions (created if missing).")
@click.option("--variant", type=click.Choice(api.variant_names()), default="s2twp",
              show_default=True, help="OpenCC conversion for the Traditional column.")
@click.option("--source-region", type=click.Choice(api.regions()),
              help="The region a Traditional source is written in (zh-HK: Hong Kong): its own Traditional column is "
                   "tagged so, for that region's glyphs and fonts. Unstated: generic zh-Hant.")
@click.option("--no-translate", is_flag=True, help="Build the two Chinese columns only; English cells stay empty.")
@click.option("--glossary", "glossaries", multiple=True, type=click.Path(path_type=Path),
              help="Glossary file on top of the shipped one (repeatable; later files win).")
@click.option("--memory", "memory_path", type=click.Path(path_type=Path),
              help="Translation memory (default: $BILINGUAL_MEMORY or ~/.cache/bilingual/memory.sqlite).")
@click.option("--threads", type=int, default=0, show_default=True, callback=lambda c, p, v: _threads(v),
              help="CPU threads for the engine (0: every core this process may use).")
@click.option("--batch-size", type=click.IntRange(1, 1024), default=32, show_default=True,
              help="Sentences per engine batch.")
@click.option("--format", "formats", multiple=True, default=["html"], show_default=True,
              callback=lambda c, p, v: _formats(",".join(v)),
              help="Editions to write, comma-separated or repeated: html (a page per article), epub (one book).")
@click.option("--layout", type=click.Choice(["interleaved", "side-by-side"]), default="interleaved",
              show_default=True, help="EPUB layout: paragraphs one script after another, or columns.")
@click.option("--columns", default="zh-Hans,zh-Hant,en", show_default=True,
              callback=lambda c, p, v: _columns(v), help="Columns to show, in order (any of zh-Hans, zh-Hant, en).")
@click.option("--title", help="Title of a book or collection of several articles.")
@click.option("--keep-going", is_flag=True, help="Skip articles that cannot be read, build the rest, list the skipped.")
@click.option("-q", "--quiet", is_flag=True, help="Print nothing but errors (no progress, no file list).")
@click.option("-v", "--verbose", is_flag=True, help="Also print one line per article (sentences, memory hits).")
def build(inputs: tuple[Path, ...], out_dir: Path, variant: str, source_region: str | None, no_translate: bool,
          glossaries: tuple[Path, ...],
          memory_path: Path | None, threads: int, batch_size: int, formats: tuple[str, ...], layout: str,
          columns: tuple[str, ...], title: str | None, keep_going: bool, quiet: bool, verbose: bool) -> None:
    """Build bilingual editions from Chinese articles (files, folders or list files)."""
    from bilingual.progress import Reporter

    if quiet and verbose:
        raise click.UsageError("--quiet and --verbose contradict each other; give one")
    built = api.build(list(inputs), out_dir, variant=variant, source_region=source_region or "",
                      english=not no_translate,
                      glossaries=list(glossaries), memory_path=memory_path,
                      engine_options={"threads": threads, "batch_size": batch_size},
                      formats=formats, layout=layout, columns=columns, title=title, keep_going=keep_going,
                      progress=Reporter(quiet=quiet, verbose=verbose))
    for path in built.written if not quiet else []:
        click.echo(str(path))
    for problem in built.skipped:
        click.echo(f"bilingual: skipped: {problem}", err=True)
    for warning in built.warnings:
        click.echo(f"bilingual: warning: {warning}", err=True)


def _threads(value: int) -> int:
    """--threads checked now (usage error, exit 2): CTranslate2 crashes on absurd counts."""
    try:
        api.engine_threads(value)
    except BilingualError as e:
        raise click.BadParameter(str(e).removeprefix(f"--threads {value}: ")) from None
    return value


COLUMN_NAMES = {"zh-hans": "hans", "hans": "hans", "zh-hant": "hant", "hant": "hant", "en": "en"}


def _split(value: str) -> tuple[str, ...]:
    return tuple(v.strip().lower() for v in value.split(",") if v.strip())


FORMATS = ("html", "epub")


def _formats(value: str) -> tuple[str, ...]:
    """html,epub -> ("html", "epub"); anything else is a usage error (exit 2), like a bad --layout."""
    names = _split(value)
    unknown = [n for n in names if n not in FORMATS]
    if unknown or not names:
        raise click.BadParameter(f"unknown format {', '.join(unknown) or '(none)'}: use {', '.join(FORMATS)} "
                                 f"(XLIFF and TMX: `bilingual export`)")
    return names


def _columns(value: str) -> tuple[str, ...]:
    """zh-Hant,en -> ("hant", "en"): the model's column keys, in the order asked."""
    names = _split(value)
    unknown = [n for n in names if n not in COLUMN_NAMES]
    if unknown or not names:
        raise click.BadParameter(f"unknown column {', '.join(unknown) or '(none)'}: use zh-Hans, zh-Hant, en")
    keys = tuple(COLUMN_NAMES[n] for n in names)
    if len(set(keys)) != len(keys):
        raise click.BadParameter("a column is named twice")
    return keys


@cli.command("export")
@click.argument("article", type=click.Path(path_type=Path))
@click.option("--format", "fmt", type=click.Choice(["xliff", "tmx", "omegat"]), required=True,
              help="XLIFF for post-editing in a CAT tool, TMX for a translation memory, omegat for a ready "
                   "OmegaT project folder (Chinese to translate, English filled in).")
@click.option("-o", "--output", type=click.Path(path_type=Path),
              help="Output file or folder (default: next to ARTICLE, .xlf, .tmx or .omegat).")
@click.option("--xliff-version", type=click.Choice(["1.2", "2.0"]), default="1.2", show_default=True,
              help="XLIFF version (1.2 is what most CAT tools read best).")
@click.option("--glossary", "glossaries", multiple=True, type=click.Path(path_type=Path),
              help="Glossary file on top of the shipped one (repeatable); terms become notes per segment.")
@click.option("--no-glossary", is_flag=True, help="Attach no glossary notes.")
def export_cmd(article: Path, fmt: str, output: Path | None, xliff_version: str,
               glossaries: tuple[Path, ...], no_glossary: bool) -> None:
    """Export an article's segments (its saved document JSON) for proofreading in a CAT tool."""
    click.echo(str(api.export(article, fmt, output, xliff_version=xliff_version, glossaries=glossaries,
                              glossary_notes=not no_glossary)))


@cli.command("import")
@click.argument("file", type=click.Path(path_type=Path))
@click.option("--memory", "memory_path", type=click.Path(path_type=Path),
              help="Translation memory file (default: $BILINGUAL_MEMORY or ~/.cache/bilingual/memory.sqlite).")
@click.option("--doc", "article", type=click.Path(path_type=Path),
              help="The article's document JSON, to tell edits from untouched machine output.")
def import_cmd(file: Path, memory_path: Path | None, article: Path | None) -> None:
    """Import post-edits from a returned XLIFF or TMX file into the translation memory as human."""
    click.echo(str(api.import_edits(file, memory_path, article)))


@cli.command("review")
@click.argument("target", metavar="OUT_DIR_OR_ARTICLE.json", type=click.Path(path_type=Path))
@click.option("--port", type=click.IntRange(0, 65535), default=8765, show_default=True,
              help="Port to listen on (0: any free port).")
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on; anything but loopback needs --allow-remote.")
@click.option("--allow-remote", is_flag=True, help="Allow a non-loopback --host (anyone reaching it can edit).")
@click.option("--memory", "memory_path", type=click.Path(path_type=Path),
              help="Translation memory the edits go into (default: $BILINGUAL_MEMORY or "
                   "~/.cache/bilingual/memory.sqlite); use the one the edition was built with.")
@click.option("--glossary", "glossary_path", type=click.Path(dir_okay=False, path_type=Path),
              help="Project glossary TSV: used on top of the shipped one; new names are added to it.")
@click.option("--title", help="Title of a collection's index and book when rebuilding "
                               "[default: the one its index.html shows].")
@click.option("--no-browser", is_flag=True, help="Print the URL only; do not open a browser.")
def review_cmd(target: Path, port: int, host: str, allow_remote: bool, memory_path: Path | None,
               glossary_path: Path | None, title: str | None, no_browser: bool) -> None:
    """Proofread an edition in the browser: edit, approve, re-check, rebuild (saved to the translation memory)."""
    from bilingual import review

    review.serve(target, host=host, port=port, memory_path=memory_path, glossary_path=glossary_path, title=title,
                 open_browser=not no_browser, allow_remote=allow_remote, echo=click.echo)


@cli.group("models", invoke_without_command=True)
@click.pass_context
def models_group(ctx: click.Context) -> None:
    """Translation models: where they come from (run without a command), list, install."""
    if ctx.invoked_subcommand is None:
        click.echo(api.about_models(), nl=False)


@models_group.command("list")
def models_list() -> None:
    """Show the installed translation packages: version, size, licence, folder, the one in use."""
    folder, lines = api.installed_models()
    if not lines:
        click.echo(f"no translation models installed in {folder}")
    for line in lines:
        click.echo(line)


def _looks_like_language(text: str) -> bool:
    return bool(re.fullmatch(r"[a-z]{2,3}([_-][A-Za-z]{2,4})?", text))


@models_group.command("install")
@click.argument("what", nargs=-1, required=True)
@click.option("--source-prefix", default="", help="Model folders: token put before each sentence (NLLB: zho_Hans).")
@click.option("--source-suffix", default="", help="Model folders: token put after each sentence (e.g. </s>).")
@click.option("--target-prefix", default="", help="Model folders: first target token (NLLB: eng_Latn).")
def models_install(what: tuple[str, ...], source_prefix: str, source_suffix: str, target_prefix: str) -> None:
    """Install a model: `install FILE.argosmodel` or `install DIR` (a CTranslate2 model folder; both offline),
    or `install zh en` (downloads it from the Argos package index; see `bilingual models`)."""
    if len(what) == 1:
        path = Path(what[0])
        if not path.exists() and _looks_like_language(what[0]):
            raise click.UsageError(f"`{what[0]}` alone is one language: give two, source then target "
                                   f"(`bilingual models install zh en`), or a model file or folder")
        pkg = api.install_model(path, source_prefix=source_prefix, source_suffix=source_suffix,
                                target_prefix=target_prefix)
    elif len(what) == 2:
        import contextlib

        with contextlib.ExitStack() as stack:
            bars: list = []  # the bar starts with the first bytes, not before the index is read; on a terminal only

            def progress(done: int, total: int) -> None:
                if not bars:
                    bars.append(stack.enter_context(click.progressbar(
                        length=max(total, 1), label=f"downloading {what[0]}→{what[1]}", file=sys.stderr,
                        item_show_func=lambda item: item, hidden=not sys.stderr.isatty())))
                bar = bars[0]
                bar.length = max(total, done, 1)
                size = f"{done / 1e6:.1f} of {total / 1e6:.1f} MB" if total else f"{done / 1e6:.1f} MB"
                bar.update(done - bar.pos, size)

            pkg = api.download_model(what[0], what[1], progress=progress)
    else:
        raise click.UsageError("give one .argosmodel file or model folder, or two language codes (e.g. `zh en`)")
    click.echo(f"installed {pkg.describe()} in {pkg.path}")


@cli.group("glossary")
def glossary_group() -> None:
    """The glossary of proper names: check it, find names it lacks, move it to and from CAT tools."""


@glossary_group.command("check")
@click.argument("files", nargs=-1, type=click.Path(path_type=Path))
@click.option("-q", "--quiet", is_flag=True, help="Errors only; leave out the informational findings.")
def glossary_check(files: tuple[Path, ...], quiet: bool) -> None:
    """Check glossary files (default: the shipped glossary) and report problems with file:line."""
    paths, problems = api.lint_glossary(files)
    for p in problems:
        if p.level == "error" or not quiet:
            click.echo(str(p))
    errors = sum(p.level == "error" for p in problems)
    if errors:
        click.echo(f"bilingual: glossary check: {errors} error(s)", err=True)
        raise click.exceptions.Exit(EXIT_FINDINGS)
    click.echo(f"glossary ok: {', '.join(str(p) for p in paths)}", err=True)


@glossary_group.command("suggest")
@click.argument("article", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--glossary", "glossaries", multiple=True, type=click.Path(path_type=Path),
              help="Extra glossary file on top of the shipped one (repeatable).")
@click.option("-n", "--limit", default=50, show_default=True, help="How many candidates to list.")
@click.option("-v", "--verbose", is_flag=True, help="A line of context under each candidate.")
def glossary_suggest(article: Path, glossaries: tuple[Path, ...], limit: int, verbose: bool) -> None:
    """List names in ARTICLE that the glossary lacks, best evidenced first: count, kind, name."""
    for c in api.suggest_names(article, glossaries=glossaries, limit=limit):
        click.echo(f"{c.count}\t{c.kind}\t{c.text}")
        if verbose:
            click.echo(f"\t\t{c.context}  ({', '.join(c.evidence)})")


@glossary_group.command("explain")
@click.argument("article", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--glossary", "glossaries", multiple=True, type=click.Path(path_type=Path),
              help="Extra glossary file on top of the shipped one (repeatable).")
@click.option("--term", "only", default="", help="Only the places of one term (id or Chinese form).")
@click.option("--rejected", is_flag=True, help="Only the places where a surface did not match.")
def glossary_explain(article: Path, glossaries: tuple[Path, ...], only: str, rejected: bool) -> None:
    """Show every place a glossary name's surface occurs in ARTICLE, whether it matched, and why."""
    for context, d in api.explain_names(article, glossaries=glossaries, only=only):
        if rejected and d.matched:
            continue
        click.echo(f"{'match' if d.matched else 'no'}\t{d.term.id}\t{context}\t{d.why}")


@glossary_group.command("import")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("-o", "--output", type=click.Path(path_type=Path), help="Glossary TSV to write (default: stdout).")
def glossary_import(file: Path, output: Path | None) -> None:
    """Convert a TBX termbase (OmegaT, Trados, memoQ) into a glossary TSV file."""
    tsv = api.import_termbase(file, output)  # written atomically when output is given
    if output is None:
        click.echo(tsv, nl=False)


@glossary_group.command("export")
@click.option("-o", "--output", required=True, type=click.Path(dir_okay=False, path_type=Path),
              help="TBX file to write.")
@click.option("--glossary", "glossaries", multiple=True, type=click.Path(path_type=Path),
              help="Extra glossary file on top of the shipped one (repeatable).")
def glossary_export(output: Path, glossaries: tuple[Path, ...]) -> None:
    """Write the glossary as TBX for CAT tools."""
    click.echo(str(api.export_termbase(output, glossaries)))


@cli.command("check")
@click.argument("input_path", metavar="INPUT", type=click.Path(path_type=Path))
@click.option("--translation", type=click.Path(path_type=Path),
              help="External English (text, Markdown or HTML, one paragraph per block) to align with INPUT.")
@click.option("--format", "fmt", type=click.Choice(["text", "json", "html"]), default="text", show_default=True)
@click.option("--fail-on", type=click.Choice(["error", "warning", "info"]), default="error", show_default=True,
              help=f"Exit {EXIT_FINDINGS} when a finding of this severity or worse exists.")
@click.option("--glossary", "glossaries", multiple=True, type=click.Path(path_type=Path),
              help="Extra glossary file on top of the shipped one (repeatable).")
@click.option("--region", type=click.Choice(api.regions()), default=None,
              help="Whose Traditional name forms the zh-Hant column must use "
                   "[default: the document's variant's region, else zh-TW].")
@click.option("-o", "--output", type=click.Path(path_type=Path), help="Write the report here (default: stdout).")
def check_cmd(input_path: Path, translation: Path | None, fmt: str, fail_on: str, glossaries: tuple[Path, ...],
              region: str | None, output: Path | None) -> None:
    """Check a translation against its source and the glossary: a build's JSON, a Chinese source
    with --translation, or an XLIFF/TMX file from a CAT tool."""
    doc, findings = api.check(input_path, translation, glossaries=glossaries, region=region, output=output)
    text = api.check_report(doc, findings, fmt, output=output)
    if output is None:
        click.echo(text, nl=False)
    else:
        click.echo(text.strip(), err=True)  # the report went to the file; a summary naming it here
    if api.fails(findings, fail_on):
        raise click.exceptions.Exit(EXIT_FINDINGS)


def main(argv: list[str] | None = None) -> None:
    """Console entry point: user errors become one line on stderr and their class's exit code
    (bilingual/errors.py: 1 input, 2 usage, 3 environment, 4 output, 5 findings), never a traceback."""
    try:
        code = cli.main(args=argv, prog_name="bilingual", standalone_mode=False)
        # Without standalone mode click returns ctx.exit(n)'s code instead of exiting.
        if isinstance(code, int) and code:
            sys.exit(code)
    except click.exceptions.Abort:
        click.echo("bilingual: interrupted", err=True)
        sys.exit(EXIT_INTERRUPTED)
    except click.exceptions.UsageError as e:
        click.echo(f"bilingual: {e.format_message()}", err=True)
        if e.ctx is not None:  # click's own pointer to the command's help, kept
            click.echo(f"Try '{e.ctx.command_path} --help' for help.", err=True)
        sys.exit(e.exit_code)
    except click.exceptions.ClickException as e:
        click.echo(f"bilingual: {e.format_message()}", err=True)
        sys.exit(e.exit_code)
    except click.exceptions.Exit as e:
        sys.exit(e.exit_code)
    except SystemExit:
        raise
    except BilingualError as e:
        click.echo(f"bilingual: {e}", err=True)
        sys.exit(e.exit_code)
    except KeyboardInterrupt:
        click.echo("bilingual: interrupted", err=True)
        sys.exit(EXIT_INTERRUPTED)
    except MemoryError:
        click.echo("bilingual: out of memory; split the input or free some memory", err=True)
        sys.exit(EXIT_SETUP)
    except OSError as e:
        click.echo(f"bilingual: {e.strerror or e}: {e.filename or ''}".rstrip(": "), err=True)
        sys.exit(EXIT_OUTPUT if e.errno in _OUTPUT_ERRNOS else EXIT_INPUT)


# OS errors that mean an output could not be written (the rest are about reading).
_OUTPUT_ERRNOS = {errno.ENOSPC, errno.EDQUOT, errno.EROFS, errno.EFBIG}


if __name__ == "__main__":
    main()
