"""The Traditional column as Taiwanese and Hong Kong writers write it, on real sentences.

Mainland sentences come from the seed and tests/fixtures/parallel/zh.txt (WMT19 news);
Taiwan and Hong Kong sentences from the benchmark's tuning set (bench/data/traditional,
READr and 眾新聞), turned into Simplified with OpenCC's tw2s / hk2s and written back.
"""

from __future__ import annotations

from pathlib import Path

import opencc
import pytest

from bilingual.convert import convert
from bilingual.errors import BilingualError
from bilingual.glossary import Glossary
from bilingual.hant import DATA, Writer, read_rules, script_of, writer
from bilingual.model import Block, Document, Meta, Segment
from bilingual.variants import variants

TW, HK = writer("s2twp"), writer("s2hk")


def s2twp(text: str) -> str:
    return opencc.OpenCC("s2twp").convert(text)


def back(native: str, region: str) -> str:
    """A native sentence to Simplified (characters only) and back with the region's variant."""
    to_hans, variant = {"tw": ("tw2s", "s2twp"), "hk": ("hk2s", "s2hk")}[region]
    return writer(variant).convert(opencc.OpenCC(to_hans).convert(native))


@pytest.fixture(scope="module")
def glossary() -> Glossary:
    return Glossary.default()


# --- vocabulary mainland text needs in Taiwan (kept from s2twp, plus news words it lacks)

@pytest.mark.parametrize(("source", "expected"), [
    ("任何可提供有关周四莫尔日附近这起事故的信息的人应拨打021 644 83 46",
     "任何可提供有關週四莫爾日附近這起事故的資訊的人應撥打021 644 83 46"),
    ("这位现年45岁的意大利人是第六位在平地赛领域取得这一里程碑的职业赛马骑师。",
     "這位現年45歲的義大利人是第六位在平地賽領域取得這一里程碑的職業賽馬騎師。"),
    ("中国数字时代仅对原作进行存档，以对抗中国的网络审查。", "中國數字時代僅對原作進行存檔，以對抗中國的網路審查。"),
    ("那就是运载核武器的远程弹道导弹的技术。", "那就是運載核武器的遠程彈道飛彈的技術。"),
    # US states and cities as Taiwan writes them (tune9: DW, VOA and NYT Chinese)
    ("4月份，他们在推特上呼吁\"解放\"密歇根州以及同样由民主党执政的明尼苏达州和弗吉尼亚州。",
     "4月份，他們在推特上呼籲\"解放\"密西根州以及同樣由民主黨執政的明尼蘇達州和維吉尼亞州。"),
    ("加入了阿拉斯加州、夏威夷州、俄勒冈州和南达科他州的行列。",
     "加入了阿拉斯加州、夏威夷州、奧勒岡州和南達科他州的行列。"),
    ("爱奥华州、路易斯安那州、密西根州", "愛荷華州、路易斯安那州、密西根州"),
    ("加州大学圣迭戈分校政治学助理教授直井惠", "加州大學聖地牙哥分校政治學助理教授直井惠"),
])
def test_taiwan_vocabulary_on_mainland_news(source, expected):
    assert TW.convert(source) == expected


def test_the_source_vocabulary_is_kept_by_variant_s2tw():
    source = "任何可提供有关这起事故的信息的人"
    assert writer("s2tw").convert(source) == "任何可提供有關這起事故的信息的人"
    assert TW.convert(source) == "任何可提供有關這起事故的資訊的人"


# --- s2twp's over-conversions stay the writer's word

@pytest.mark.parametrize(("source", "ours", "opencc_s2twp"), [
    ("不管他们嘴上支持谁，这个国家绝大部分民众，不愿", "不管他們嘴上支持誰，這個國家絕大部分民眾，不願",
     "不管他們嘴上支援誰，這個國家絕大部分民眾，不願"),
    ("那就是普京声明中说明的", "那就是普京聲明中說明的", "那就是普京宣告中說明的"),
    ("她在法国一间酒店举行新闻发布会", "她在法國一間酒店舉行新聞發布會", "她在法國一間酒店舉行新聞釋出會"),
    ("一直没有孟宏伟任何消息的国际刑警组织", "一直沒有孟宏偉任何消息的國際刑警組織",
     "一直沒有孟宏偉任何訊息的國際刑警組織"),
    ("一旦安全局势恶化", "一旦安全局勢惡化", "一旦安全域性勢惡化"),
])
def test_exceptions_keep_the_writers_word(source, ours, opencc_s2twp):
    assert s2twp(source) == opencc_s2twp  # what the exception is for
    assert TW.convert(source) == ours


# --- one-to-many characters in context

@pytest.mark.parametrize(("source", "expected"), [
    ("如果沿用香港过去的人权标准，即法院自回归以来对基本法人权条文的诠释案例",
     "如果沿用香港過去的人權標準，即法院自回歸以來對基本法人權條文的詮釋案例"),
    ("合伙要签协议，和朋友涉及钱的事一定要说清楚", "合夥要簽協議，和朋友涉及錢的事一定要說清楚"),
    ("你拥有平衡而丰富的性格特质，这为你的人生发展提供了坚实的基础。",
     "你擁有平衡而豐富的性格特質，這為你的人生發展提供了堅實的基礎。"),
    ("在计算机科学中，AVL树是最早被发明的自平衡二叉查找树。", "在計算機科學中，AVL樹是最早被發明的自平衡二叉查找樹。"),
    ("吴观玲的父亲是越南华侨，剛从越南回来", "吳觀玲的父親是越南華僑，剛從越南回來"),
    ("用强力打压本土派年轻人参与政治", "用強力打壓本土派年輕人參與政治"),
    # the seed, and tune7/tune8 articles, as a browser pass read them (2026-12-03)
    ("朝鲜想签，想签成一个正式同盟，但没有签正式的军事同盟", "朝鮮想簽，想簽成一個正式同盟，但沒有簽正式的軍事同盟"),
    ("在医学上是不准确的，我不准备去，不准时到", "在醫學上是不準確的，我不準備去，不準時到"),
    ("不准讲话，抽签决定", "不准講話，抽籤決定"),  # 不准 (not allowed) and a lot drawn stay
    ("通过视频方式强行推进庭审，看一段视频", "通過視訊方式強行推進庭審，看一段影片"),
    # tune10 dw_1046252 (a browser pass): after a number of days 后 is 後; the goddess's 天后宫 keeps 后
    ("人质被关押了9天后获释，19天后回国", "人質被關押了9天後獲釋，19天後回國"),
    ("人质被关押了９天后获释", "人質被關押了９天後獲釋"),  # full-width digits the same
    ("他们去了天后宫", "他們去了天后宮"),
])
def test_context_overrides(source, expected):
    assert TW.convert(source) == expected


def test_context_overrides_fix_what_opencc_gets_wrong():
    assert s2twp("法院自回归以来") == "法院自迴歸以來"
    assert s2twp("合伙要签协议") == "合夥要籤協議"
    assert s2twp("人生发展") == "人生髮展"
    assert s2twp("被发明") == "被髮明"
    assert opencc.OpenCC("s2hk").convert("年轻人参与") == "年輕人蔘與"
    assert s2twp("9天后获释") == "9天后獲釋"


@pytest.mark.parametrize("variant", sorted(variants()))
def test_surnames_and_the_words_around_them(variant):
    w = writer(variant)
    assert w.convert("据前人大常委范徐丽泰说").endswith("范徐麗泰說")
    assert "餘地" in w.convert("但普京还是留有余地")  # 余 as 餘 where it is no surname
    assert "範圍" in w.convert("只能在当下战争的周边一定范围内")
    assert w.convert("余华和涂谨申").startswith("余華和涂謹申")


# --- regional vocabulary and glyphs on native text (round trip through Simplified)

@pytest.mark.parametrize("native", [
    "有人說是北台灣最大的機台銷售商、也有人說來自台中的逢甲夜市，來源似乎已經不可考了。",
    "教育部從 2004 年起開始推動「弱勢跨國家庭子女教育輔導計畫」（註），目前隸屬於國教署管轄。",
    "洪金晶（Jin Jin，印尼語「戒指」之意）的父親洪玉華是台灣人，在印尼北蘇拉威西省的美娜多（Manado）待了 22 年。",
])
def test_taiwan_text_comes_back_as_written(native):
    assert back(native, "tw") == native
    assert opencc.OpenCC("s2tw").convert(opencc.OpenCC("tw2s").convert(native)) != native  # plain s2tw does not


@pytest.mark.parametrize("native", [
    "何俊仁指，尊重學生會的決定，相信他們有自己的思量，「但我哋都相信佢哋同以往嘅做法有啲唔同，可能有啲反思」。",
    "今時今日，連最溫和的獻花權利都可以被政權剝奪，沒有什麼是不可能的。",
    "美國方面，總統特朗普宣布了不再承認香港有足夠的高度自治，要啟動程序取消美國法律給予香港的特殊待遇。",
    "國際刑警組織（Interpol）主席孟宏偉失蹤數日後，中共中紀委和中國國家監察委網站周日深夜稱。",
    "7.27元朗清場差不多接近尾聲，一群同樣無展示任何警員委任證的黑衣人。",
    "「我哋唔係藝術家，所以捕捉劉曉波的神髓相當困難」",
])
def test_hong_kong_text_comes_back_as_written(native):
    assert back(native, "hk") == native


def test_hong_kong_glyphs_are_the_papers_not_the_governments():
    out = HK.convert("他说，用户启动温和的一群")
    assert out == "他說，用戶啟動溫和的一群"
    assert opencc.OpenCC("s2hk").convert("他说，用户启动温和的一群") == "他説，用户啓動温和的一羣"


# --- glossary regional forms

def test_south_korea_is_what_taiwanese_and_hong_kong_writers_write(glossary):
    for variant in ("s2twp", "s2hk"):
        doc = one("亚洲的香港、韩国、新加坡，甚至欧洲很多城市也早就在着手部署")
        assert "香港、韓國、新加坡" in convert(doc, variant=variant, glossary=glossary).segments()[0].hant


def test_a_name_inside_a_person_name_is_not_replaced(glossary, tmp_path):
    assert convert(one("韩国瑜说，朝鲜和韩国"), glossary=glossary).segments()[0].hant == "韓國瑜說，北韓和韓國"
    # A glossary that rewrites 韩国 (南韓) and lacks 韩国瑜: the person keeps his name.
    (tmp_path / "g.tsv").write_text("id\tkind\thans\ten\tzh_tw\nsk\tplace\t韩国\tSouth Korea\t南韓\n",
                                    encoding="utf-8")
    names = Glossary.load([tmp_path])
    seg = convert(one("韩国瑜在高雄说，韩国总统与韩国和朝鲜"), glossary=names).segments()[0]
    assert seg.hant == "韓國瑜在高雄說，南韓總統與南韓和朝鮮"
    assert [seg.hant[m.start:m.end] for m in seg.marks["hant"] if m.tag == "term"] == ["韓國", "南韓", "南韓"]


def test_putin_and_korea_rewrites_still_apply_before_verbs(glossary):
    hant = convert(one("普京突访朝鲜，普京称朝鲜是盟友。"), glossary=glossary).segments()[0].hant
    assert hant == "普丁突訪北韓，普丁稱北韓是盟友。"


# --- mixed sources: each block from its own script

def one(text: str, script: str = "hans") -> Document:
    seg = Segment(id="d:0.0:x", source=text, marks={"source": []})
    return Document(id="d", meta=Meta(title="", script=script), blocks=[Block("paragraph", [seg])])


def blocks(texts: list[str], script: str) -> Document:
    return Document(id="m", meta=Meta(title="", script=script), blocks=[
        Block("paragraph", [Segment(id=f"m:{i}.0:x", source=t, marks={"source": []})]) for i, t in enumerate(texts)])


def test_simplified_preamble_in_a_traditional_article(glossary):
    preamble = "编者按：本文原载于端传媒，作者授权中国数字时代转载。"
    body = "季風書園的最後一天，嚴搏非說，書店的命運早已寫好。"
    out = convert(blocks([preamble, body], "hant"), glossary=glossary)
    first, second = out.segments()
    assert (first.hans, first.hant) == (preamble, "編者按：本文原載於端傳媒，作者授權中國數字時代轉載。")
    assert (second.hant, second.hans) == (body, "季风书园的最后一天，严搏非说，书店的命运早已写好。")


def test_traditional_quotation_in_a_simplified_article(glossary):
    quote = "一個沒有另一陣營的立法會，是香港的特色。"
    out = convert(blocks(["中国数字时代仅对原作进行存档。", quote], "hans"), glossary=glossary, variant="s2hk")
    first, second = out.segments()
    assert first.hant == "中國數字時代僅對原作進行存檔。"
    assert (second.hant, second.hans) == (quote, "一个没有另一阵营的立法会，是香港的特色。")


def test_short_or_ambiguous_blocks_keep_the_documents_script():
    assert script_of("台北", "hant") == "hant"
    assert script_of("中国人民", "hant") == "hant"  # one telling character is not enough
    assert script_of("回帶至2016年3月。", "hans") == "hans"
    assert script_of("编者按：本文原载于端传媒。", "hant") == "hans"


# --- the rules are data, each with its reason

def test_every_rule_has_a_reason_and_glyph_rules_are_one_to_one():
    files = sorted(DATA.glob("*.tsv"))
    assert {f.stem for f in files} >= {"common", "exceptions", "tw", "tw-glyphs", "hk", "hk-glyphs"}
    for path in files:
        rules = read_rules(path)
        assert rules, path
        if path.stem.endswith("-glyphs"):
            assert all(len(k) == len(v) == 1 for k, v in rules.items()), path
    for info in variants().values():
        assert all((DATA / f"{name}.tsv").exists() for name in info["rules"])


def test_a_rule_without_a_reason_is_refused(tmp_path):
    (tmp_path / "bad.tsv").write_text("支持\t支持\n", encoding="utf-8")
    with pytest.raises(BilingualError, match=r"bad.tsv:1: expected"):
        Writer("s2tw", ["bad"], folder=tmp_path)
    (tmp_path / "twice.tsv").write_text("支持\t支持\t# a\n支持\t支援\t# b\n", encoding="utf-8")
    with pytest.raises(BilingualError, match="listed twice"):
        Writer("s2tw", ["twice"], folder=tmp_path)


def test_a_base_config_that_changes_lengths_still_gets_the_rules(tmp_path):
    (tmp_path / "r.tsv").write_text("支持\t支持\t# kept\n", encoding="utf-8")
    w = Writer("s2twp", ["r"], folder=tmp_path)  # s2twp writes 哈萨克斯坦 as 哈薩克
    assert w.convert("哈萨克斯坦支持软件") == "哈薩克支持軟體"


def test_many_texts_convert_as_each_alone(tmp_path):
    """convert_many sends the longer texts through OpenCC as one; a text whose base changes length (哈萨克斯坦)
    still has its rules applied between them, not over OpenCC's output, and the others are not affected."""
    (tmp_path / "r.tsv").write_text("支持\t支持\t# kept\n", encoding="utf-8")
    texts = ["哈萨克斯坦支持软件开发的人们", "支持", "头发很长的年轻人都支持这个软件", "", "年轻人参与了软件的开发工作"]
    alone = [Writer("s2twp", ["r"], folder=tmp_path).convert(t) for t in texts]
    assert Writer("s2twp", ["r"], folder=tmp_path).convert_many(texts) == alone
    assert alone[0] == "哈薩克支持軟體開發的人們"


@pytest.mark.parametrize("variant", ["s2twp", "s2hk"])
def test_many_sentences_with_every_rule_file_convert_as_each_alone(variant):
    """convert_many with a variant's own rule files, glyph rules (説 -> 說, 臺 -> 台) included, on real sentences
    long and short: each as convert() writes it alone."""
    lines = (Path(__file__).parent / "fixtures" / "parallel" / "zh.txt").read_text(encoding="utf-8").splitlines()
    texts = [t for line in lines[:150] for t in (line, line[:8], line[8:20])]
    w = writer(variant)
    assert w.convert_many(texts) == [w.convert(t) for t in texts]
    stock = opencc.OpenCC(variant)
    assert sum(w.convert(t) != stock.convert(t) for t in texts) > 20  # the rules do apply


def test_variant_names_are_still_accepted():
    assert set(variants()) == {"s2twp", "s2tw", "s2hk", "s2t"}
    assert writer("s2t").convert("台湾的回归分析") == "臺灣的迴歸分析"
    assert writer("s2twp").convert("台湾") == "台灣"
    assert Path(DATA / "README.md").exists()


def test_what_a_config_changes_is_kept_and_a_damaged_copy_is_found_again(tmp_path, monkeypatch):
    from bilingual import hant

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    hant.changed_chars.cache_clear()
    try:
        table = hant.changed_chars("t2s")
        assert table["華"] == "华" and "华" not in table
        kept = next((tmp_path / "bilingual").glob("opencc-changed-*.json"))
        kept.write_text('{"華": 1', encoding="utf-8")  # cut short
        hant.changed_chars.cache_clear()
        assert hant.changed_chars("t2s") == table
        hant.changed_chars.cache_clear()
        monkeypatch.setattr(hant, "converter", lambda config: pytest.fail(f"built {config}"))
        assert hant.changed_chars("t2s") == table  # rewritten whole: read back
    finally:
        hant.changed_chars.cache_clear()
