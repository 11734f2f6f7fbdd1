"""Makers of bad input files for tests/test_bad_input.py: generated in tmp_path, never committed."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

from tests.conftest import SEED

TEXT = "今天，东北亚发生一件历史性的大事件。\n\n这是一种准军事同盟的关系，双方签署了条约。\n"

# Chinese characters that spell no glossary name and hold no punctuation: text for run-on paragraphs.
NAMES_FREE_CHARS = "天地玄黄宇宙洪荒日月盈昃辰宿列张寒来暑往秋收冬藏闰余成岁律吕调阳云腾致雨露结为霜"

PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00\x1f\x15\xc4\x89"
PDF = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n"

# The seed's CDT 档案卡 box and share-button bar, condensed: page chrome with no article text.
CDT_CARD = (
    '<div style="width:42%;float:right;"><div class="su-spoiler su-spoiler-style-fancy su-spoiler-closed">'
    '<div class="su-spoiler-title" tabindex="0" role="button"><span class="su-spoiler-icon"></span>CDT 档案卡</div>'
    '<div class="su-spoiler-content su-u-clearfix su-u-trim"><strong>标题：</strong>俄罗斯与朝鲜结盟<br>'
    '<strong>作者：</strong><a href="https://chinadigitaltimes.net/space/x" target="_blank">古老板的老巢</a><br>'
    '<strong>发表日期：</strong>2024.6.20<br><strong>来源：</strong>'
    '<a href="https://mp.weixin.qq.com/s/x" target="_blank">微信公众号</a><br>'
    '<strong>主题归类：</strong><a href="https://chinadigitaltimes.net/space/俄罗斯">俄罗斯</a><br>'
    '<strong>CDS收藏：</strong><a href="https://chinadigitaltimes.net/space/公民馆">公民馆</a><br>'
    '<strong>版权说明：</strong>该作品版权归原作者所有。中国数字时代仅对原作进行存档，以对抗中国的网络审查。'
    '<a href="https://chinadigitaltimes.net/chinese/copyright">详细版权说明</a>。</div></div></div>'
)
CDT_SHARE = (
    '<div class="addtoany_share_save_container addtoany_content addtoany_content_bottom">'
    '<div class="a2a_kit a2a_kit_size_32 addtoany_list">'
    '<a class="a2a_button_facebook" href="https://www.addtoany.com/add_to/facebook" title="Facebook"></a>'
    '<a class="a2a_button_telegram" href="https://www.addtoany.com/add_to/telegram" title="Telegram"></a>'
    '<a class="a2a_button_copy_link" href="https://www.addtoany.com/add_to/copy_link" title="Copy Link"></a>'
    '<a class="a2a_dd addtoany_share_save addtoany_share" href="https://www.addtoany.com/share"></a></div></div>'
)


def cdt_page(body: str, title: str = "古老板的老巢｜俄罗斯与朝鲜结盟") -> str:
    """A page in the seed's CDT archive shape around `body`."""
    return f"<!--1718883046000-->\n[{title}](https://chinadigitaltimes.net/chinese/709104.html)\n------\n\n{body}"


def write(path: Path, data: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(data, str):
        path.write_text(data, encoding="utf-8")
    else:
        path.write_bytes(data)
    return path


def epub(path: Path, chapters: dict[str, str], *, extra: dict[str, bytes] | None = None, opf_head: str = "",
         title: str = "书名") -> Path:
    """A minimal EPUB 3 whose spine lists `chapters` (href -> XHTML body) in order; `extra` members added raw."""
    items = "".join(f'<item id="c{i}" href="{href}" media-type="application/xhtml+xml"/>'
                    for i, href in enumerate(chapters))
    spine = "".join(f'<itemref idref="c{i}"/>' for i in range(len(chapters)))
    opf = (f'<?xml version="1.0" encoding="UTF-8"?>{opf_head}'
           '<package xmlns="http://www.idpf.org/2007/opf" version="3.0" unique-identifier="id">'
           '<metadata xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:identifier id="id">x</dc:identifier>'
           f'<dc:title>{title}</dc:title><dc:language>zh</dc:language></metadata>'
           f'<manifest>{items}</manifest><spine>{spine}</spine></package>')
    container = ('<?xml version="1.0"?>'
                 '<container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">'
                 '<rootfiles><rootfile full-path="OEBPS/content.opf" media-type="application/oebps-package+xml"/>'
                 '</rootfiles></container>')
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("mimetype", "application/epub+zip", compress_type=zipfile.ZIP_STORED)
        zf.writestr("META-INF/container.xml", container)
        zf.writestr("OEBPS/content.opf", opf)
        for href, body in chapters.items():
            xhtml = ('<?xml version="1.0" encoding="UTF-8"?><html xmlns="http://www.w3.org/1999/xhtml">'
                     f'<head><title>章</title></head><body>{body}</body></html>')
            zf.writestr(f"OEBPS/{href}", xhtml)
        for name, data in (extra or {}).items():
            zf.writestr(name, data)
    return path


def big_article(path: Path, size: int) -> Path:
    """A plain-text article of about `size` bytes: the seed's real paragraphs, tags removed, repeated."""
    html = SEED.read_text(encoding="utf-8")
    paras = [re.sub(r"<[^>]+>", "", p).strip() for p in re.findall(r"<p>(.*?)</p>", html, re.S)]
    chunk = ("\n\n".join(p for p in paras if p) + "\n\n").encode("utf-8")
    with path.open("wb") as f:
        written = 0
        while written < size:
            f.write(chunk)
            written += len(chunk)
    return path
