"""China Digital Times archive pages (the seed's shape and the older RSS wrapper).

    <!--1718883046000-->            optional: archive time, epoch ms
    [title](url)
    ------
    日期：Fri, 19 Jun 2020 ...       optional (older wrapper)
    <p>... HTML body ...

The "CDT 档案卡" box, the RSS footer, the news feeds' first line
(<div><i>author<br>date</i></div>: VOA, DW, NYT Chinese) and a lone <time> before
the text (BBC) become metadata and leave the content.
Without a card, a repost's title "Author｜Title" (any of the bars CDT uses, or a
colon after a short name) gives the author; without any written date, the
archive stamp gives the date.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from bilingual.ingest import dates
from bilingual.ingest.blocks import content_children, html_blocks, parse
from bilingual.ingest.sanitize import rules
from bilingual.model import Document, Meta
from bilingual.soup import Tag, decomposed
from bilingual.urls import safe_meta_url

_STAMP = re.compile(r"^<!--\s*(\d{10,14})\s*-->$")
_TITLE = re.compile(r"^\[(.+)\]\((\S+)\)$")
_RULE = re.compile(r"^-{3,}$")
_DATE = re.compile(r"^日期[：:]\s*(.+)$")


def looks_like(text: str) -> bool:
    """The CDT wrapper: optional stamp, a [title](url) line, then a ------ line."""
    return _header(text) is not None


def _header(text: str) -> tuple[dict, str] | None:
    """Header fields and the HTML body, or None if `text` is not in the wrapper."""
    lines = text.lstrip("\ufeff").split("\n")
    i, head = 0, {}
    while i < len(lines) and not lines[i].strip():
        i += 1
    if i < len(lines) and (m := _STAMP.match(lines[i].strip())):
        head["stamp"] = m.group(1)
        i += 1
    if i + 1 >= len(lines):
        return None
    m = _TITLE.match(lines[i].strip())
    if not m or not _RULE.match(lines[i + 1].strip()):
        return None
    head["title"], head["url"] = m.group(1).strip(), m.group(2)
    i += 2
    while i < len(lines) and not lines[i].strip():
        i += 1
    if i < len(lines) and (m := _DATE.match(lines[i].strip())):
        head["date"] = m.group(1)
        i += 1
    return head, "\n".join(lines[i:])


def read_text(text: str) -> Document:
    """A Document (id and file fields left to the caller) from a CDT archive page."""
    parsed = _header(text)
    if parsed is None:
        raise ValueError("not a CDT archive page")
    head, body = parsed
    meta = Meta(title=head["title"], url=safe_meta_url(head["url"]))
    if "stamp" in head:
        meta.archived_at = dates.from_epoch_ms(head["stamp"])
    if "date" in head:
        meta.date = dates.from_rfc822(head["date"])
    soup = parse(body)
    had_card = _take_card(soup, meta)
    _take_footer(soup, meta)
    _take_feed_byline(soup, meta)
    _take_lone_time(soup, meta)
    _drop_related_lists(soup, head["url"])
    if not had_card and _names_author(head["url"]):
        # CDT titles reposts "Author｜Title"; without a card that is the only author we get.
        meta.author, meta.title = split_author(meta.title)
    if not meta.date and meta.archived_at:
        meta.date = meta.archived_at[:10]  # archived the day it was posted: the best date there is
    return Document(id="", meta=meta, blocks=html_blocks(soup))


def _site(url: str) -> str:
    """The host a URL names, without "www." ("" for none): urlsplit gives it lower-cased."""
    return (urlsplit(url.strip()).hostname or "").removeprefix("www.")


def _drop_related_lists(soup: Tag, url: str) -> None:
    """Drop a list whose every item is one link, and nothing else, to another page of the article's own site: the
    related-articles box RFA (<ul><li><b><a>台湾艺人十一献唱遭“后续处理”</a></b></li></ul>) and BBC set inside the
    text. Headlines of other articles, not this one's words; a list with any words of its own stays."""
    site = _site(url)
    if not site:
        return
    for lst in soup.find_all(["ul", "ol"]):
        if decomposed(lst):
            continue
        items = lst.find_all("li", recursive=False)
        if items and all(_one_link_to(li, site) for li in items):
            lst.decompose()


def _one_link_to(item: Tag, site: str) -> bool:
    links = item.find_all("a")
    return (len(links) == 1 and _site(links[0].get("href") or "") == site
            and links[0].get_text(strip=True) == item.get_text(strip=True) != "")


def _names_author(url: str) -> bool:
    """Whether a title from this page's site may begin with its author (CDT's; no link: taken for CDT's)."""
    host = _site(url)
    hosts = rules()["cdt_author_split"]["hosts"]
    return not host or any(host == h or host.endswith("." + h) for h in hosts)


# A <time> counts as the article's date only before this much text: a date inside the story is the story's.
_TIME_BEFORE_TEXT = 80


def _take_lone_time(soup: Tag, meta: Meta) -> None:
    """A <time datetime=...> alone in its block before the article's text, into `meta` and out of the text.

    BBC Chinese pages open so, with an absolute date (2020年10月6日) or a relative one
    (13 分钟前, "13 minutes ago", which an archive copy makes false); the attribute holds the date.
    """
    for el in soup.find_all("time", limit=3):
        when = dates.to_iso(el.get("datetime"))
        holder = el.parent
        if not when or not isinstance(holder, Tag) or holder.get_text(strip=True) != el.get_text(strip=True):
            continue
        if sum(len(t.strip()) for t in el.find_all_previous(string=True)) > _TIME_BEFORE_TEXT:
            return
        meta.date = meta.date or when
        el.decompose()
        return


_COLUMN_TAG = re.compile(r"^(【[^】]{1,20}】)\s*")
# The feeds' publication time alone on its line: ISO (fraction of a second dropped) or RFC 822.
_FEED_DATE = re.compile(r"^(\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}:\d{2})?)(?:\.\d+)?(Z?)$"
                        r"|^[A-Z][a-z]{2}, \d{1,2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} (?:GMT|UT|[+-]\d{4})$")


def _take_feed_byline(soup: Tag, meta: Meta) -> None:
    """The feed's first line, <div><i>author<br>date</i></div>, into `meta` and out of the text.

    Only a first line of just that shape whose last part is a date alone. The feed
    writes "null" for a missing author, sometimes the same name twice ("曹莉,曹莉"),
    and the outlet in 《》 when there is no person (it becomes the source).
    """
    body = soup.body or soup
    first = next(iter(content_children(body)), None)
    inner = content_children(first) if isinstance(first, Tag) else []
    if first is None or first.name != "div" or len(inner) != 1 or getattr(inner[0], "name", "") != "i":
        return
    parts = [" ".join(t.split()) for t in inner[0].stripped_strings]
    when = _FEED_DATE.match(parts[-1]) if parts else None
    if when is None:
        return
    meta.date = dates.to_iso(when.group(1) + when.group(2)) if when.group(1) else dates.from_rfc822(parts[-1])
    names = [n.strip() for part in parts[:-1] for n in re.split(r"[,，]", re.sub(r"^null\b", "", part))]
    author = "、".join(dict.fromkeys(n for n in names if n))
    if author.startswith("《") and author.endswith("》"):
        meta.source = meta.source or author[1:-1]
    elif author:
        meta.author = meta.author or author
    first.decompose()


def split_author(title: str) -> tuple[str, str]:
    """("Author", "Title") from a CDT repost title, or ("", title) when it names no author.

    The first bar of any kind (｜ | ︱ 丨) splits; without one, a colon after a
    short name does ("罗冠聪：一切都是……"). A leading column tag such as
    【404文库】 stays with the title.
    """
    r = rules()["cdt_author_split"]
    tag_match = _COLUMN_TAG.match(title)
    tag, rest = (tag_match.group(1), title[tag_match.end():]) if tag_match else ("", title)
    bars = [i for i in (rest.find(b) for b in r["bars"]) if i > 0]
    if bars:
        at = min(bars)
    else:
        colons = [i for i in (rest.find(c) for c in r["colons"]) if 0 < i <= r["colon_name_max"]]
        at = min(colons) if colons else -1
        if at > 0 and any(c in rest[:at] for c in r["not_in_name"]):
            at = -1
    if at <= 0:
        return "", title
    author, text = rest[:at].strip(), rest[at + 1:].strip()
    if not author or not text:
        return "", title
    return author, tag + text


def _take_card(soup: Tag, meta: Meta) -> bool:
    """Lift the "CDT 档案卡" box into `meta` and remove it from the tree.

    Only the box itself is metadata: a label that is the marker alone (a prose
    sentence that mentions 档案卡 is text), heading a block whose lines are the
    card's "label：value" fields, and nothing else is removed with it.
    """
    for label in soup.find_all(string=_is_card_label):
        card = _card_of(label)
        if card is not None:
            _read_card(card, meta)
            top = card  # and any wrapper that held nothing else (CDT floats it in a styled div)
            while isinstance(top.parent, Tag) and top.parent.name == "div" and \
                    top.parent.get_text().strip() == card.get_text().strip():
                top = top.parent
            top.decompose()
            return True
    return False


def _is_card_label(text: str) -> bool:
    """The card's title, "CDT 档案卡" (spacing and a colon aside), and no more."""
    marker = rules()["cdt_card_marker"]
    rest = re.sub(r"^\s*CDT\s*", "", str(text)).strip().rstrip("：:").strip()
    return rest == marker


def _card_of(label) -> Tag | None:
    """The element that is the card around `label`, or None when what surrounds it is not a card.

    The Shortcodes Ultimate spoiler CDT uses, else the smallest element around the
    label that holds field lines; either way its text must be the label and the
    fields (at most a little more), so article paragraphs are never taken with it.
    """
    holder = label.find_parent(class_="su-spoiler")
    if holder is None:
        holder = label.parent
        while isinstance(holder, Tag) and holder.name not in ("body", "html", "[document]") and \
                not _field_lines(holder):
            holder = holder.parent
    if not isinstance(holder, Tag) or holder.name in ("body", "html", "[document]"):
        return None
    lines = _field_lines(holder.find(class_="su-spoiler-content") or holder)
    if not lines:
        return None
    card_text = len("".join(holder.get_text().split()))
    field_text = sum(len("".join(_line_text(line).split())) for line in lines) + len("".join(str(label).split()))
    return holder if card_text <= field_text + 20 else None


def _field_lines(content: Tag) -> list[list]:
    """The lines of `content` that start with a known card field in bold, searched where they are."""
    fields = rules()["cdt_card_fields"]
    found = []
    for strong in content.find_all(["strong", "b"]):
        if strong.get_text().strip().rstrip("：:").strip() in fields:
            for line in _lines(strong.parent):
                if strong in line and line not in found:
                    found.append(line)
    return found


def _line_text(line: list) -> str:
    return "".join(n.get_text() if isinstance(n, Tag) else str(n) for n in line)


def _read_card(card: Tag, meta: Meta) -> None:
    fields = rules()["cdt_card_fields"]
    for line in _field_lines(card.find(class_="su-spoiler-content") or card):
        strong = next((n for n in line if isinstance(n, Tag) and n.name in ("strong", "b")), None)
        if strong is None:
            continue
        key = fields.get(strong.get_text().strip().rstrip("：:").strip())
        rest = line[line.index(strong) + 1:]
        text = "".join(n.get_text() if isinstance(n, Tag) else str(n) for n in rest).strip()
        links = [(a.get_text().strip(), a.get("href", "")) for n in rest if isinstance(n, Tag)
                 for a in ([n] if n.name == "a" else n.find_all("a"))]
        _set_field(meta, key, text, links)


def _lines(content: Tag) -> list[list]:
    """The card's children split at <br>: one list of nodes per "label：value" line."""
    lines: list[list] = [[]]
    for node in content.children:
        if isinstance(node, Tag) and node.name == "br":
            lines.append([])
        else:
            lines[-1].append(node)
    return [ln for ln in lines if ln]


def _set_field(meta: Meta, key: str | None, text: str, links: list[tuple[str, str]]) -> None:
    if key == "title" and text:
        meta.title = text
    elif key == "author":
        meta.author = text
        meta.author_url = safe_meta_url(links[0][1]) if links else ""
    elif key == "date":
        meta.date = dates.to_iso(text) or meta.date
    elif key == "source":
        meta.source = text
        meta.source_url = safe_meta_url(links[0][1]) if links else ""
    elif key == "topics":
        meta.topics = [t for t, _ in links if t] or _split(text)
    elif key == "collections":
        meta.collections = [t for t, _ in links if t] or _split(text)
    elif key == "rights":
        meta.rights = _without_trailing_link(text, links)


def _without_trailing_link(text: str, links: list[tuple[str, str]]) -> str:
    """The rights line without a link that ends it ("…审查。<a>详细版权说明</a>。"): the link is a pointer
    to the site's copyright page, and its text alone, with no link left to follow, says nothing."""
    last = links[-1][0] if links else ""
    body = text.rstrip("。. ")
    if not last or not body.endswith(last) or not body[:-len(last)].strip():
        return text
    return body[:-len(last)].strip()


def _split(text: str) -> list[str]:
    return [p.strip() for p in re.split(r"[,，、;；]", text) if p.strip()]


def _take_footer(soup: Tag, meta: Meta) -> None:
    """Drop the RSS footer (© … Permalink … Post tags, Better Feed); its tags become topics."""
    markers = rules()["footer_markers"]
    for small in soup.find_all("small"):
        if decomposed(small) or not any(m in small.get_text() for m in markers):
            continue
        for a in small.find_all("a", rel=lambda r: r and "tag" in r):
            tag = a.get_text().strip().rstrip("，,、 ")
            if tag and tag not in meta.topics:
                meta.topics.append(tag)
        holder = small.find_parent("p") or small
        holder.decompose()
