"""render_marked: escaped text, properly nested elements for overlapping marks, only safe links."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st
from lxml import etree

from bilingual.model import MARK_TAGS, Mark
from bilingual.publish.markup import render_marked
from bilingual.urls import safe_href


def test_plain_text_is_escaped():
    assert str(render_marked('a<b>&"c"', [])) == "a&lt;b&gt;&amp;&#34;c&#34;"


def test_overlapping_marks_are_split_to_nest():
    html = str(render_marked("0123456789", [Mark(0, 5, "strong"), Mark(3, 8, "em")]))
    assert html == "<strong>012<em>34</em></strong><em>567</em>89"


def test_enclosing_mark_stays_outside_and_same_range_order_is_fixed():
    html = str(render_marked("普京说", [Mark(0, 2, "em"), Mark(0, 3, "strong"), Mark(0, 2, "term", ref="putin")],
                             kinds={"putin": "person"}))
    assert html == '<strong><span class="term" data-term="putin" data-kind="person"><em>普京</em></span>说</strong>'


def test_links_keep_only_safe_absolute_hrefs():
    ok = render_marked("见维基", [Mark(1, 3, "a", href="https://zh.wikipedia.org/wiki/?a=1&b=2")])
    assert str(ok) == '见<a href="https://zh.wikipedia.org/wiki/?a=1&amp;b=2" rel="noopener noreferrer">维基</a>'
    for bad in ("javascript:alert(1)", " JavaScript:alert(1)", "data:text/html,x", "vbscript:x", "/relative",
                "page.html", "https://exa mple.org", "http://", "java\nscript:alert(1)"):
        assert str(render_marked("见维基", [Mark(1, 3, "a", href=bad)])) == "见维基", bad
    assert safe_href("mailto:someone@example.org") == "mailto:someone@example.org"


def test_a_link_inside_a_link_loses_its_element():
    html = str(render_marked("abcdef", [Mark(0, 6, "a", href="https://a.example/"),
                                        Mark(2, 4, "a", href="https://b.example/")]))
    assert html == '<a href="https://a.example/" rel="noopener noreferrer">abcdef</a>'


def test_bad_ranges_and_unknown_tags_are_ignored():
    html = str(render_marked("abc", [Mark(2, 2, "em"), Mark(-5, 1, "sup"), Mark(2, 99, "sub"),
                                     Mark(0, 3, "script"), Mark(3, 1, "strong")]))
    assert html == "<sup>a</sup>b<sub>c</sub>"


marks = st.builds(Mark, start=st.integers(-2, 14), end=st.integers(-2, 14),
                  tag=st.sampled_from((*MARK_TAGS, "script", "img")),
                  href=st.sampled_from(("", "https://ok.example/x", "javascript:alert(1)")),
                  ref=st.sampled_from(("", "t1", 'x"><script>')))


@given(text=st.text(alphabet='普京<>&"\' ab，。', max_size=12), ms=st.lists(marks, max_size=6))
def test_any_marks_give_well_formed_markup_with_the_same_text(text, ms):
    html = str(render_marked(text, ms, kinds={"t1": "person"}))
    root = etree.fromstring(f"<p>{html}</p>")  # well-formed: tags nest
    assert "".join(root.itertext()) == text  # nothing added, nothing lost
    assert all(el.tag in ("p", "strong", "em", "del", "sup", "sub", "code", "a", "span") for el in root.iter())
    assert "javascript" not in html and "<script" not in html
