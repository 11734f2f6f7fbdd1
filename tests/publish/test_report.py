"""The HTML check report tags every piece of Chinese with its column's language, so a browser renders it
in a Chinese font (untagged Han inside the English page fell back to Noto Sans CJK JP), and shows the
Traditional column when a finding is about it (the English alone cannot show what zh-Hant lacks)."""

from bilingual.check.base import Finding, Unit
from bilingual.publish.report import render_html, summarize, tag_chinese


def _page(findings, units, **kw):
    return render_html(findings, summarize(findings, units), units, **kw)


def test_chinese_in_a_finding_is_tagged_and_escaped():
    tagged = str(tag_chinese("'马蒂奇' (Ma <b>)", "zh-Hans"))
    assert tagged == "&#39;<span lang=\"zh-Hans\">马蒂奇</span>&#39; (Ma &lt;b&gt;)"
    unit = Unit("a:0.0:x", "然而马蒂奇状态不足。", "However, Matic lacked fitness.")
    f = Finding(unit.id, "name.person", "info", message="'马蒂奇' (Ma Diqi) is not in the English",
                suggestion="check that the name is rendered: Ma Diqi", source_mark="马蒂奇")
    page = _page([f], [unit], title="俄罗斯与朝鲜")
    assert "<span lang=\"zh-Hans\">马蒂奇</span>&#39; (Ma Diqi)" in page
    assert "<h1>Check: <span lang=\"zh-Hans\">俄罗斯与朝鲜</span></h1>" in page
    assert "<div lang=\"zh-Hans\">然而<mark>马蒂奇</mark>" in page
    assert "<div lang=\"zh-Hant" not in page  # no Traditional column when no finding is about it


def test_a_traditional_column_finding_shows_that_column_in_its_region():
    unit = Unit("a:1.0:y", "俄罗斯总统普京签署。", "Russian President Putin signed.",
                hant="俄羅斯總統普京簽署。")
    f = Finding(unit.id, "glossary.hant", "error", source="俄罗斯总统普京签署。", target=unit.hant,
                message="zh-TW writes '普京' as '普丁', which the Traditional column lacks",
                suggestion="use '普丁' in the zh-Hant column", source_mark="普京", target_column="hant")
    page = _page([f], [unit], region="zh-TW")
    assert "<div lang=\"zh-Hant-TW\">俄羅斯總統<mark>普京</mark>簽署。</div>" in page
    assert "as &#39;<span lang=\"zh-Hant-TW\">普丁</span>&#39;" in page
    hk = _page([f], [unit], region="zh-HK")
    assert "<div lang=\"zh-Hant-HK\">" in hk and "<div lang=\"zh-Hant-TW\">" not in hk


def test_a_latin_mark_is_highlighted_as_a_word_not_inside_one():
    from bilingual.publish.report import highlight

    assert highlight("out outserv out", ["out"]) == [("out", True), (" outserv ", False), ("out", True)]
    assert highlight("普京说", ["普京"]) == [("普京", True), ("说", False)]


def test_a_traditional_column_finding_marks_the_name_as_that_column_writes_it():
    # the finding's mark is the source's Simplified surface (朝鲜); the Traditional column writes it 朝鮮
    unit = Unit("a:2.0:z", "朝鲜发射导弹。", "North Korea fired a missile.", hant="朝鮮發射導彈。")
    f = Finding(unit.id, "glossary.hant", "error", source=unit.source, target=unit.hant,
                message="zh-TW writes '朝鲜' as '北韓', which the Traditional column lacks",
                suggestion="use '北韓' in the zh-Hant column", source_mark="朝鲜", target_column="hant")
    for region, lang in (("zh-TW", "zh-Hant-TW"), ("zh-HK", "zh-Hant-HK"), ("", "zh-Hant")):
        page = _page([f], [unit], region=region)
        assert f"<div lang=\"{lang}\"><mark>朝鮮</mark>發射導彈。</div>" in page, region
        assert "<div lang=\"zh-Hans\"><mark>朝鲜</mark>发射导弹。</div>" in page


def test_a_traditional_source_is_shown_as_written_with_its_marks(tmp_path):
    # the check reads a Traditional article through its Simplified twin; the proofreader sees the article
    from bilingual import api
    from bilingual.publish.report import render

    body = "香港記者協會昨日發表聲明，批評警方阻礙採訪。前特首董建華表示，三名記者被捕。"
    (tmp_path / "zh.md").write_text(f"# 記協聲明\n\n{body}\n", encoding="utf-8")
    english = ("The association issued a statement yesterday criticising the police for obstructing reporting. "
               "A former chief executive said four reporters were arrested.")
    (tmp_path / "en.txt").write_text(english + "\n", encoding="utf-8")
    doc, findings = api.check(tmp_path / "zh.md", tmp_path / "en.txt")
    assert {("number.missing", "三"), ("name.person", "董建华")} <= {(f.kind, f.source_mark) for f in findings}
    page = render(doc, findings, "html")
    marked = body.replace("三", "<mark>三</mark>").replace("董建華", "<mark>董建華</mark>")
    assert f"<div lang=\"zh-Hant\">{marked}</div>" in page
    assert "&#39;<span lang=\"zh-Hant\">董建華</span>&#39; (Dong Jianhua)" in page  # quoted as written
    assert "记者" not in page and "董建华" not in page  # no Simplified twin anywhere on the page


def test_a_mark_on_the_simplified_twin_is_moved_to_the_original_by_place():
    from bilingual.publish.report import _as_written

    # 發 and 髮 both read 发: the original's own character is marked, found by place, not by conversion
    assert _as_written(["头发"], "他剪了头发。", "他剪了頭髮。", "zh-HK") == ["頭髮"]
    assert _as_written(["三"], "三人", "三人", "") == ["三"]


def test_a_quoted_mark_is_written_as_the_original_when_the_twin_is_not_character_for_character():
    # a Taiwan source's 川普 reads 特朗普 in the twin: marks are moved by conversion, and the quote too
    unit = Unit("a:0.0:x", "特朗普剪了头发。", "Trump had a haircut.", hant="川普剪了頭髮。")
    f = Finding(unit.id, "omission", "warning", message="'头发' is not in the English", source_mark="头发")
    page = render_html([f], summarize([f], [unit]), [unit], region="zh-TW", source_script="hant")
    assert "<div lang=\"zh-Hant-TW\">川普剪了<mark>頭髮</mark>。</div>" in page
    assert "&#39;<span lang=\"zh-Hant-TW\">頭髮</span>&#39; is not in the English" in page
