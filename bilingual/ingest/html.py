"""Generic HTML pages: title and meta tags from the head, blocks from the article body."""

from __future__ import annotations

from bilingual.ingest import dates
from bilingual.ingest.blocks import html_blocks, parse
from bilingual.ingest.inline import fold
from bilingual.model import Document, Meta
from bilingual.soup import BeautifulSoup, Tag
from bilingual.urls import safe_meta_url

_AUTHOR = ("author", "article:author", "dc.creator", "dcterms.creator", "byl", "sailthru.author")
_DATE = ("article:published_time", "date", "dc.date", "dcterms.date", "dcterms.created", "pubdate",
         "publishdate", "og:published_time", "sailthru.date")
_SOURCE = ("og:site_name", "application-name")
_KEYWORDS = ("article:tag", "keywords", "news_keywords")


def read_text(text: str, *, page: bool = True) -> Document:
    """A Document (id and file fields left to the caller) from an HTML page or fragment.

    page=False keeps <header>/<footer>/<nav>/<aside> content (EPUB chapters).
    """
    soup = parse(text)
    body = _article(soup)
    meta = _meta(soup, body)
    first = body.find(["h1", "h2", "h3", "h4", "h5", "h6"])
    if not meta.title and first is not None:
        meta.title = _text(first)
    # The page's own first heading repeats the title shown above the article: drop that
    # copy before reading, so the remaining headings' levels start from 0.
    if first is not None and _text(first) == meta.title:
        first.decompose()
    return Document(id="", meta=meta, blocks=html_blocks(body, page=page))


def _text(el: Tag | None) -> str:
    return fold(el.get_text(" "))[0] if el is not None else ""


def _meta_value(metas: list[Tag], names: tuple[str, ...]) -> list[str]:
    """Contents of the <meta> tags (found once per page) named by `names`, in that order."""
    found = []
    for name in names:
        for tag in metas:
            if str(tag.get("name") or "").lower() == name:
                found.append(tag.get("content", ""))
        for tag in metas:
            if tag.get("property") == name:
                found.append(tag.get("content", ""))
    return [fold(v)[0] for v in found if isinstance(v, str) and v.strip()]


def _meta(soup: BeautifulSoup, body: Tag) -> Meta:
    """Metadata from the head's meta tags; the title from the article's <h1> first
    (a page <title> usually carries the site name too)."""
    meta = Meta()
    metas = soup.find_all("meta")  # one pass over the page, not one per name looked for
    og = _meta_value(metas, ("og:title",))
    meta.title = _text(body.find("h1")) or (og[0] if og else "") or _text(soup.find("title"))
    author = _meta_value(metas, _AUTHOR)
    meta.author = author[0] if author and not author[0].startswith("http") else ""
    when = _meta_value(metas, _DATE)
    if not when:
        t = soup.find("time", attrs={"datetime": True})
        when = [t["datetime"]] if t else []
    meta.date = dates.to_iso(when[0]) if when else ""
    canonical = soup.find("link", rel=lambda r: r and "canonical" in r)
    url = (canonical.get("href") if canonical else "") or next(iter(_meta_value(metas, ("og:url",))), "")
    meta.url = safe_meta_url(url)
    site = _meta_value(metas, _SOURCE)
    meta.source = site[0] if site else ""
    topics: list[str] = []
    for value in _meta_value(metas, _KEYWORDS):
        for t in value.replace("，", ",").split(","):
            if t.strip() and t.strip() not in topics:
                topics.append(t.strip())
    meta.topics = topics
    return meta


def _article(soup: BeautifulSoup) -> Tag:
    """The part of the page that holds the article: <article>, <main>, role=main, else <body>."""
    articles = soup.find_all("article")
    if articles:
        return max(articles, key=lambda a: len(a.get_text()))
    return (soup.find("main") or soup.find(attrs={"role": "main"}) or soup.find("body") or soup)
