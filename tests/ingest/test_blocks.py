"""The block reader's tables, figures and captions: on real articles and on the shapes that break readers."""

from __future__ import annotations

import re

from bs4 import BeautifulSoup

from bilingual.ingest import read
from bilingual.ingest.blocks import html_blocks, parse

from .helpers import FIXTURES, TERM, assert_clean_text, assert_safe

RICH = FIXTURES / "rich"
APPINN = RICH / "appinn_48268_file-sync-tools.md"
HKC = RICH / "hkc_34178_fcc-police-accreditation.md"
CDT_CAPTIONS = RICH / "cdt_392214_world-class-universities.md"


def _blocks(html: str):
    return html_blocks(parse(html))


def test_markdown_tables_become_cells_with_coordinates():
    (doc,) = read(APPINN)
    cells = [b for b in doc.blocks if b.role == "cell"]
    tables = sorted({c.cell.table for c in cells})
    assert tables == [1, 2]
    first = [c for c in cells if c.cell.table == 1]
    second = [c for c in cells if c.cell.table == 2]
    # 12 rows of 8 columns, 17 rows of 6: every cell, empty ones too, in its row and column.
    assert len(first) == 12 * 8 and len(second) == 17 * 6
    assert {(c.cell.row, c.cell.col) for c in first} == {(r, k) for r in range(12) for k in range(8)}
    assert [c.source for c in first if c.cell.row == 0] == ["软件名", "类型", "官网", "跨平台查看文件", "是否收费",
                                                             "费用", "历史文件版本", "备注"]
    assert all(c.cell.head == (c.cell.row == 0) for c in cells)
    row4 = {c.cell.col: c for c in first if c.cell.row == 4}
    assert (row4[0].source, row4[5].source) == ("天翼云盘", "铂金:193/年 黄金:108/年")
    # A cell's <br>s are spaces, its links marks.
    assert row4[2].source == "↓↓↓ 官网 ↑↑↑"
    assert [(m.tag, m.href) for m in row4[2].source_marks] == [("a", "https://cloud.189.cn/web/login.html")] * 2
    # Cells are consecutive blocks: nothing else between a table's first and last cell.
    indexes = [doc.blocks.index(c) for c in first]
    assert indexes == list(range(indexes[0], indexes[0] + len(first)))
    assert_safe(doc)


def test_html_table_spans_heads_and_what_is_not_a_data_table():
    blocks = _blocks("<table><caption>表一</caption><tr><th>名</th><th colspan=2>值</th></tr>"
                     "<tr><td rowspan=2>甲<br>乙</td><td><p>丙</p><p>丁</p></td><td></td></tr>"
                     "<tr><td>戊</td><td colspan=9999 rowspan=x>己</td></tr></table>"
                     "<table><tr><td><p>排版用的表格</p><p>第二段</p></td></tr></table>")
    got = [(b.role, b.source, b.cell and (b.cell.row, b.cell.col, b.cell.head, b.cell.rowspan, b.cell.colspan))
           for b in blocks]
    assert got == [
        ("caption", "表一", None),
        ("cell", "名", (0, 0, True, 1, 1)),
        ("cell", "值", (0, 1, True, 1, 2)),
        ("cell", "甲 乙", (1, 0, False, 2, 1)),
        ("cell", "丙 丁", (1, 1, False, 1, 1)),
        ("cell", "", (1, 2, False, 1, 1)),  # an empty cell keeps its place
        ("cell", "戊", (2, 1, False, 1, 1)),  # column 0 is taken by 甲乙's rowspan
        ("cell", "己", (2, 2, False, 1, 50)),  # hostile spans are clamped
        ("paragraph", "排版用的表格", None),  # a one-cell layout table is read as paragraphs
        ("paragraph", "第二段", None),
    ]


def test_images_become_figures_with_alt_text_and_original_url():
    blocks = _blocks('<p>前文<img src="https://x.org/b.png" alt="数据表">后文。</p>'
                     '<p><img src="data:image/png;base64,AAAA" data-src="https://x.org/lazy.jpg"'
                     ' alt="IMG_2041.JPG"></p>'
                     '<p><img src="javascript:alert(1)" alt="cdtimg"></p>'
                     '<p>笑<img class="wp-smiley emoji" alt="😂" src="https://s.w.org/e.png">了</p>'
                     '<table><tr><td>甲<img src="https://x.org/c.png" alt="图标"></td><td>乙</td></tr></table>')
    got = [(b.role, b.source, b.src) for b in blocks]
    assert got == [
        ("paragraph", "前文后文。", ""),  # the sentence stays whole; its image follows it
        ("figure", "数据表", "https://x.org/b.png"),
        ("figure", "", "https://x.org/lazy.jpg"),  # a file name says nothing; the lazy-loaded URL is the image
        ("paragraph", "笑😂了", ""),  # an emoji is a character; the image with nothing to show is dropped
        ("cell", "甲 图标", ""),  # inside a cell an image's words stay in the cell
        ("cell", "乙", ""),
    ]


def test_an_unclosed_figcaption_does_not_swallow_the_article():
    html = ('<figure><img src="https://x.org/a.jpg" alt=""><figcaption>图片说明'
            '<p>第一段正文。</p><p>第二段正文。</p><blockquote><p>引文。</p></blockquote>')
    got = [(b.role, b.source) for b in _blocks(html)]
    assert got == [("figure", ""), ("caption", "图片说明"), ("paragraph", "第一段正文。"),
                   ("paragraph", "第二段正文。"), ("quote", "引文。")]
    # A caption wrapped in its own <p> is still the caption; what follows it is not.
    got = [(b.role, b.source) for b in _blocks('<figure><figcaption><p>说明</p><p>正文</p></figcaption></figure>')]
    assert got == [("caption", "说明"), ("paragraph", "正文")]


def test_a_small_line_right_after_an_image_is_its_caption():
    """VOA, DW and NYT Chinese write <img> then <div><small>caption</small></div>."""
    (voa,) = read(FIXTURES / "articles" / "tune6" / "voa_1045817_china-who-vaccines.md")
    roles = [(b.role, b.source[:12]) for b in voa.blocks[:3]]
    assert roles == [("figure", ""), ("caption", "总部位于天津的中国疫苗研"), ("paragraph", "世界卫生组织负责医药卫生")]
    got = [(b.role, b.source) for b in _blocks(
        '<p>正文一。</p><div><small>不在图后。</small></div><img src="https://x.org/a.jpg">'
        '<div><small>图后，</small>还有正文。</div><img src="https://x.org/b.jpg"> <p> <small>图片说明。</small> </p>')]
    assert got == [("paragraph", "正文一。"), ("paragraph", "不在图后。"), ("figure", ""),
                   ("paragraph", "图后，还有正文。"), ("figure", ""), ("caption", "图片说明。")]


def test_a_credit_line_right_after_an_image_is_its_caption():
    """BBC Chinese writes 图像来源，Reuters/WTO under each image: the image's credit, not a paragraph to translate."""
    (bbc,) = read(FIXTURES / "articles" / "tune" / "bbc_1047462_wto-director-general.md")
    at = next(i for i, b in enumerate(bbc.blocks) if b.role == "figure")
    assert [(b.role, b.source) for b in bbc.blocks[at + 1:at + 2]] == [("caption", "图像来源，Reuters/WTO")]
    assert "图像来源" not in "".join(b.source for b in bbc.blocks if b.role != "caption")
    got = [(b.role, b.source) for b in _blocks(
        '<p>图片来源不明的说法。</p><img src="https://x.org/a.jpg"><p>圖片來源： 中央社</p><p>正文。</p>')]
    assert got == [("paragraph", "图片来源不明的说法。"), ("figure", ""), ("caption", "圖片來源： 中央社"),
                   ("paragraph", "正文。")]
    # a container whose first line is a credit and the article follows: the line is the caption, not the article
    body = "这是正文的一句话，讲了很多事情。" * 6
    got = [(b.role, b.source[:4]) for b in _blocks(
        f'<img src="https://x.org/a.jpg"><div><p>图片来源：中央社</p><p>{body}</p></div>')]
    assert got == [("figure", ""), ("caption", "图片来源"), ("paragraph", "这是正文")]
    got = [b.role for b in _blocks(f'<img src="https://x.org/a.jpg"><p>图片来源：{body}</p>')]
    assert got == ["figure", "paragraph"]  # too long for a credit line


def test_unclosed_figcaption_in_a_real_article_leaves_every_paragraph_a_paragraph(write):
    """hkcnews article with its last <figcaption> left open: the paragraphs after it stay paragraphs."""
    text = HKC.read_text(encoding="utf-8")
    last = text.rindex("</figcaption>")
    (doc,) = read(write("open.md", text[:last] + text[last + len("</figcaption>"):]))
    (closed,) = read(HKC)
    assert [(b.role, b.source) for b in doc.blocks] == [(b.role, b.source) for b in closed.blocks]
    assert sum(b.role == "caption" for b in doc.blocks) == 2


def test_real_figures_and_captions():
    (hkc,) = read(HKC)
    roles = [b.role for b in hkc.blocks]
    assert roles.count("figure") == 3
    captions = [b.source for b in hkc.blocks if b.role == "caption"]
    assert captions[0].startswith("FCC質疑世界各地新媒體湧現") and len(captions) == 2
    for i, b in enumerate(hkc.blocks):
        if b.role == "caption":
            assert hkc.blocks[i - 1].role == "figure"  # each caption right after its image
    assert all(b.src.startswith("https://web.archive.org/") for b in hkc.blocks if b.role == "figure")
    (cdt,) = read(CDT_CAPTIONS)
    # WordPress's captioned image: <div class="wp-caption"><img><p class="wp-caption-text">.
    i = next(i for i, b in enumerate(cdt.blocks) if b.role == "caption")
    assert (cdt.blocks[i - 1].role, cdt.blocks[i].source) == ("figure", "新闻图")
    assert cdt.blocks[i + 1].source.startswith("续梅表示") and cdt.blocks[i + 1].role == "paragraph"
    for doc in (hkc, cdt):
        assert_safe(doc)
        assert_clean_text(doc)


def test_every_source_image_is_a_figure_in_order():
    """Oracle: the <img> elements of each real article, read independently; every one with a URL or words."""
    for path in (CDT_CAPTIONS, HKC):
        (doc,) = read(path)
        body = path.read_text(encoding="utf-8")
        urls = [img.get("src") for img in BeautifulSoup(body, "lxml").find_all("img")]
        assert [b.src for b in doc.blocks if b.role == "figure"] == urls
    (term,) = read(TERM)  # Markdown images whose alt is their file name: figures with a link, no words
    figures = [b for b in term.blocks if b.role == "figure"]
    assert len(figures) == len(re.findall(r"!\[", TERM.read_text(encoding="utf-8"))) and \
        all(f.source == "" and f.src.startswith("https://i.loli.net/") for f in figures)


def test_an_rfa_caption_is_a_caption_and_the_alt_it_repeats_is_not_read_twice():
    """RFA writes <div class="image-caption"><span>…</span> after the image and the same words in its alt: the
    caption was a paragraph and the sentence showed twice (tests/fixtures/articles/tune7/rfa_1047503)."""
    (rfa,) = read(FIXTURES / "articles" / "tune7" / "rfa_1047503_shenzhen-digital-yuan.md")
    figure = next(i for i, b in enumerate(rfa.blocks) if b.role == "figure")
    caption = rfa.blocks[figure + 1]
    assert caption.role == "caption" and caption.source.endswith("（路透社图片）")
    assert rfa.blocks[figure].source == "" and rfa.blocks[figure].src.endswith(".jpg")
    assert sum(caption.source in b.source for b in rfa.blocks) == 1
    html = ('<p><img alt="另一句话。" src="https://a.example/x.jpg"></p><div class="image-caption">图说。</div>'
            '<p><img alt="同一句。" src="https://a.example/y.jpg"></p><div class="image-caption">同一句。</div>')
    blocks = html_blocks(parse(html))
    assert [(b.role, b.source) for b in blocks] == [("figure", "另一句话。"), ("caption", "图说。"),
                                                    ("figure", ""), ("caption", "同一句。")]


def test_the_caption_of_a_video_is_not_a_paragraph():
    """VOA's feed writes <video> then <div><small>the video's title</small></div>: the line was the body's first
    paragraph, the article's title read again (tests/fixtures/articles/tune10/voa_1045744)."""
    (voa,) = read(FIXTURES / "articles" / "tune10" / "voa_1045744_nato-allies-us-election.md")
    assert voa.meta.title == "跨大西洋关系紧张之际 北约盟国密切关注美国大选"
    assert (voa.blocks[0].role, voa.blocks[0].media) == ("figure", "video")
    assert voa.blocks[1].source.startswith("随着美国总统大选进入最后阶段")
    assert not any("北约盟国密切关注美国大选" in b.source for b in voa.blocks)
    got = [(b.role, b.source) for b in _blocks(
        '<video src="https://x.org/v.mp4"></video><div><small>视频标题</small></div><p>正文。</p>'
        '<iframe src="https://x.org/e"></iframe><p><small>小字正文。</small>还有。</p>'
        '<img src="https://x.org/a.jpg"><div><small>图说。</small></div>')]
    assert got == [("figure", ""), ("paragraph", "正文。"), ("paragraph", "小字正文。还有。"), ("figure", ""),
                   ("caption", "图说。")]


def test_a_player_is_a_figure_linking_to_it_and_nothing_else_of_it_stays():
    """A page's video, audio and video-player frames become figures that link to them (the edition embeds nothing);
    a frame that is no player (a map, a form), a player with no http(s) URL and a hidden one leave nothing."""
    got = [(b.role, b.media, b.src) for b in _blocks(
        '<p>甲。</p><video controls poster="https://x.org/p.jpg"><source src="javascript:alert(1)">'
        '<source src="https://x.org/v.mp4" type="video/mp4">不支持视频</video>'
        '<audio src="https://x.org/a.mp3"></audio>'
        '<iframe src="https://www.youtube.com/embed/abc_-1"></iframe>'
        '<iframe src="https://maps.example/embed?q=1"></iframe>'
        '<video src="javascript:alert(1)"></video><video hidden src="https://x.org/h.mp4"></video>'
        '<p>乙。<iframe src="https://player.vimeo.com/video/9"></iframe>丙。</p>')]
    assert got == [("paragraph", "", ""), ("figure", "video", "https://x.org/v.mp4"),
                   ("figure", "audio", "https://x.org/a.mp3"),
                   ("figure", "video", "https://www.youtube.com/embed/abc_-1"),
                   ("paragraph", "", ""), ("figure", "video", "https://player.vimeo.com/video/9")]
    # in a table cell a player has no words to add: the cell keeps its text and the grid its shape
    got = [(b.role, b.source) for b in _blocks(
        '<table><tr><td>甲</td><td><video src="https://x.org/v.mp4"></video>乙</td></tr></table>')]
    assert got == [("cell", "甲"), ("cell", "乙")]
    # Hugo's video and YouTube shortcodes (hkcnews archives embed their videos so) are those players.
    (hkc,) = read(FIXTURES / "articles" / "tune10" / "hkc_28700_seven-policemen-case.md")
    videos = [b.src for b in hkc.blocks if b.media == "video"]
    assert videos == ["https://web.archive.org/web/20210712041809if_/https://www.youtube.com/embed/FRjZTsX74Xk",
                      "https://web.archive.org/web/20210712041809if_/https://www.youtube.com/embed/PzhPNvJadF0"]


def test_bbcs_lazy_youtube_player_is_a_video_figure():
    """BBC Chinese lazy-loads each YouTube video into <div data-e2e="youtube-embed-URL">, empty in a saved page: the
    video vanished without a trace (tests/fixtures/articles/tune/bbc_1047462). What the page puts in it is not read."""
    (bbc,) = read(FIXTURES / "articles" / "tune" / "bbc_1047462_wto-director-general.md")
    at = next(i for i, b in enumerate(bbc.blocks) if b.media)
    assert [(b.role, b.media, b.src) for b in bbc.blocks if b.media] == [
        ("figure", "video", "https://www.youtube.com/watch?v=QWdUn4nkUAA")]
    assert bbc.blocks[at - 1].source == "如果当选，奥孔约-伊维拉将成为首位担任WTO总干事的非裔人。"
    assert bbc.blocks[at + 1].source == "俞明希更大程度上是一位贸易专家。"
    got = [(b.role, b.media, b.src, b.source) for b in _blocks(
        '<p>甲。</p><div data-e2e="youtube-embed-https://www.youtube.com/watch?v=a1"><p>允许YouTube内容？</p>'
        '<iframe src="https://www.youtube.com/embed/a1"></iframe></div>'
        '<div data-e2e="youtube-embed-javascript:alert(1)"><p>跳过YouTube帖子</p></div>'
        '<div hidden data-e2e="youtube-embed-https://www.youtube.com/watch?v=h"></div>'
        '<div data-e2e="advertisement"><p>乙。</p></div>')]
    assert got == [("paragraph", "", "", "甲。"), ("figure", "video", "https://www.youtube.com/watch?v=a1", ""),
                   ("paragraph", "", "", "乙。")]


def test_an_alt_a_caption_goes_on_from_is_not_read_twice():
    """RFA's caption is the alt's words in one span and the credit in the next (…（记者夏小华摄）Photo: RFA): the
    figure showed the sentence twice (tests/fixtures/articles/tune4/rfa_1047596). A caption whose first word
    only begins with the alt, and a paragraph that only opens with an alt's words, leave the alt to the image."""
    (rfa,) = read(FIXTURES / "articles" / "tune4" / "rfa_1047596_taipei-centenary-ma-chen.md")
    images = [i for i, b in enumerate(rfa.blocks) if b.role == "figure" and not b.media]
    assert len(images) == 5 and all(rfa.blocks[i].source == "" for i in images)
    assert all(rfa.blocks[i + 1].role == "caption" and rfa.blocks[i + 1].source.endswith("（记者夏小华摄）Photo: RFA")
               for i in images)
    got = [(b.role, b.source) for b in _blocks(
        '<p><img alt="柯文哲受访。" src="https://x.org/a.jpg"></p><div class="image-caption"><span>柯文哲受访。</span>'
        '<span class="copyright">Photo: RFA</span></div>'
        '<p><img alt="柯文哲" src="https://x.org/b.jpg"></p><p>柯文哲周二表示，他不会参选。</p>'
        '<p><img alt="柯文哲" src="https://x.org/c.jpg"></p><div class="image-caption">柯文哲受访</div>')]
    assert got == [("figure", ""), ("caption", "柯文哲受访。Photo: RFA"), ("figure", "柯文哲"),
                   ("paragraph", "柯文哲周二表示，他不会参选。"), ("figure", "柯文哲"), ("caption", "柯文哲受访")]


def test_an_avatar_whose_alt_the_next_line_says_is_not_read_twice():
    """眾新聞 ends a column with the writer's avatar, alt 主筆 | 楊健興, then **主筆 | 楊健興**: the name showed twice
    (tests/fixtures/articles/tune10/hkc_28700). The figure keeps its link; the next line keeps the words."""
    (hkc,) = read(FIXTURES / "articles" / "tune10" / "hkc_28700_seven-policemen-case.md")
    i = next(i for i, b in enumerate(hkc.blocks) if b.role == "figure" and not b.media)
    assert hkc.blocks[i].source == "" and "/uploads/avatars/" in hkc.blocks[i].src
    assert hkc.blocks[i + 1].source == "主筆 | 楊健興"
    assert sum("楊健興" in b.source for b in hkc.blocks) == 1
    got = [(b.role, b.source) for b in _blocks('<p><img alt="一张图" src="https://x.org/a.jpg"></p><p>一段话。</p>'
                                               '<p><img alt="同一句。" src="https://x.org/b.jpg"></p><p>同一句。</p>')]
    assert got == [("figure", "一张图"), ("paragraph", "一段话。"), ("figure", ""), ("paragraph", "同一句。")]
