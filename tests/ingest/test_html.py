"""Generic HTML pages and the shared block reader: roles, marks, chrome and unsafe content removed."""

from __future__ import annotations

from bilingual.ingest import read
from bilingual.ingest.blocks import html_blocks, parse

from .helpers import SEED, assert_clean_text, assert_safe

PAGE = """<!DOCTYPE html>
<html lang="zh-Hans"><head>
<meta charset="utf-8">
<title>东北亚局势 - 某新闻网</title>
<meta name="author" content="张三">
<meta property="article:published_time" content="2024-06-20T08:30:00+08:00">
<meta name="keywords" content="俄罗斯, 朝鲜，外交">
<meta property="og:site_name" content="某新闻网">
<link rel="canonical" href="https://news.example.com/a/1.html">
<style>p { color: red }</style>
<script>alert("head")</script>
</head>
<body onload="alert('body')">
<header><a href="/">首页</a> 网站抬头</header>
<nav><ul><li><a href="/news">新闻</a></li><li>导航</li></ul></nav>
<article>
  <h1>东北亚局势</h1>
  <p>第一段，<b>加粗</b>和<i>斜体</i>，还有<a href="https://example.com/x" onclick="steal()">链接</a>。</p>
  <p>危险<a href="javascript:alert(1)">链接</a>与<a href=" JaVa&#x09;script:alert(2)">伪装</a>，
     <a href="data:text/html;base64,PHNjcmlwdD4=">数据</a>，<a href="mailto:a@example.com">邮件</a>。</p>
  <h2>第一节</h2>
  <p>H<sub>2</sub>O 与 E=mc<sup>2</sup>，<code>print()</code>，<del>删去</del><s>划掉</s>。</p>
  <h3>小节</h3>
  <blockquote><p>引文一</p><blockquote><p>引文中的引文</p></blockquote></blockquote>
  <ul><li>项目一<ul><li>子项目</li></ul></li><li>项目二</li></ul>
  <figure><img src="x.jpg" alt="图" onerror="alert(3)"><figcaption>图片说明</figcaption></figure>
  <p>第一行<br>第二行<br/>第三行</p>
  <p><img src="y.png" onerror="alert(4)"></p>
  <form><input value="表单内容"><button>提交按钮</button></form>
  <iframe src="https://evil.example.com">框架内容</iframe>
  <object data="x.swf">对象内容</object><embed src="y.swf">
  <div class="addtoany_share_save_container">分享按钮</div>
  <p style="display:none">隐藏文字</p>
  <script>document.write("脚本内容")</script>
  <noscript>无脚本内容</noscript>
</article>
<aside>侧栏内容</aside>
<footer>版权所有 页脚</footer>
</body></html>
"""


def _doc(write):
    (doc,) = read(write("page.html", PAGE))
    return doc


def test_page_metadata(write):
    m = _doc(write).meta
    assert m.title == "东北亚局势"
    assert m.author == "张三"
    assert m.date == "2024-06-20T08:30:00+08:00"
    assert m.topics == ["俄罗斯", "朝鲜", "外交"]
    assert m.source == "某新闻网"
    assert m.url == "https://news.example.com/a/1.html"
    assert (m.format, m.path) == ("html", "page.html")


def test_page_blocks_and_roles(write):
    doc = _doc(write)
    got = [(b.role, b.level, b.source) for b in doc.blocks]
    assert got == [
        ("paragraph", 0, "第一段，加粗和斜体，还有链接。"),
        ("paragraph", 0, "危险链接与伪装，数据，邮件。"),  # line break after ，: no space
        ("heading", 0, "第一节"),
        ("paragraph", 0, "H2O 与 E=mc2，print()，删去划掉。"),
        ("heading", 1, "小节"),
        ("quote", 0, "引文一"),
        ("quote", 1, "引文中的引文"),
        ("list_item", 0, "项目一"),
        ("list_item", 1, "子项目"),
        ("list_item", 0, "项目二"),
        ("figure", 0, "图"),  # its relative src leads nowhere: the alt text stays, without a link
        ("caption", 0, "图片说明"),
        ("paragraph", 0, "第一行"),
        ("paragraph", 0, "第二行"),
        ("paragraph", 0, "第三行"),
    ]
    assert_clean_text(doc)


def test_inline_marks(write):
    doc = _doc(write)

    def marks(i):
        b = doc.blocks[i]
        return [(b.source[m.start:m.end], m.tag, m.href) for m in b.source_marks]

    assert marks(0) == [("加粗", "strong", ""), ("斜体", "em", ""), ("链接", "a", "https://example.com/x")]
    # Only the mailto link keeps a mark; javascript:/data: links keep their text and lose the link.
    assert marks(1) == [("邮件", "a", "mailto:a@example.com")]
    assert marks(3) == [("2", "sub", ""), ("2", "sup", ""), ("print()", "code", ""),
                        ("删去", "del", ""), ("划掉", "del", "")]


def test_nothing_executable_or_chrome_survives(write):
    doc = _doc(write)
    text = "".join(b.source for b in doc.blocks)
    for word in ("首页", "导航", "侧栏", "页脚", "脚本内容", "无脚本", "表单内容", "提交按钮", "框架内容",
                 "对象内容", "分享按钮", "隐藏文字", "alert", "color: red"):
        assert word not in text, word
    assert_safe(doc)


def test_seed_body_as_a_web_page_reads_like_the_archive_page(write):
    """The seed's HTML body wrapped in a page gives the same paragraphs (minus the card)."""
    body = SEED.read_text(encoding="utf-8").split("------", 1)[1]
    page = f"<html><head><title>俄罗斯与朝鲜结盟</title></head><body><article>{body}</article></body></html>"
    (as_page,) = read(write("seed.html", page))
    (as_cdt,) = read(SEED)
    labels = ("CDT 档案卡", "标题：", "作者：", "发表日期：", "来源：", "主题归类：", "CDS收藏：", "版权说明：")
    rest = [b.source for b in as_page.blocks if not b.source.startswith(labels)]
    assert len(rest) == len(as_page.blocks) - 8  # a plain web page keeps the card: 8 lines
    assert rest == [b.source for b in as_cdt.blocks]
    assert as_page.meta.format == "html" and as_page.meta.title == "俄罗斯与朝鲜结盟"


def test_br_lines_in_one_paragraph_become_paragraphs():
    blocks = html_blocks(parse("<p>甲<br>乙<br><br>丙</p><blockquote><p>引一<br>引二</p></blockquote>"))
    assert [(b.role, b.source) for b in blocks] == [
        ("paragraph", "甲"), ("paragraph", "乙"), ("paragraph", "丙"), ("quote", "引一"), ("quote", "引二")]


def test_marks_spanning_a_line_break_split_cleanly():
    blocks = html_blocks(parse("<p>前<strong>粗一<br>粗二</strong>尾</p>"))
    assert [(b.source, [(m.start, m.end, m.tag) for m in b.source_marks]) for b in blocks] == [
        ("前粗一", [(1, 3, "strong")]), ("粗二尾", [(0, 2, "strong")])]


def test_bold_only_paragraph_is_heading_unless_page_has_real_headings():
    plain = html_blocks(parse("<p><strong>小标题</strong></p><p>正文。</p>"))
    assert [(b.role, b.source) for b in plain] == [("heading", "小标题"), ("paragraph", "正文。")]
    with_h = html_blocks(parse("<h2>真标题</h2><p><strong>引语</strong></p>"))
    assert [(b.role, b.source, [m.tag for m in b.source_marks]) for b in with_h] == [
        ("heading", "真标题", []), ("paragraph", "引语", ["strong"])]


def test_unclosed_and_deeply_nested_html_does_not_crash():
    deep = "<div>" * 5000 + "深处的文字" + "</div>" * 10 + "<p>未闭合<b>粗<i>斜"
    blocks = html_blocks(parse(deep))
    text = "".join(b.source for b in blocks)
    assert "深处的文字" in text and "未闭合" in text
    nested_quotes = "<blockquote>" * 3000 + "<p>引</p>"
    assert any(b.source == "引" for b in html_blocks(parse(nested_quotes)))


def test_page_with_only_chrome_is_an_error(write):
    import pytest

    from bilingual.errors import BilingualError

    path = write("empty.html", "<html><body><nav>导航</nav><script>x()</script><footer>页脚</footer></body></html>")
    with pytest.raises(BilingualError, match="no article text"):
        read(path)


_TAGS = ["p", "b", "i", "a href='https://x.example'", "a href='javascript:x()'", "blockquote", "li", "ul",
         "br", "div", "strong", "em", "sup", "script", "h2", "figcaption", "span onclick='x()'"]


def _markup():
    from hypothesis import strategies as st

    piece = st.one_of(
        st.text(alphabet="中文字。，「」ab \n\t\u3000&;<>", max_size=8),
        st.sampled_from(_TAGS).map(lambda t: f"<{t}>"),
        st.sampled_from(_TAGS).map(lambda t: f"</{t.split()[0]}>"),
    )
    return st.lists(piece, max_size=40).map("".join)


def test_any_markup_gives_clean_safe_blocks():
    from hypothesis import given, settings

    from bilingual.model import ROLES, Document

    @settings(max_examples=300, deadline=None)
    @given(_markup())
    def check(markup):
        blocks = html_blocks(parse(markup))
        doc = Document(id="x", blocks=blocks)
        assert all(b.role in ROLES for b in blocks)
        assert_clean_text(doc)
        assert_safe(doc)

    check()


def test_thousands_of_nested_void_tags_do_not_crash():
    """lxml nests the text after each unclosed <embed> inside it: 3,000 of them once hit RecursionError."""
    blocks = html_blocks(parse("<p>中文" + "<embed>字" * 3000))
    assert "".join(b.source for b in blocks).replace(" ", "") == "中文" + "字" * 3000


def test_text_past_the_depth_limit_still_drops_scripts_and_hidden_text():
    deep = "<div>" * 300 + "<p>深处<script>alert(1)</script><span hidden>藏</span>正文</p>"
    text = "".join(b.source for b in html_blocks(parse(deep)))
    assert text.replace(" ", "") == "深处正文"


# hrefs the old ingest check (scheme only) kept and publish then dropped.
_HOSTLESS_OR_DIRTY = ["https:alert(1)", "http:/no-host", "https://ok.example/\x01x", "https://ok.example/a b",
                      "https://ok.example/\x7fx", "https://ok.example/\u3000x", "mailto:"]


def test_ingest_keeps_only_links_publish_keeps():
    from bilingual.publish.markup import render_marked

    for href in _HOSTLESS_OR_DIRTY:
        blocks = html_blocks(parse(f'<p>见<a href="{href}">维基</a>。</p>'))
        assert [(b.source, b.source_marks) for b in blocks] == [("见维基。", [])], repr(href)
    good = html_blocks(parse('<p>见<a href=" https://zh.wikipedia.org/wiki/中国?a=1 ">维基</a>。</p>'))[0]
    assert [m.href for m in good.source_marks] == ["https://zh.wikipedia.org/wiki/中国?a=1"]
    assert 'href="https://zh.wikipedia.org/wiki/中国?a=1"' in str(render_marked(good.source, good.source_marks))


def test_metadata_urls_need_http_with_a_host(write):
    for url in [*_HOSTLESS_OR_DIRTY, "mailto:a@example.com", "ftp://ok.example/x"]:
        page = write("m.html", f'<html><head><title>题</title><link rel="canonical" href="{url}"></head>'
                               "<body><p>正文。</p></body></html>")
        assert read(page)[0].meta.url == "", repr(url)
    page = write("m.html", '<html><head><link rel="canonical" href="https://ok.example/a"></head>'
                           "<body><p>正文。</p></body></html>")
    assert read(page)[0].meta.url == "https://ok.example/a"
