"""Markdown articles with Jekyll/YAML front matter, rendered by markdown-it-py.

The rendered HTML goes through the same block reader as web pages, so inline
HTML such as <figcaption> and anything unsafe are handled in one place.
"""

from __future__ import annotations

import copy
import functools
import html
import re

from bilingual.ingest import dates
from bilingual.ingest.blocks import html_blocks, parse
from bilingual.model import Document, Meta
from bilingual.urls import safe_meta_url

# Front matter nests at most this deep (titles, tags, categories: two levels are plenty).
MAX_FRONT_MATTER_DEPTH = 20
_TIMESTAMP = "tag:yaml.org,2002:timestamp"


@functools.cache
def _front_matter_loader() -> type:
    """YAML for a few metadata fields, bounded: no aliases, little nesting, dates left as text.

    An alias can make 481 bytes stand for billions of nodes (every later str() of it
    expands them), so aliases are refused; nesting is capped before PyYAML's recursive
    composer runs out of stack; and a date is read by dates.to_iso, which says "" to
    2024-02-30 where PyYAML's timestamp constructor raises. Made on first use: PyYAML is
    imported only when a Markdown file with front matter is read.
    """
    import yaml

    class FrontMatterLoader(yaml.SafeLoader):
        yaml_implicit_resolvers = {
            first: [(tag, regexp) for tag, regexp in resolvers if tag != _TIMESTAMP]
            for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
        }

        def compose_node(self, parent, index):  # noqa: ANN001, ANN201 - PyYAML's signature
            if self.check_event(yaml.AliasEvent):
                raise yaml.composer.ComposerError(None, None, "aliases are not allowed in front matter",
                                                  self.peek_event().start_mark)
            self._depth = getattr(self, "_depth", 0) + 1
            try:
                if self._depth > MAX_FRONT_MATTER_DEPTH:
                    raise yaml.composer.ComposerError(None, None, "front matter nested too deep",
                                                      self.peek_event().start_mark)
                return super().compose_node(parent, index)
            finally:
                self._depth -= 1

    return FrontMatterLoader


_FRONT = re.compile(r"\A\ufeff?---[ \t]*\r?\n(.*?)\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)", re.S)


def split_front_matter(text: str) -> tuple[dict, str]:
    """(front matter mapping, body); an unreadable header is left in the body as text."""
    m = _FRONT.match(text)
    if not m:
        return {}, text.lstrip("\ufeff")
    data = _load_header(m.group(1))
    if data is None:
        return {}, text
    return copy.deepcopy(data), text[m.end():]


@functools.lru_cache(maxsize=8)
def _load_header(header: str) -> dict | None:
    """The front matter's mapping, or None; remembered, as detection and reading both parse the same file's."""
    import yaml  # here, not at import: detection of every input asks has_front_matter only

    try:
        data = yaml.load(header, Loader=_front_matter_loader())  # noqa: S506 - a SafeLoader, bounded
    except (yaml.YAMLError, ValueError, TypeError, OverflowError, RecursionError):
        return None
    return data if isinstance(data, dict) else None


# markdown-it silently drops what nests deeper than maxNesting (20 by default: ten nested
# list items, or 20 ">"): a line of 50,000 ">" lost its text. A line keeps at most
# MAX_MARKERS container markers and MAX_INDENT columns of indentation, which stays well
# inside MAX_NESTING (a list level costs two), itself far from Python's recursion limit.
MAX_NESTING = 100
MAX_MARKERS = 16
MAX_INDENT = 64
_MARKER_TEXT = r"[ \t]*(?:>|(?:[-+*]|\d{1,9}[.)])(?=[ \t]|$))"  # ">" needs no space after it; a list marker does
_PREFIX = re.compile(rf"^(?:{_MARKER_TEXT})+")
_MARKER = re.compile(_MARKER_TEXT)


# A Hugo shortcode tag, {{< video src="…" >}} or {{% name %}} (hkcnews archives embed their videos so): markup for
# the site's templates, no text of the article. A video or YouTube one is read as the <video> or <iframe> it
# stands for (a figure linking to the player); any other is dropped, and the text between a pair of tags stays.
# Bounded and brace-free, so a page of unclosed {{< stays linear.
_SHORTCODE = re.compile(r"\{\{<[^{}]{0,2000}?>\}\}|\{\{%[^{}]{0,2000}?%\}\}")
# Their arguments: the video's named src="…"; the YouTube one's id, named (id="…", among class="…" and others, in
# any order) or the first positional one.
_VIDEO_SHORTCODE = re.compile(r"\{\{[<%]\s*video\s[^{}]*?(?<![\w-])src=\"([^\"{}]+)\"")
_YOUTUBE_SHORTCODE = re.compile(r"\{\{[<%]\s*youtube\s+(?:\"?([\w-]{1,64})\"?(?=[\s>%])"
                                r"|[^{}]*?(?<![\w-])id=\"?([\w-]{1,64})\"?(?=[\s>%]))")


def _shortcode_html(m: re.Match) -> str:
    """The player a video shortcode stands for, as HTML the block reader knows; "" for any other shortcode."""
    tag = m.group()
    if video := _VIDEO_SHORTCODE.match(tag):
        return f'<video src="{html.escape(video.group(1))}"></video>'
    if youtube := _YOUTUBE_SHORTCODE.match(tag):
        return f'<iframe src="https://www.youtube.com/embed/{youtube.group(1) or youtube.group(2)}"></iframe>'
    return ""


def _flatten(body: str) -> str:
    """Every line's container prefix cut to what markdown-it renders without dropping text."""
    out = []
    for line in body.split("\n"):
        indent = len(line) - len(line.lstrip(" \t"))
        if indent > MAX_INDENT:
            line = " " * MAX_INDENT + line.lstrip(" \t")
        m = _PREFIX.match(line)
        if m:
            markers = _MARKER.findall(m.group())
            if len(markers) > MAX_MARKERS:
                line = "".join(markers[:MAX_MARKERS]) + line[m.end():]
        out.append(line)
    return "\n".join(out)


def has_front_matter(text: str) -> bool:
    return bool(split_front_matter(text)[0])


def _strings(value: object) -> list[str]:
    """YAML tags/categories: a list, or one string with spaces or commas between names."""
    if value is None:
        return []
    items = value if isinstance(value, list) else re.split(r"[,，]|\s+", str(value))
    return [str(v).strip() for v in items if str(v).strip()]


def read_text(text: str) -> Document:
    """A Document (id and file fields left to the caller) from Markdown."""
    front, body = split_front_matter(text)
    from markdown_it import MarkdownIt

    md = MarkdownIt("commonmark", {"html": True, "maxNesting": MAX_NESTING}).enable(["table", "strikethrough"])
    body = _flatten(_SHORTCODE.sub(_shortcode_html, body))
    # Let every link through as a link: the block reader drops unsafe hrefs and keeps
    # the link text, where markdown-it would leave "[text](javascript:...)" as text.
    md.validateLink = lambda url: True
    soup = parse(md.render(body))
    blocks = html_blocks(soup)
    meta = Meta(
        title=str(front.get("title") or "").strip(),
        author=str(front.get("author") or "").strip(),
        date=dates.to_iso(front.get("date")),
        topics=_strings(front.get("tags")),
        collections=_strings(front.get("categories") or front.get("category")),
        url=safe_meta_url(str(front.get("original_url") or front.get("url") or front.get("link") or "")),
        archive_url=_archive_url(front),
        source=str(front.get("source") or "").strip(),
        rights=str(front.get("copyright") or front.get("rights") or "").strip(),
    )
    meta.archived_at = dates.from_wayback(meta.archive_url)
    if not meta.title and blocks and blocks[0].role == "heading":
        meta.title, blocks = blocks[0].source, blocks[1:]
    elif blocks and blocks[0].role == "heading" and _unspaced(blocks[0].source) == _unspaced(meta.title):
        blocks = blocks[1:]  # the title again as the first heading (its spaces folded: 動議　反對 / 動議 反對)
    return Document(id="", meta=meta, blocks=blocks)


def _archive_url(front: dict) -> str:
    """`url` when it is a Wayback Machine copy and `original_url` names the original beside it (hkcnews
    archives: the site closed in 2021), so the reader gets a link that still works; any other `url` beside an
    `original_url` (a repost, the same address with a slash) is no archive."""
    url, original = (safe_meta_url(str(front.get(k) or "")) for k in ("url", "original_url"))
    return url if original and dates.from_wayback(url) else ""


def _unspaced(text: str) -> str:
    return "".join(text.split())
