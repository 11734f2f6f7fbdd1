"""Hand-built Documents for the EPUB and index tests, from real seed and fixture text.

The Chinese is copied from seeds/000_e53f636a1fba136f.txt and the fixtures; the
Traditional column is OpenCC s2twp of it. The English sentences are TEST DATA
written by hand for these tests (not machine output, not a published translation).
"""

from __future__ import annotations

import opencc

from bilingual.model import Block, Document, Mark, Meta, Segment, segment_id

_CC = opencc.OpenCC("s2twp")

SEED_URL = "https://chinadigitaltimes.net/chinese/709104.html"
SEED_RIGHTS = "该作品版权归原作者所有。中国数字时代仅对原作进行存档，以对抗中国的网络审查。"


def _find(text: str, surface: str) -> tuple[int, int]:
    i = text.index(surface)
    return i, i + len(surface)


def seg(doc_id: str, bi: int, si: int, hans: str, en: str, marks=(), origin: str = "human") -> Segment:
    """One sentence; marks are (tag, hans surface, en surface, ref-or-href) found in each column."""
    hant = _CC.convert(hans)
    s = Segment(id=segment_id(doc_id, bi, si, hans), source=hans, hans=hans, hant=hant, en=en,
                origin=origin if en else "")
    for tag, zh_surface, en_surface, extra in marks:
        ref = extra if tag == "term" else ""
        href = extra if tag == "a" else ""
        for col, text, surface in (("hans", hans, zh_surface), ("hant", hant, _CC.convert(zh_surface)),
                                   ("en", en, en_surface)):
            if surface and text and surface in text:
                start, end = _find(text, surface)
                s.marks.setdefault(col, []).append(Mark(start, end, tag, href=href, ref=ref))
    return s


def block(doc_id: str, bi: int, role: str, sentences: list[tuple], level: int = 0) -> Block:
    segs = [seg(doc_id, bi, si, *sentence) for si, sentence in enumerate(sentences)]
    return Block(role=role, segments=segs, source="".join(s.source for s in segs), level=level)


def seed_doc(english: bool = True) -> Document:
    """The seed article's opening: paragraph, quotation (with bold and names), heading, list item."""
    d = "seed"

    def en(text: str) -> str:
        return text if english else ""

    blocks = [
        block(d, 0, "paragraph", [("今天，东北亚发生一件历史性的大事件：",
                                    en("Today a historic event took place in Northeast Asia:"))]),
        block(d, 1, "quote", [(
            "新华社莫斯科6月19日电（记者华迪）据塔斯社19日报道，俄罗斯总统普京与朝鲜劳动党总书记、"
            "国务委员长金正恩当日在平壤签署《全面战略伙伴关系条约》。",
            en("Xinhua, Moscow, June 19: according to TASS, Russian President Putin and Kim Jong Un "
               "signed the Treaty on Comprehensive Strategic Partnership in Pyongyang that day."),
            [("term", "普京", "Putin", "putin"), ("term", "金正恩", "Kim Jong Un", "kim-jong-un"),
             ("term", "平壤", "Pyongyang", "pyongyang")])]),
        block(d, 2, "quote", [
            ("普京在与金正恩会谈后表示，俄朝签署的《全面战略伙伴关系条约》是将两国协作提升至新水平的突破性文件；",
             en("After talks with Kim Jong Un, Putin said the treaty was a breakthrough document;"),
             [("term", "普京", "Putin", "putin"), ("term", "金正恩", "Kim Jong Un", "kim-jong-un")]),
            ("条约中规定，当任何缔约方遭受侵略时，另一方将向其提供援助。",
             en("under the treaty, when either party is attacked, the other will come to its aid."),
             [("strong", "当任何缔约方遭受侵略时，另一方将向其提供援助。",
               "when either party is attacked, the other will come to its aid.", "")]),
        ]),
        block(d, 3, "paragraph", [("这是一种准军事同盟的关系。",
                                    en("This is a quasi-military alliance."))]),
        block(d, 4, "heading", [("俄罗斯的对外关系", en("Russia's foreign relations"))]),
        block(d, 5, "paragraph", [("在俄罗斯的对外关系中，分为数个级别：",
                                    en("Russia's foreign relations fall into several levels:"))]),
        block(d, 6, "list_item", [("第一个级别：邦联国家", en("First level: a confederation"))]),
        block(d, 7, "list_item", [("第二个级别：军事同盟国家", en("Second level: military allies"))]),
        block(d, 8, "paragraph", [
            ("集安组织有俄罗斯、白俄罗斯、亚美尼亚、哈萨克斯坦、塔吉克斯坦和吉尔吉斯斯坦6个成员国。",
             en("The CSTO has six members: Russia, Belarus, Armenia, Kazakhstan, Tajikistan and Kyrgyzstan."),
             [("a", "集安组织", "CSTO", "https://en.wikipedia.org/wiki/CSTO?a=1&b=2"),
              ("a", "白俄罗斯", "Belarus", "javascript:alert(1)")]),
            ("这一原则与北约的原则是一致的。", en("This principle is the same as NATO's.")),
        ]),
        block(d, 9, "caption", [("CDT 档案卡", en("CDT archive card"))]),
    ]
    return Document(
        id=d,
        meta=Meta(title="俄罗斯与朝鲜结盟，东北亚局势巨变", title_hans="俄罗斯与朝鲜结盟，东北亚局势巨变",
                  title_hant=_CC.convert("俄罗斯与朝鲜结盟，东北亚局势巨变"),
                  title_en="Russia and North Korea ally; Northeast Asia transformed" if english else "",
                  url=SEED_URL, author="古老板的老巢", author_url="https://chinadigitaltimes.net/space/古老板的老巢",
                  date="2024-06-20", source="微信公众号“古老板的老巢”",
                  source_url="https://web.archive.org/web/https://mp.weixin.qq.com/s/dOlCXPoiSwvpGo0Ik5rvYw",
                  topics=["俄罗斯"], collections=["公民馆"], rights=SEED_RIGHTS,
                  archived_at="2024-06-20T11:30:46+00:00", script="hans", format="cdt", path="seed.txt"),
        blocks=blocks,
        provenance={"engine": "argos", "model": "translate-zh_en-1.9", "glossary": "2024.06-test",
                    "variant": "s2twp"} if english else {"variant": "s2twp"},
    )


def luo_doc() -> Document:
    """From fixtures/cdt_392432_luo-guancong.md: 「」 quotes (kinsoku), no English column."""
    d = "luo"
    blocks = [
        block(d, 0, "paragraph", [("时代就这样推着我们前行。", "")]),
        block(d, 1, "paragraph", [(
            "经历一个星期在鸡寮与绑匪的议价和争持，最终他也能成功逃脱并找到亲友后，由蓝田坐车到金钟，"
            "在「抵垒政策」生效时取得行街纸，再也不怕警察在大街上的截查。", "")]),
    ]
    title = "罗冠聪：一切都是时代的潮流 推着一代又一代人"
    return Document(id=d, meta=Meta(title=title, title_hans=title, title_hant=_CC.convert(title),
                                    date="2020-09-22", author="罗冠聪", script="hans",
                                    archived_at="2020-09-22T10:22:41+00:00"),
                    blocks=blocks, provenance={"variant": "s2twp"})


def hk_doc() -> Document:
    """From fixtures/cdtv_400883_uk-embassy-hk.md: list items as labels between quotations, <del>."""
    d = "hk"
    blocks = [
        block(d, 0, "paragraph", [("该公众号为英国驻华使馆官方所持有，截至发稿时文章暂未被删除。",
                                   "The account is run by the British Embassy; the article had not been "
                                   "deleted at the time of writing.",
                                   [("del", "截至发稿时文章暂未被删除。", "the article had not been deleted "
                                     "at the time of writing.", "")])]),
        block(d, 1, "list_item", [("言论：", "Claim:", [("strong", "言论：", "Claim:", "")])]),
        block(d, 2, "quote", [("英国支持港独- 澎湃新闻6月6日报道", "Britain supports Hong Kong independence "
                               "- The Paper, June 6")]),
        block(d, 3, "list_item", [("回应：", "Response:", [("strong", "回应：", "Response:", "")])]),
        block(d, 4, "quote", [("这不是真的，英国明确承认在一国两制的框架下香港是中国的一部分。",
                               "This is not true: Britain clearly recognises that Hong Kong is part of "
                               "China under One Country, Two Systems.")]),
    ]
    return Document(id=d, meta=Meta(title="英国驻华使馆｜ 关于香港问题的更正说明",
                                    date="2020-06-19T09:51:53+00:00", source="英国驻华使馆",
                                    url="https://chinadigitaltimes.net/chinese/2020/06/400883.html",
                                    rights="版权归原作者所有", script="hans"),
                    blocks=blocks, provenance={"engine": "argos", "model": "translate-zh_en-1.9",
                                               "variant": "s2tw"})
