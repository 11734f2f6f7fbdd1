"""CDT archive pages: the seed (2024 wrapper with the 档案卡 box) and the two older wrappers."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup

from bilingual.ingest import read

from .helpers import CDT_2020, CDT_OLD, SEED, assert_clean_text, assert_safe

BOILERPLATE = ("档案卡", "版权说明", "CDS收藏", "主题归类", "Facebook", "Twitter", "WhatsApp", "addtoany",
               "Better Feed", "Permalink", "Post tags", "widgets.js", "script", "del.icio.us")


def _content_paragraphs(path) -> list[str]:
    """Text of every non-empty <p> in the page body, read independently with BeautifulSoup."""
    body = path.read_text(encoding="utf-8").split("------", 1)[1]
    soup = BeautifulSoup(body, "lxml")
    return [p.get_text().strip() for p in soup.find_all("p") if p.get_text(strip=True)]


@pytest.fixture(scope="module")
def seed():
    (doc,) = read(SEED)
    return doc


def test_seed_metadata_comes_from_header_and_card(seed):
    m = seed.meta
    assert m.title == "俄罗斯与朝鲜结盟，东北亚局势巨变"
    assert m.url == "https://chinadigitaltimes.net/chinese/709104.html"
    assert m.author == "古老板的老巢"
    assert m.author_url == "https://chinadigitaltimes.net/space/古老板的老巢"
    assert m.date == "2024-06-20"
    assert m.source == "微信公众号“古老板的老巢”"
    assert m.source_url == "https://web.archive.org/web/https://mp.weixin.qq.com/s/dOlCXPoiSwvpGo0Ik5rvYw"
    assert m.topics == ["俄罗斯"]
    assert m.collections == ["公民馆"]
    # The card's closing link (<a>详细版权说明</a>。) is a pointer with nowhere to go once it is text.
    assert m.rights == "该作品版权归原作者所有。中国数字时代仅对原作进行存档，以对抗中国的网络审查。"
    assert m.archived_at == "2024-06-20T11:30:46+00:00"  # 1718883046000 ms
    assert (m.format, m.path, m.script) == ("cdt", "000_e53f636a1fba136f.txt", "hans")
    assert seed.id == "000_e53f636a1fba136f"


def test_seed_first_and_last_blocks(seed):
    first, last = seed.blocks[0], seed.blocks[-1]
    assert (first.role, first.source) == ("paragraph", "今天，东北亚发生一件历史性的大事件：")
    # The bold closing sentence ends with 。: an emphasised paragraph, not a heading.
    assert last.role == "paragraph"
    assert last.source == "和平，真的很珍贵！值得每一个人珍惜，没有和平，就没有一切。"
    assert [(m.start, m.end, m.tag) for m in last.source_marks] == [(0, len(last.source), "strong")]
    assert all(not b.segments for b in seed.blocks)


def test_seed_bold_paragraphs_are_headings(seed):
    headings = [b.source for b in seed.blocks if b.role == "heading"]
    assert headings == ["俄罗斯的对外关系", "第一个级别：邦联国家", "第二个级别：军事同盟国家",
                        "第三个级别：全面战略伙伴关系", "第四个级别：全面战略协作伙伴关系",
                        "普京为什么要签这个协议？", "中国是朝鲜的军事同盟关系吗？", "谁是受损者？"]
    assert all(b.level == 0 and not b.source_marks for b in seed.blocks if b.role == "heading")


def test_a_bold_label_ending_in_a_colon_is_no_heading():
    """tests/fixtures/articles/tune9/cdt_399764: <p><strong>事先申明：</strong></p> introduces the paragraph after
    it (a disclaimer); the numbered bold lines (01 甘结) are the essay's headings."""
    from .helpers import FIXTURES

    (doc,) = read(FIXTURES / "articles" / "tune9" / "cdt_399764_opium-war-details.md")
    label = next(b for b in doc.blocks if b.source.startswith("事先申明"))
    assert label.role == "paragraph" and [(m.tag, m.start, m.end) for m in label.source_marks] == [("strong", 0, 5)]
    assert "01 甘结" in [b.source for b in doc.blocks if b.role == "heading"]


def test_seed_blockquotes_are_quotes_with_marks(seed):
    quotes = [b for b in seed.blocks if b.role == "quote"]
    assert len(quotes) == 7
    assert quotes[0].source.startswith("新华社莫斯科6月19日电（记者华迪）")
    marked = [(q.source[m.start:m.end], m.tag) for q in quotes for m in q.source_marks]
    assert marked == [("当任何缔约方遭受侵略时，另一方将向其提供援助。", "strong")]
    assert quotes[-1].source.startswith("根据《中朝友好合作互助条约》的规定")


def test_seed_paragraph_count_matches_source_paragraphs(seed):
    source_ps = _content_paragraphs(SEED)
    assert len(seed.blocks) == len(source_ps) == 88
    # Same texts in the same order (the source only differs by a trailing &nbsp;).
    assert [b.source for b in seed.blocks] == [" ".join(p.split()) for p in source_ps]


def test_seed_has_no_boilerplate(seed):
    for b in seed.blocks:
        for word in BOILERPLATE:
            assert word not in b.source, (word, b.source)
    assert_safe(seed)
    assert_clean_text(seed)


def test_2020_wrapper_without_card():
    (doc,) = read(CDT_2020)
    m = doc.meta
    # "Author：Title" (a short name before a colon) names the author; the archive stamp dates it.
    assert (m.author, m.title) == ("罗冠聪", "一切都是时代的潮流 推着一代又一代人")
    assert m.archived_at == "2020-09-22T10:22:41+00:00"
    assert m.url.startswith("https://chinadigitaltimes.net/chinese/2020/09/")
    assert (m.date, m.topics) == ("2020-09-22", [])
    first = doc.blocks[0]
    # The editor's note is content; its Facebook link survives as a mark.
    assert first.source == "CDT编辑注：全文来自罗冠聪的Facebook"
    assert [(first.source[x.start:x.end], x.tag) for x in first.source_marks] == [
        ("CDT编辑注：", "strong"), ("Facebook", "a")]
    assert first.source_marks[1].href == "https://www.facebook.com/NathanLawKC/posts/2338942882923698"
    assert doc.blocks[-1].source.endswith("想像在大学无忧无虑的日子。")
    # The image paragraph is a figure (no alt text, the original image's URL); every other <p> is one block.
    figures = [b for b in doc.blocks if b.role == "figure"]
    assert [(f.source, f.src.rsplit("/", 1)[-1]) for f in figures] == [
        ("", "119838579_2338941066257213_969505497522381197_o.jpg")]
    assert doc.blocks.index(figures[0]) == 4
    assert len(doc.blocks) - 1 == len(_content_paragraphs(CDT_2020)) == 16
    assert any("「聪仔」" in b.source for b in doc.blocks)
    assert any("－－相当脆弱" in b.source for b in doc.blocks)
    assert not any(".jpg" in b.source for b in doc.blocks)
    assert_safe(doc)
    assert_clean_text(doc)


def test_older_wrapper_date_footer_tags_and_embed():
    (doc,) = read(CDT_OLD)
    m = doc.meta
    assert m.date == "2020-06-19T09:51:53+00:00"
    assert m.archived_at == ""
    # "Author｜Title" in the header line: the only author this wrapper gives.
    assert (m.author, m.title) == ("英国驻华使馆", "关于香港问题的更正说明")
    assert m.topics == ["一国两制", "中英联合声明", "反送中", "反送中运动", "港版国安法", "英国驻华大使馆", "香港问题"]
    assert doc.blocks[0].source == "更新：原文已被删除"
    note = doc.blocks[1]
    assert [(note.source[x.start:x.end], x.tag) for x in note.source_marks] == [
        ("CDT编辑注：", "strong"), ("代表性言论", "strong"), ("截至发稿时文章暂未被删除。", "del")]
    labels = [b.source for b in doc.blocks if b.role == "list_item"]
    assert labels == ["言论：", "回应："] * 8
    assert doc.blocks[-1].role == "quote"
    assert doc.blocks[-1].source.startswith("英国支持和平示威的权利，无论发生在哪里。")
    assert sum(b.role == "quote" for b in doc.blocks) == 19
    # Entities decoded: &#39; and &mdash;
    assert any(b.source.startswith("I'm saddened") for b in doc.blocks)
    assert any(b.source.startswith("— Karen Pierce") for b in doc.blocks)
    for b in doc.blocks:
        for word in BOILERPLATE:
            assert word not in b.source, (word, b.source)
    assert_safe(doc)
    assert_clean_text(doc)


def test_card_with_unsafe_links_keeps_text_drops_urls(write):
    page = SEED.read_text(encoding="utf-8").replace(
        "https://chinadigitaltimes.net/space/古老板的老巢", "javascript:alert(1)")
    (doc,) = read(write("card.txt", page))
    assert doc.meta.author == "古老板的老巢"
    assert doc.meta.author_url == ""
    assert_safe(doc)


@pytest.mark.parametrize("rights_html, rights", [
    ("版权归原作者所有。<a href=\"https://example.org/copyright\">详细版权说明</a>", "版权归原作者所有。"),
    ("<a href=\"https://creativecommons.org/licenses/by/4.0/\">CC BY 4.0</a>", "CC BY 4.0"),  # the link is the rights
    ("版权归<a href=\"https://example.org/a\">原作者</a>所有。", "版权归原作者所有。"),  # a link inside stays text
])
def test_a_link_closing_the_cards_rights_line_is_not_rights_text(write, rights_html, rights):
    card_rights = ("该作品版权归原作者所有。中国数字时代仅对原作进行存档，以对抗中国的网络审查。"
                   '<a href="https://chinadigitaltimes.net/chinese/copyright">详细版权说明</a>。')
    page = SEED.read_text(encoding="utf-8")
    assert card_rights in page
    (doc,) = read(write("card.txt", page.replace(card_rights, rights_html)))
    assert doc.meta.rights == rights


@pytest.mark.parametrize("title, author, rest", [
    ("英国驻华使馆｜ 关于香港问题的更正说明", "英国驻华使馆", "关于香港问题的更正说明"),  # full-width bar
    ("立场新闻 | 国安法通过  黄之锋、罗冠聪、周庭等宣布退出", "立场新闻", "国安法通过  黄之锋、罗冠聪、周庭等宣布退出"),
    ("德国之声︱长平观察：中国酷刑", "德国之声", "长平观察：中国酷刑"),  # vertical bar; the colon after it stays
    ("學人側影丨资中筠:妄议美国", "學人側影", "资中筠:妄议美国"),  # the stroke 丨 used as a bar
    ("闲谈集 | 武汉疫情｜这么真实的纪录片", "闲谈集", "武汉疫情｜这么真实的纪录片"),  # the first bar splits
    ("罗冠聪：一切都是时代的潮流", "罗冠聪", "一切都是时代的潮流"),  # no bar: a short name's colon
    ("【404文库】六虫虫说童书 | 燕郊", "六虫虫说童书", "【404文库】燕郊"),  # the column tag stays with the title
    ("【异闻观止】“清华大学等高校已全面建成”", "", "【异闻观止】“清华大学等高校已全面建成”"),
    ("2020年：“受教育权”由最高法明确", "", "2020年：“受教育权”由最高法明确"),  # a date, not a name
    ("中国数字时代的一个很长很长的栏目名称：正文", "", "中国数字时代的一个很长很长的栏目名称：正文"),  # too long
    ("｜没有作者", "", "｜没有作者"),
])
def test_author_and_title_split_on_every_separator_cdt_uses(title, author, rest):
    from bilingual.ingest.cdt import split_author

    assert split_author(title) == (author, rest)


def test_no_date_but_the_archive_stamp_dates_the_article(write):
    page = CDT_2020.read_text(encoding="utf-8")
    (doc,) = read(write("stamped.md", page))
    assert doc.meta.date == "2020-09-22"
    unstamped = page.split("\n", 1)[1]  # without the <!--epoch ms--> line: no date at all, none invented
    (doc,) = read(write("unstamped.md", unstamped))
    assert (doc.meta.date, doc.meta.archived_at) == ("", "")


def test_a_news_sites_headline_before_a_colon_is_no_author(write):
    """The archive wraps BBC, NYT, RFA and VOA pages the way it wraps CDT's: only CDT's titles name an author."""
    page = ("<!--1600757072000-->\n[陈同佳案：杀害女友嫌犯拟十月赴台](http://www.bbc.com/zhongwen/simp/chinese-news-54230612)"
            "\n------\n\n<p>正文。</p>\n")
    (doc,) = read(write("bbc.md", page))
    assert (doc.meta.author, doc.meta.title) == ("", "陈同佳案：杀害女友嫌犯拟十月赴台")
    cdt = page.replace("http://www.bbc.com/zhongwen/simp/chinese-news-54230612",
                       "https://chinadigitaltimes.net/chinese/2020/09/654321.html")
    (doc,) = read(write("cdt.md", cdt))
    assert (doc.meta.author, doc.meta.title) == ("陈同佳案", "杀害女友嫌犯拟十月赴台")


@pytest.mark.parametrize("line, author, source, date", [
    ("<div><i>null 张慈<br>2020-10-07T01:08:51.143Z</i></div>", "张慈", "", "2020-10-07T01:08:51+00:00"),  # DW
    ("<div><i>曹莉,曹莉<br>2020-09-17 10:21:39</i></div>", "曹莉", "", "2020-09-17T10:21:39"),  # NYT, name twice
    ("<div><i>William  Yang<br>2020-10-08T03:32:44.241Z</i></div>", "William Yang", "", "2020-10-08T03:32:44+00:00"),
    ("<div><i>《纽约时报》<br>2020-10-10 12:32:33</i></div>", "", "纽约时报", "2020-10-10T12:32:33"),  # the outlet
    ("<div><i><br>2020-10-12T01:44:51.845Z</i></div>", "", "", "2020-10-12T01:44:51+00:00"),  # DW, no author
    ("<div><i>Thu, 08 Oct 2020 17:35:57 GMT</i></div>", "", "", "2020-10-08T17:35:57+00:00"),  # VOA
])
def test_a_news_feeds_first_line_is_byline_and_date_not_text(write, line, author, source, date):
    page = write("feed.md", "<!--1602187880000-->\n[标题](https://www.voachinese.com/a/x.html)\n------\n\n"
                            f'{line}<img src="https://x.org/a.jpg"><div><small>图片说明。</small></div><p>正文。</p>')
    (doc,) = read(page)
    assert (doc.meta.author, doc.meta.source, doc.meta.date) == (author, source, date)
    assert [(b.role, b.source) for b in doc.blocks] == [("figure", ""), ("caption", "图片说明。"),
                                                        ("paragraph", "正文。")]


@pytest.mark.parametrize("line", [
    "<div><i>这是一句斜体的正文，不是日期。</i></div>",  # no date
    "<div><i>张慈<br>2020-10-07T01:08:51Z</i>，正文接着写。</div>",  # text beside the <i>
    "<p><i>张慈<br>2020-10-07</i></p>",  # not the feed's <div>
])
def test_a_first_line_of_another_shape_stays_text(write, line):
    page = write("feed.md", f"[标题](https://www.voachinese.com/a/x.html)\n------\n\n{line}<p>正文。</p>")
    (doc,) = read(page)
    assert doc.meta.author == "" and len(doc.blocks) >= 2 and doc.blocks[-1].source == "正文。"


@pytest.mark.parametrize("shown", ["13 分钟前", "2020年10月6日"])  # BBC: a relative time is false once archived
def test_a_lone_time_before_the_text_is_the_date_not_a_paragraph(write, shown):
    page = write("bbc.md", "<!--1602187880000-->\n[标题](https://www.bbc.com/zhongwen/simp/x)\n------\n\n"
                           f'<main><div><time dateTime="2020-10-06" class="StyledTimestamp">{shown}</time></div>'
                           "<p>正文第一段。</p><p>文中的日期<time datetime=\"2020-10-01\">10月1日</time>留在文中。</p>"
                           '<div><time datetime="2020-10-02">10月2日</time></div></main>')
    (doc,) = read(page)
    assert doc.meta.date == "2020-10-06"
    assert [b.source for b in doc.blocks] == ["正文第一段。", "文中的日期10月1日留在文中。", "10月2日"]


@pytest.mark.parametrize("path", ["tune/dw_1046320_lee-teng-hui-burial.md",
                                  "tune7/voa_1045786_chile-chinese-fishing-fleet.md",
                                  "tune/bbc_1047462_wto-director-general.md"])
def test_the_feed_aggregators_footer_is_not_article_text(path):
    """Every feedx copy ends <hr><div>获取更多RSS：<br><a>https://feedx.net</a>…: it was three rows of the body."""
    from .helpers import FIXTURES

    (doc,) = read(FIXTURES / "articles" / path)
    assert not any("RSS" in b.source or "feedx" in b.source for b in doc.blocks)
    assert doc.blocks[-1].source  # the article's own last paragraph is still there


@pytest.mark.parametrize("path", ["tune/dw_1046320_lee-teng-hui-burial.md",
                                  "tune4/dw_1046304_uk-australia-olympic-boycott.md"])
def test_a_closing_copyright_line_is_the_articles_rights(path):
    """DW ends its articles with © 2020年德国之声版权声明：…, a paragraph a reader and the engine met: it is the
    article's rights, shown where rights are."""
    from .helpers import FIXTURES

    (doc,) = read(FIXTURES / "articles" / path)
    assert doc.meta.rights.startswith("©") and "德国之声版权声明" in doc.meta.rights
    assert not any("版权声明" in b.source for b in doc.blocks)
    assert doc.blocks[-1].source  # the article's own last paragraph is still there


def test_a_copyright_line_inside_the_body_or_alone_stays():
    from bilingual.ingest.sanitize import lift_closing_rights
    from bilingual.model import Block, Document, Meta

    def doc(*texts):
        return Document(id="d", meta=Meta(rights="CC BY"), blocks=[Block(role="paragraph", source=t) for t in texts])

    inside = lift_closing_rights(doc("© 2020 某社", "正文。"))
    assert len(inside.blocks) == 2 and inside.meta.rights == "CC BY"
    alone = lift_closing_rights(doc("© 2020 某社"))
    assert len(alone.blocks) == 1
    closing = lift_closing_rights(doc("正文。", "© 2020 某社"))
    assert len(closing.blocks) == 1 and closing.meta.rights == "CC BY"  # the page's own rights win


@pytest.mark.parametrize("path", ["tune10/rfa_1047561_my-motherland-song-united-front.md",
                                  "tune/bbc_1047462_wto-director-general.md"])
def test_a_list_of_links_to_the_sites_other_articles_is_not_article_text(path):
    """RFA and BBC set a related-articles box inside the text, a list of other articles' headlines each a link to
    the same site: 台湾艺人十一献唱遭“后续处理” read as three list items in the middle of tune10 rfa_1047561."""
    from .helpers import FIXTURES

    (doc,) = read(FIXTURES / "articles" / path)
    items = [b.source for b in doc.blocks if b.role == "list_item"]
    byline = ["安德鲁•沃克（Andrew Walker）", "BBC经济事务记者"]  # BBC's byline list stays
    assert items == ([] if "rfa_" in path else byline)
    assert not any("台湾艺人十一献唱遭" in b.source or "WTO总干事提前卸任" in b.source for b in doc.blocks)
    assert doc.blocks[-1].source  # the article's own last paragraph is still there


def test_a_list_with_its_own_words_or_links_elsewhere_stays(write):
    page = write("list.md", "[标题](https://www.rfa.org/mandarin/a.html)\n------\n"
                 "<p>正文。</p><ul><li><a href=\"https://www.rfa.org/b.html\">另一篇</a>，还有说明</li></ul>"
                 "<ul><li><a href=\"https://example.org/c.html\">别站的资料</a></li></ul>"
                 "<ul><li><b><a href=\"https://rfa.org/d.html\">同站另一篇</a></b></li></ul><p>结尾。</p>")
    (doc,) = read(page)
    assert [(b.role, b.source) for b in doc.blocks] == [("paragraph", "正文。"), ("list_item", "另一篇，还有说明"),
                                                        ("list_item", "别站的资料"), ("paragraph", "结尾。")]


@pytest.mark.parametrize("path", ["tune10/nyt_1047761_lanzarote-vineyards.md", "tune9/nyt_1047826_suga-profile.md"])
def test_the_nyt_link_to_the_english_original_is_not_the_articles_last_line(path):
    """NYT Chinese closes every article with 点击查看本文英文版。, a link to the English original: a row of the
    body that the engine translated (tests/fixtures/articles/tune10/nyt_1047761). The translator's credit stays."""
    from .helpers import FIXTURES

    (doc,) = read(FIXTURES / "articles" / path)
    assert not any("点击查看本文英文版" in b.source for b in doc.blocks)
    assert doc.blocks[-1].source.startswith("翻译：")


def test_a_trailer_inside_the_body_or_alone_stays():
    from bilingual.ingest.sanitize import drop_closing_trailers
    from bilingual.model import Block, Document, Meta

    def doc(*texts):
        return Document(id="d", meta=Meta(), blocks=[Block(role="paragraph", source=t) for t in texts])

    assert len(drop_closing_trailers(doc("点击查看本文英文版。", "正文。")).blocks) == 2
    assert len(drop_closing_trailers(doc("点击查看本文英文版。")).blocks) == 1
    assert len(drop_closing_trailers(doc("正文。", "请点击查看本文英文版。")).blocks) == 2
    assert [b.source for b in drop_closing_trailers(doc("正文。", "點擊查看本文英文版")).blocks] == ["正文。"]
