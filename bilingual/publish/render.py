"""One jinja2 set-up for every template: the HTML page, the EPUB pages, the index and the check report."""

from __future__ import annotations

from functools import cache


@cache
def environment(folder: str = "templates"):
    """Autoescaping, strict about undefined names (a typo in a template fails loudly, not blankly)."""
    import jinja2

    return jinja2.Environment(
        loader=jinja2.PackageLoader("bilingual.publish", folder),
        autoescape=True, trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True,
        undefined=jinja2.StrictUndefined,
    )
