"""One jinja2 set-up for every template: the HTML page, the EPUB pages, the index and the check report."""

from __future__ import annotations

from functools import cache


@cache
def environment(folder: str = "templates"):
    """Autoescaping, strict about undefined names (a typo in a template fails loudly, not blankly).

    Compiled templates are kept in the user cache (jinja2 checks each against
    its template's source), so a build does not parse and compile them again:
    that was a fifth of a one-article `build --no-translate`.
    """
    import jinja2

    return jinja2.Environment(
        loader=jinja2.PackageLoader("bilingual.publish", folder),
        autoescape=True, trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True,
        undefined=jinja2.StrictUndefined, bytecode_cache=_bytecode_cache(),
    )


def _bytecode_cache():
    """A jinja2 bytecode cache under $XDG_CACHE_HOME/bilingual/templates, or None if it cannot be made."""
    import jinja2

    from bilingual.settings import cache_home

    folder = cache_home() / "bilingual" / "templates"
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        return None
    return jinja2.FileSystemBytecodeCache(str(folder))
