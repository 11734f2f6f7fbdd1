"""Markdown with Jekyll front matter: the Traditional-Chinese fixture and hard-wrapped input."""

from __future__ import annotations

import pytest

from bilingual.ingest import read

from .helpers import TERM, assert_clean_text, assert_safe


@pytest.fixture(scope="module")
def term():
    (doc,) = read(TERM)
    return doc


def test_front_matter_becomes_metadata(term):
    m = term.meta
    assert m.title == "一家書店的葬禮，和它告別的時代"
    assert m.date == "2018-02-06T15:00:00+08:00"
    assert m.topics == ["季风书园"]
    assert m.collections == ["Archive"]
    assert (m.format, m.path, m.script) == ("markdown", TERM.name, "hant")
    assert term.id == "term_2018-02-06-jifeng-rip"
    # The description is metadata in the source, not article text.
    assert not any("在官方的間接干預下" in b.source for b in term.blocks)
    assert not any(b.source.startswith(("layout:", "title:", "---")) for b in term.blocks)


def test_first_block_link_rejoined_across_the_hard_newline(term):
    first = term.blocks[0]
    assert first.role == "paragraph"
    assert first.source == "原文：端传媒 「一家書店的葬禮，和它告別的時代」"
    (link,) = first.source_marks
    assert first.source[link.start:link.end] == "「一家書店的葬禮，和它告別的時代」"
    assert link.href == "https://theinitium.com/article/20180206-mainland-monsoon-bookstore/"


def test_roles_headings_quote_captions(term):
    assert [b.source for b in term.blocks if b.role == "heading"] == [
        "季風吹進來", "困頓的迴響", "浮標沉沒了", "死亡的立場", "相信未來…… 嗎？"]
    # Spaces between names are the author's: kept.
    assert [b.source for b in term.blocks if b.role == "quote"] == ["特約撰稿人 秦寬 海舟 發自北京 上海"]
    captions = [b.source for b in term.blocks if b.role == "caption"]
    assert len(captions) == 6
    assert captions[0].startswith("在歷經了兩百多天的漫長告別後")
    assert captions[-1].endswith("攝影：牟芝穎")
    # Bold pull quotes stay emphasised paragraphs (the page has real headings).
    pull = next(b for b in term.blocks if b.source == "「萬物皆有裂痕，但是季風吹進來。」")
    assert pull.role == "paragraph" and [m.tag for m in pull.source_marks] == ["strong"]


def test_images_dropped_last_block_kept(term):
    assert not any(".jpg" in b.source or "loli.net" in b.source for b in term.blocks)
    assert term.blocks[-1].source == "（特別感謝 Alex、HAO、Jack 對本文的貢獻）"
    assert_safe(term)
    assert_clean_text(term)


def test_hard_wrapped_lines_rejoin_without_space_between_cjk(write):
    md = "---\ntitle: 測試\n---\n\n這是第一行\n接着第二行，\nand English\nwords here\n結尾。\n\n第二段。\n"
    (doc,) = read(write("wrap.md", md))
    assert [b.source for b in doc.blocks] == ["這是第一行接着第二行，and English words here結尾。", "第二段。"]


def test_markdown_without_front_matter_uses_first_heading_as_title(write):
    md = "# 標題\n\n第一段有 **粗體** 和 *斜體* 與 ~~刪除~~ 與 `code`。\n\n- 項目\n  - 子項目\n"
    (doc,) = read(write("plain.md", md))
    assert doc.meta.title == "標題"
    b = doc.blocks[0]
    assert [(b.source[m.start:m.end], m.tag) for m in b.source_marks] == [
        ("粗體", "strong"), ("斜體", "em"), ("刪除", "del"), ("code", "code")]
    assert [(x.role, x.level, x.source) for x in doc.blocks[1:]] == [
        ("list_item", 0, "項目"), ("list_item", 1, "子項目")]


@pytest.mark.parametrize("heading, kept", [("歐洲議會通過動議　反對國安法", False),  # hkcnews: U+3000 in both
                                            ("歐洲議會通過動議 反對國安法", False),
                                            ("歐洲議會通過另一項動議", True)])
def test_the_title_repeated_as_the_first_heading_is_not_read_twice(write, heading, kept):
    md = f'---\ntitle: "歐洲議會通過動議　反對國安法"\n---\n\n# {heading}\n\n第一段。\n'
    (doc,) = read(write("hk.md", md))
    assert [b.source for b in doc.blocks] == ([heading] if kept else []) + ["第一段。"]


def test_raw_html_in_markdown_is_sanitized(write):
    md = ("正文<script>alert(1)</script>。\n\n<div onclick=\"x()\">區塊</div>\n\n"
          "[壞鏈接](javascript:alert(2)) 與 <a href=\"javascript:alert(3)\">另一個</a>\n\n"
          "<iframe src=\"https://evil.example\">框</iframe>\n")
    (doc,) = read(write("evil.md", md))
    assert [b.source for b in doc.blocks] == ["正文。", "區塊", "壞鏈接 與 另一個"]
    assert all(not b.source_marks for b in doc.blocks)
    assert_safe(doc)


def test_hugo_shortcodes_are_markup_not_text(write):
    """hkcnews archives embed videos as {{< video src="…" >}} (tests/fixtures/articles/tune7/hkc_32700): the tag was
    read as a paragraph in all three columns; a video embed is read as a page's <video> is (a figure linking to it),
    a YouTube one as its player's frame, other tags are dropped, paired tags keep their text, and a page of unclosed
    {{< stays text."""
    md = ('第一段。\n\n{{< video src="https://web.archive.org/web/2020if_/https://www.youtube.com/embed/x" >}}\n\n'
          '{{< youtube id="dQw4w9WgXcQ" >}}\n\n{{< video src="javascript:alert(1)" >}}\n\n'
          "{{% note %}}注意事項。{{% /note %}}\n\n第二段 {{< br >}}續。\n\n" + "{{< " * 3 + "未閉合。\n")
    (doc,) = read(write("hugo.md", md))
    assert [(b.source, b.media, b.src) for b in doc.blocks] == [
        ("第一段。", "", ""), ("", "video", "https://web.archive.org/web/2020if_/https://www.youtube.com/embed/x"),
        ("", "video", "https://www.youtube.com/embed/dQw4w9WgXcQ"),
        ("注意事項。", "", ""), ("第二段 續。", "", ""), ("{{< {{< {{< 未閉合。", "", "")]


def test_a_youtube_shortcode_links_to_its_id_however_its_arguments_are_written(write):
    """Hugo's youtube shortcode takes the id first or named among other arguments (class, title, autoplay), in
    either delimiter; the video one its named src (not a thumbnail-src before it). An id-less one leaves nothing."""
    md = ('{{< youtube class="wide" id="dQw4w9WgXcQ" >}}\n\n{{% youtube "abc-1" %}}\n\n'
          '{{< youtube abc-2 title="id=x" >}}\n\n{{< youtube class="wide" >}}\n\n'
          '{{< video thumbnail-src="https://x.org/t.jpg" src="https://x.org/v.mp4" >}}\n\n正文。\n')
    (doc,) = read(write("hugo.md", md))
    assert [(b.source, b.src) for b in doc.blocks] == [
        ("", "https://www.youtube.com/embed/dQw4w9WgXcQ"), ("", "https://www.youtube.com/embed/abc-1"),
        ("", "https://www.youtube.com/embed/abc-2"), ("", "https://x.org/v.mp4"), ("正文。", "")]


def test_the_hkcnews_video_shortcode_is_not_read_as_text():
    from tests.ingest.helpers import FIXTURES

    (doc,) = read(FIXTURES / "articles" / "tune7" / "hkc_32700_cable-tv-news-reshuffle.md")
    assert not any("{{" in b.source or "video src" in b.source for b in doc.blocks)


@pytest.mark.parametrize("path, last", [
    ("tune/hkc_34178_fcc-police-accreditation.md", "謀求法外特權"),  # the appeal closes the page
    ("tune2/hkc_34210_police-general-orders-column.md", "資深新聞工作者"),  # a columnist's note follows it
])
def test_the_hkcnews_subscription_appeal_is_not_article_text(path, last):
    """眾新聞 ends its articles with --- and 請加入成為眾新聞的月費訂戶… and a subscribe link: two rows of every
    column a reader and the engine met; what follows the next rule (a columnist's note) is the article's."""
    from tests.ingest.helpers import FIXTURES

    (doc,) = read(FIXTURES / "articles" / path)
    assert not any("訂戶" in b.source for b in doc.blocks)
    assert last in doc.blocks[-1].source


def test_a_rule_before_ordinary_text_stays_a_rule(write):
    (doc,) = read(write("rule.md", "# 標題\n\n第一段。\n\n---\n\n請注意：第二段。\n\n---\n\n第三段。\n"))
    assert [b.source for b in doc.blocks if b.source] == ["第一段。", "請注意：第二段。", "第三段。"]


def test_an_archived_copy_named_beside_the_original_is_kept_with_its_capture_time(write):
    """hkcnews archives give `url:` (the Wayback copy) and `original_url:` (a site closed in 2021): the page
    links both, the copy under Archived with the time the address holds (the browser pass found only the dead
    link). One address alone is the original, as before."""
    wayback = "https://web.archive.org/web/20210629124519/https://www.hkcnews.com/article/527"
    md = f'---\ntitle: 測試\nurl: "{wayback}"\noriginal_url: "https://www.hkcnews.com/article/527"\n---\n\n正文。\n'
    (doc,) = read(write("hk.md", md))
    m = doc.meta
    assert (m.url, m.archive_url, m.archived_at) == ("https://www.hkcnews.com/article/527", wayback,
                                                       "2021-06-29T12:45:19+00:00")
    from bilingual.publish.view import byline

    (row,) = [b for b in byline(doc) if b["label"] == "Archived"]
    assert (row["text"], row["href"]) == ("2021-06-29T12:45:19+00:00", wayback)
    (doc,) = read(write("one.md", f'---\ntitle: 測試\nurl: "{wayback}"\n---\n\n正文。\n'))
    assert (doc.meta.url, doc.meta.archive_url, doc.meta.archived_at) == (wayback, "", "")
    md = '---\ntitle: 測試\nurl: "javascript:alert(1)"\noriginal_url: "https://example.org/a"\n---\n\n正文。\n'
    (doc,) = read(write("bad.md", md))
    assert doc.meta.archive_url == ""  # nothing executable reaches a page
    md = '---\ntitle: 測試\nurl: "https://blog.example/repost/1"\noriginal_url: "https://example.org/a"\n---\n\n文。\n'
    (doc,) = read(write("repost.md", md))
    assert doc.meta.archive_url == "" and doc.meta.url == "https://example.org/a"  # a repost is no archive
