"""The collection's index page: one self-contained HTML file linking every article's page.

Links are relative to the index's folder, so the edition folder can be moved
or served anywhere; the page has no script and fetches nothing.
"""

from __future__ import annotations

import os
from pathlib import Path
from urllib.parse import quote

from bilingual import __version__
from bilingual.errors import BilingualError
from bilingual.files import write_atomic
from bilingual.model import COLUMNS, Document
from bilingual.publish import view
from bilingual.publish.render import environment

# The index's title when build is given no --title.
DEFAULT_TITLE = "Bilingual editions"


def _href(page: Path, folder: Path) -> str:
    """A relative, percent-encoded link from the index folder to an article page."""
    rel = os.path.relpath(Path(page).absolute(), Path(folder).absolute())
    return quote(Path(rel).as_posix(), safe="/")


def _entry(doc: Document, page: Path, folder: Path, columns: tuple[str, ...]) -> dict:
    m = doc.meta
    titles = []
    for t in view.titles(doc, columns):  # the shown columns, in their order, as the pages head them
        if all(t["text"] != seen["text"] for seen in titles):
            titles.append({"lang": t["lang"], "text": t["text"]})
    author, lang = view.meta_value(doc, "author", columns)
    return {"href": _href(page, folder), "titles": titles, "date": m.date[:10], "author": author,
            "source": view.meta_value(doc, "source", columns)[0], "lang": lang}


def render_index(docs: list[Document], pages: list[Path], path: Path, *, title: str = "",
                 columns: tuple[str, ...] = tuple(COLUMNS)) -> str:
    """The index page as a string: each article's title in the shown columns, date, author, link."""
    if len(docs) != len(pages):
        raise BilingualError(f"index: {len(docs)} articles but {len(pages)} pages")
    folder = Path(path).parent
    entries = [_entry(d, p, folder, tuple(columns)) for d, p in zip(docs, pages, strict=True)]
    return environment().get_template("index.html.j2").render(
        entries=entries, title=title or DEFAULT_TITLE, version=__version__,
        provenance=view.provenance_line(docs, tuple(columns)))


def write_index(docs: list[Document], pages: list[Path], path: Path, *, title: str = "",
                columns: tuple[str, ...] = tuple(COLUMNS)) -> Path:
    """Write the collection's index page (atomically) linking `pages`, one per document, in order."""
    return write_atomic(Path(path), render_index(docs, pages, path, title=title, columns=columns))
