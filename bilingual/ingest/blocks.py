"""The HTML block reader every format ends in: a parsed tree -> Blocks with marks.

CDT pages, generic pages, rendered Markdown and EPUB chapters all come here, so
the rules for what is a heading, quote, list item, caption, figure or table
cell, and what is dropped as executable or chrome, live in one place.

Images become "figure" blocks (alt text as their text, the original URL kept,
nothing fetched); a data table becomes one "cell" block per cell with its
coordinates, so every cell is segmented, converted and translated like a
paragraph. A <figcaption> holds one caption: when a browser-tolerant parse
nests the paragraphs after an unclosed one inside it, they stay paragraphs.
"""

from __future__ import annotations

import re
import unicodedata
import warnings
from dataclasses import dataclass

from bilingual.ingest.inline import Inline
from bilingual.ingest.media import Table, alt_text, data_table, image_url, placeholder_url, player_link, span
from bilingual.ingest.sanitize import is_boilerplate_class, rules
from bilingual.model import Block, Cell, Mark
from bilingual.soup import (
    BeautifulSoup,
    CData,
    Comment,
    Declaration,
    Doctype,
    NavigableString,
    ProcessingInstruction,
    Tag,
    XMLParsedAsHTMLWarning,
    decomposed,
)
from bilingual.urls import safe_href

# Inline tags that become marks; the rest of the inline tags are read for their text only.
MARK_OF = {"strong": "strong", "b": "strong", "em": "em", "i": "em", "del": "del", "s": "del",
           "strike": "del", "sup": "sup", "sub": "sub", "code": "code", "kbd": "code", "samp": "code",
           "tt": "code", "a": "a"}

BLOCK_TAGS = {"p", "div", "section", "article", "main", "blockquote", "ul", "ol", "li", "dl", "dt", "dd",
              "figure", "figcaption", "table", "thead", "tbody", "tfoot", "tr", "td", "th", "caption",
              "pre", "address", "center", "details", "summary", "body", "html", "header", "footer", "nav",
              "aside", "h1", "h2", "h3", "h4", "h5", "h6", "hgroup", "fieldset", "legend", "menu"}

HEADINGS = {"h1": 1, "h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6}

# Dropped containers whose article blocks are still read (see _Reader.salvage): elements that
# never hold prose themselves but that lxml makes hold the rest of the page when left unclosed.
SALVAGED = frozenset({"svg", "math", "object", "applet", "embed", "canvas", "video", "audio", "picture", "map",
                      "form", "fieldset", "dialog", "frameset", "select", "button"})

# A credit line under an image (图像来源，Getty Images) is short; a block opening so that is longer is text.
MAX_CREDIT = 80
# Beyond this depth a subtree is read as flat text: no crash on hostile nesting.
MAX_DEPTH = 200

# A paragraph that is only bold text is a heading unless it is long or ends a sentence with 。
# (and unless the page has real headings: see _normalize_heading_levels).
PROMOTE_MAX_CHARS = 40
_CLOSERS = "”’」』）)》〉】\"' "
_SKIP_NODES = (Comment, ProcessingInstruction, Doctype, CData, Declaration)
# HTML void elements that the reader drops anyway; br and hr are handled as breaks.
VOID_TAGS = frozenset({"area", "base", "col", "embed", "img", "input", "link", "meta", "param", "source", "track",
                       "wbr"})
_DISPLAY_NONE = re.compile(r"display\s*:\s*none", re.I)


def parse(html: str) -> BeautifulSoup:
    """Tolerant parse (lxml through BeautifulSoup): broken markup never raises.

    EPUB chapters are XHTML read as HTML on purpose (lxml's HTML parser forgives what
    real books get wrong); BeautifulSoup's 12-line warning about exactly that is silenced.
    """
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", XMLParsedAsHTMLWarning)
        return BeautifulSoup(html, "lxml")


def html_blocks(root: Tag, *, page: bool = False) -> list[Block]:
    """Blocks of the content under `root`.

    page=True also drops page chrome (nav, header, footer, aside) for whole
    web pages; fragments (CDT bodies, Markdown, EPUB chapters) keep them.
    """
    _drop_rule_footers(root)
    _drop_media_captions(root)
    reader = _Reader(page=page)
    reader.walk(root, 0)
    reader.flush()
    return _normalize_heading_levels(_alt_said_by_caption(reader.blocks), reader.promoted)


def _drop_rule_footers(root: Tag) -> None:
    """Drop a site's footer: a rule, then a block opening with one of `rule_footer_leads` (获取更多RSS：…,
    請加入成為眾新聞的月費訂戶…), and what follows it up to the next rule (a columnist's note stays)."""
    leads = tuple(rules()["rule_footer_leads"])
    for rule in root.find_all("hr"):
        if decomposed(rule):
            continue
        block = rule.find_next_sibling(True)
        if block is None or not block.get_text(" ", strip=True).startswith(leads):
            continue
        while block is not None and block.name != "hr":
            block, gone = block.find_next_sibling(True), block
            gone.decompose()
        rule.decompose()


# Players: a figure links to a video or audio one (nothing is fetched or embedded); a caption line right after
# one names it, not the text.
_PLAYERS = ("video", "audio", "iframe")


def _drop_media_captions(root: Tag) -> None:
    """Drop the caption line of a player: VOA's feed writes <video> then <div><small>the video's title</small></div>,
    which was a paragraph of the body (most often the article's title again, read twice)."""
    for played in root.find_all(_PLAYERS):
        if decomposed(played):
            continue
        caption = played.find_next_sibling(True)
        if caption is not None and _caption_after_image(caption):
            caption.decompose()


def _alt_said_by_caption(blocks: list[Block]) -> list[Block]:
    """An image whose alt text its own caption repeats (RFA writes the caption in alt, title and the caption
    span) keeps the caption alone: the figure showed the sentence twice, and a proofreader met it twice. A caption
    that goes on after those words, past a punctuation mark, does too (RFA's caption span, then its credit span:
    许水德。（记者夏小华摄）Photo: RFA; alt 图 before 图片说明 is no sentence repeated). So does one whose alt the next
    block, not a caption, says whole (眾新聞's columnist avatar, alt 主筆 | 楊健興, then **主筆 | 楊健興**); a
    paragraph that only opens with the alt's words is about more than the image."""
    for figure, caption in zip(blocks, blocks[1:], strict=False):
        if figure.role != "figure" or caption.role == "figure" or not figure.source:
            continue
        alt, said = "".join(figure.source.split()), "".join(caption.source.split())
        goes_on = (caption.role == "caption" and len(said) > len(alt) > 0 and said.startswith(alt)
                   and any(unicodedata.category(c).startswith("P") for c in (alt[-1], said[len(alt)])))
        if said == alt or goes_on:
            figure.source, figure.source_marks = "", []
    return blocks


@dataclass(eq=False)  # open marks are told apart by identity: <b><b> nests two equal ones
class _OpenMark:
    start: int
    tag: str
    href: str = ""


@dataclass
class _Caption:
    """An open <figcaption>: where its role sits on the stack, and whether it has given its text."""

    index: int
    emitted: bool = False
    ended: bool = False


class _Reader:
    def __init__(self, page: bool):
        r = rules()
        self.drop = set(r["drop_tags"]) | (set(r["drop_page_tags"]) if page else set())
        self.blocks: list[Block] = []
        self.promoted: set[int] = set()  # ids of blocks promoted from <p><strong>
        self.buf = Inline()
        self.open: list[_OpenMark] = []
        self.roles: list[tuple[str, int]] = []  # (role, level) of enclosing structures
        self.quote_depth = 0
        self.list_depth = 0
        self.in_p = 0
        self.tables = 0  # data tables read so far (cells carry the number)
        self.table: Table | None = None
        self.cell: Cell | None = None  # set while reading a table cell
        self.captions: list[_Caption] = []
        self.pending: list[Block] = []  # figures met inside running text, placed after it

    # --- structure -------------------------------------------------------
    def role(self) -> tuple[str, int]:
        return self.roles[-1] if self.roles else ("paragraph", 0)

    def flush(self) -> None:
        for om in self.open:
            self.buf.mark(om.start, om.tag, om.href)
        role, level = self.role()
        block = self.buf.take(role, level)
        for om in self.open:
            om.start = 0
        if role == "cell" and self.cell is not None:
            block = block or Block(role="cell")  # an empty cell keeps its place in the grid
            block.cell = self.cell
        if block is None:
            self.blocks += self.pending
            self.pending = []
            return
        if role == "caption" and self.captions:
            self.captions[-1].emitted = True
        if role == "paragraph" and self.in_p and _only_strong(block):
            block.role = "heading"
            block.source_marks = [m for m in block.source_marks
                                  if not (m.tag == "strong" and m.start == 0 and m.end == len(block.source))]
            self.promoted.add(id(block))
        self.blocks.append(block)
        self.blocks += self.pending
        self.pending = []

    def walk(self, node: Tag, depth: int) -> None:
        for child in node.children:
            if isinstance(child, _SKIP_NODES):
                continue
            if isinstance(child, NavigableString):
                self.buf.add(str(child))
            elif isinstance(child, Tag):
                self.element(child, depth + 1)

    def element(self, el: Tag, depth: int) -> None:
        name = (el.name or "").lower()
        if depth > MAX_DEPTH:  # before everything that walks children, void tags included
            self.buf.add(_flat_text(el, self.drop))
            return
        if name == "img":
            self.image(el)
            self.walk(el, depth)  # nothing, unless a broken parse nested text in it (see VOID_TAGS)
            return
        if name in VOID_TAGS:
            # Void elements hold nothing, but lxml's HTML 4 parser nests what follows an
            # unclosed <embed> (or <source>, <track>) inside it: that is the article's text.
            self.walk(el, depth)
            return
        if self.cell is None and (name in _PLAYERS or placeholder_url(el) is not None) and not _hidden(el):
            self.player(el)
            if name not in _PLAYERS:
                return  # a placeholder: what the page puts in it (lazy-load wrappers, the loaded player) is its
        if _dropped(el, self.drop):
            if name in SALVAGED and not _hidden(el) and not is_boilerplate_class(el.get("class")):
                self.salvage(el, depth)
            return
        if name == "br":
            if self.role()[0] in ("heading", "cell"):
                self.buf.add(" ")
            else:
                self.flush()
            return
        if name == "hr":
            if self.cell is not None:
                self.buf.add(" ")
            else:
                self.flush()
            return
        if name in MARK_OF:
            self.inline_mark(el, MARK_OF[name], depth)
            return
        if name not in BLOCK_TAGS:
            self.walk(el, depth)  # span, font, u, ins, ...: text only
            return
        if self.cell is not None:
            # Inside a table cell, paragraphs and lists (even a nested table) are one cell's text.
            self.buf.add(" ")
            self.walk(el, depth)
            self.buf.add(" ")
            return
        if name == "table" and data_table(el):
            self.read_table(el, depth)
            return
        if self.table is not None and name in ("tr", "td", "th"):
            self.table_part(el, name, depth)
            return
        self.end_swallowing_caption()
        self.flush()
        pushed = self.push_role(name, el)
        if name == "p":
            self.in_p += 1
        self.walk(el, depth)
        self.flush()
        if name == "p":
            self.in_p -= 1
        if name == "blockquote":
            self.quote_depth -= 1
        elif name in ("ul", "ol", "menu"):
            self.list_depth -= 1
        if pushed:
            self.roles.pop()
            if name == "figcaption":
                self.captions.pop()

    def end_swallowing_caption(self) -> None:
        """A block after a <figcaption>'s own text is not caption: lxml nested it there
        because the <figcaption> was never closed. The caption ends; the rest keeps the outer role."""
        if not self.captions:
            return
        cap = self.captions[-1]
        if cap.ended or not (cap.emitted or self.buf.visible()):
            return
        self.flush()
        self.roles[cap.index] = self.roles[cap.index - 1] if cap.index else ("paragraph", 0)
        cap.ended = True

    def image(self, el: Tag) -> None:
        """An image: a figure block (alt text, original URL), or its alt text where it stands for a character."""
        alt = alt_text(el)
        classes = set(el.get("class") or [])
        if classes & set(rules()["inline_image_classes"]) or self.cell is not None:
            if alt:  # an emoji, or an image inside a table cell: its words stay in the running text
                self.buf.add(f" {alt} " if self.cell is not None else alt)
            return
        src = image_url(el)
        if not alt and not src:
            return
        self.place(Block(role="figure", source=alt, src=src))

    def player(self, el: Tag) -> None:
        """A video or audio player: a figure that links to it (the edition embeds nothing, and runs nothing)."""
        media, url = player_link(el)
        if url:
            self.place(Block(role="figure", src=url, media=media))

    def place(self, figure: Block) -> None:
        """A figure where it stands; inside a sentence, after its paragraph."""
        if self.buf.visible():
            self.pending.append(figure)
        else:
            self.flush()
            self.blocks.append(figure)

    def read_table(self, el: Tag, depth: int) -> None:
        """A data table: its cells become "cell" blocks numbered by table, row and column."""
        self.flush()
        outer = self.table
        self.tables += 1
        self.table = Table(self.tables)
        self.walk(el, depth)
        self.flush()
        self.table = outer

    def table_part(self, el: Tag, name: str, depth: int) -> None:
        if name == "tr":
            self.flush()
            self.table.row += 1
            self.walk(el, depth)
            self.flush()
            return
        self.flush()
        rowspan, colspan = span(el.get("rowspan")), span(el.get("colspan"))
        row, col = self.table.place(rowspan, colspan)
        self.cell = Cell(self.table.number, row, col, head=name == "th", rowspan=rowspan, colspan=colspan)
        self.roles.append(("cell", 0))
        self.walk(el, depth)
        self.flush()
        self.roles.pop()
        self.cell = None

    def salvage(self, el: Tag, depth: int) -> None:
        """The article blocks inside a dropped container, and nothing else of it.

        lxml nests everything after an unclosed <svg>, <object> or <form> inside it,
        and some sites wrap the whole page in one <form>: dropping the element whole
        dropped the article. Its own text and non-block children (an SVG's <text>,
        a form's labels) stay dropped; the paragraphs, headings and lists are read.
        """
        for child in el.children:
            if not isinstance(child, Tag) or depth + 1 > MAX_DEPTH:
                continue
            name = (child.name or "").lower()
            if name in BLOCK_TAGS:
                self.element(child, depth + 1)
            elif not _dropped(child, self.drop) or name in SALVAGED:
                self.salvage(child, depth + 1)

    def push_role(self, name: str, el: Tag | None = None) -> bool:
        if name == "blockquote":
            self.quote_depth += 1
            self.roles.append(("quote", self.quote_depth - 1))
            return True
        if name in ("ul", "ol", "menu"):
            self.list_depth += 1
            return False
        if name == "li":
            self.roles.append(("list_item", max(self.list_depth - 1, 0)))
            return True
        if name in HEADINGS:
            self.roles.append(("heading", HEADINGS[name]))
            return True
        if name == "figcaption":
            self.roles.append(("caption", 0))
            self.captions.append(_Caption(len(self.roles) - 1))
            return True
        if name == "caption" or (el is not None and set(el.get("class") or []) & set(rules()["caption_classes"])):
            self.roles.append(("caption", 0))
            return True
        if el is not None and self.blocks and self.blocks[-1].role == "figure" and (
                _caption_after_image(el) or _credit_line(el)):
            self.roles.append(("caption", 0))
            return True
        return False

    def inline_mark(self, el: Tag, tag: str, depth: int) -> None:
        href = ""
        if tag == "a":
            href = safe_href(el.get("href"))
            if not href:
                self.walk(el, depth)
                return
        om = _OpenMark(self.buf.size, tag, href)
        self.open.append(om)
        self.walk(el, depth)
        self.open.remove(om)
        self.buf.mark(om.start, tag, href)


def _dropped(el: Tag, drop: set[str]) -> bool:
    """Executable, hidden or chrome: nothing under it is content."""
    return (el.name or "").lower() in drop or _hidden(el) or is_boilerplate_class(el.get("class"))


def _flat_text(root: Tag, drop: set[str]) -> str:
    """The text under `root` without recursion (hostile nesting), skipping what the reader drops.

    Void tags are looked through: lxml nests the text after an unclosed <embed> inside it.
    """
    parts: list[str] = []
    stack: list = [root]
    while stack:
        node = stack.pop()
        if isinstance(node, _SKIP_NODES):
            continue
        if isinstance(node, NavigableString):
            parts.append(str(node))
        elif isinstance(node, Tag) and ((node.name or "").lower() in VOID_TAGS or not _dropped(node, drop)):
            stack.extend(reversed(node.contents))
    return " ".join(parts)


def _hidden(el: Tag) -> bool:
    """Text a browser would not show is not content."""
    if el.has_attr("hidden") or str(el.get("aria-hidden", "")).lower() == "true":
        return True
    return bool(_DISPLAY_NONE.search(str(el.get("style", ""))))


def content_children(el: Tag) -> list:
    """The element's children but whitespace-only text: what a reader sees it hold."""
    return [c for c in el.children if not (isinstance(c, NavigableString) and not c.strip())]


def _caption_after_image(el: Tag) -> bool:
    """A block whose one child is a caption element (<div><small>caption</small></div>), with nothing
    else in it but whitespace: right after an image, the image's caption."""
    children = content_children(el)
    return (len(children) == 1 and isinstance(children[0], Tag)
            and (children[0].name or "").lower() in rules()["caption_tags_after_image"])


def _credit_line(el: Tag) -> bool:
    """A short block that opens with an image credit's words (图像来源，Reuters/WTO): right after an image, its
    credit. A longer one (a container whose first line is a credit, the article after it) is no caption."""
    text = ""
    for piece in el.strings:
        text += "".join(piece.split())
        if len(text) > MAX_CREDIT:
            return False
    return text.startswith(tuple(rules()["credit_leads"]))


def _only_strong(block: Block) -> bool:
    """A short bold-only paragraph: the way many CMS pages write section headings. One that ends a sentence, or
    with a colon (事先申明：, a label that introduces the paragraph after it), is emphasis, not a heading."""
    text = block.source
    if len(text) > PROMOTE_MAX_CHARS or text.rstrip(_CLOSERS).endswith(("。", ".", "：", ":")):
        return False
    covered = [False] * len(text)
    for m in block.source_marks:
        if m.tag == "strong":
            covered[m.start:m.end] = [True] * (m.end - m.start)
    return all(c or text[i].isspace() for i, c in enumerate(covered))


def _normalize_heading_levels(blocks: list[Block], promoted: set[int]) -> list[Block]:
    """Heading level = section depth: the highest heading rank used becomes 0.

    Where the page has real <h1>-<h6> headings, its bold-only paragraphs are
    pull quotes, not headings: they go back to being bold paragraphs.
    """
    ranks = [b.level for b in blocks if b.role == "heading" and id(b) not in promoted]
    top = min(ranks) if ranks else 1
    for b in blocks:
        if id(b) in promoted:
            if ranks:
                b.role, b.level = "paragraph", 0
                b.source_marks.insert(0, Mark(start=0, end=len(b.source), tag="strong"))
            else:
                b.level = 0
        elif b.role == "heading":
            b.level -= top
    return blocks
