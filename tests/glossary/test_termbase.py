"""The glossary: loading, precedence, checking, matching; its CLI."""

from __future__ import annotations

import re

import pytest

from bilingual.errors import BilingualError
from bilingual.glossary import Glossary, Term
from bilingual.glossary.lint import lint as check
from tests.conftest import FIXTURES, ROOT
from tests.glossary.helpers import row, seed_text, write

# --- the shipped glossary


def test_shipped_glossary_checks_clean():
    errors = [p for p in check([ROOT / "glossary"]) if p.level == "error"]
    assert errors == []


def test_default_honours_env_override(tmp_path, monkeypatch):
    write(tmp_path / "a.tsv", row("only", "person", "张三", "Zhang San"))
    monkeypatch.setenv("BILINGUAL_GLOSSARY_DIR", str(tmp_path))
    g = Glossary.default()
    assert [t.id for t in g.terms] == ["only"]
    monkeypatch.setenv("BILINGUAL_GLOSSARY_DIR", str(tmp_path / "missing"))
    with pytest.raises(BilingualError, match="no glossary folder"):
        Glossary.default()


@pytest.mark.parametrize("hans, en", [
    ("普京", "Putin"), ("金正恩", "Kim Jong Un"), ("叶利钦", "Yeltsin"), ("拜登", "Biden"),
    ("汪文斌", "Wang Wenbin"), ("华迪", "Hua Di"), ("平壤", "Pyongyang"), ("朝鲜", "North Korea"),
    ("韩国", "South Korea"), ("集体安全条约组织", "CSTO"), ("北约", "NATO"), ("朝鲜劳动党", "Workers' Party of Korea"),
    ("全面战略伙伴关系条约", "Comprehensive Strategic Partnership Treaty"), ("新华社", "Xinhua"), ("塔斯社", "TASS"),
    ("中国数字时代", "China Digital Times"), ("萨德", "THAAD"), ("余华", "Yu Hua"), ("罗冠聪", "Nathan Law"),
])
def test_seed_and_fixture_names_are_curated(shipped, hans, en):
    (m,) = shipped.find(hans)
    assert m.term.en == en


def test_every_title_in_the_seed_is_a_glossary_term(shipped):
    text = seed_text()
    titles = set(re.findall(r"《([^》]+)》", text))
    assert titles
    for title in titles:
        assert [m.surface for m in shipped.find(title)] == [title]


def test_first_mention_long_forms(shipped):
    assert shipped.get("putin").en_long == "Vladimir Putin"
    assert shipped.get("csto").en_long == "Collective Security Treaty Organization (CSTO)"
    assert shipped.find("集安组织")[0].term.id == "csto"


def test_regional_traditional_forms(shipped):
    putin, trump, yu = shipped.get("putin"), shipped.get("trump"), shipped.get("yu-hua")
    assert shipped.hant_form(putin, "zh-TW") == "普丁"
    assert shipped.hant_form(putin, "zh-HK") == "普京"
    assert shipped.hant_form(trump, "zh-TW") == "川普"
    assert shipped.hant_form(shipped.get("ukraine"), "zh-TW") == "烏克蘭"  # OpenCC's own form, no row needed
    for region in ("zh-TW", "zh-HK", "zh-Hant"):
        assert shipped.hant_form(yu, region) == "余華"


# --- loading and precedence


def test_later_file_takes_precedence_by_id_and_by_simplified_form(tmp_path):
    a = write(tmp_path / "a.tsv", row("putin", "person", "普京", "Putin"), row("kim", "person", "金正恩", "Kim"))
    b = write(tmp_path / "b.tsv", row("putin", "person", "普京", "V. Putin"),
              row("kim-jong-un", "person", "金正恩", "Kim Jong-un"))
    g = Glossary.load([a, b])
    assert sorted(t.id for t in g.terms) == ["kim-jong-un", "putin"]
    assert g.find("普京")[0].term.en == "V. Putin"
    assert g.find("金正恩")[0].term.en == "Kim Jong-un"
    assert Glossary.load([b, a]).find("普京")[0].term.en == "Putin"


def test_load_rejects_a_malformed_file_with_file_and_line(tmp_path):
    bad = write(tmp_path / "bad.tsv", row("ok", "person", "普京", "Putin"), row("x", "person", "拜登", ""))
    with pytest.raises(BilingualError, match=r"bad\.tsv:4: error: empty English rendering"):
        Glossary.load([bad])


def test_version_changes_with_content(tmp_path):
    a = Glossary.load([write(tmp_path / "a.tsv", row("putin", "person", "普京", "Putin"))])
    b = Glossary.load([write(tmp_path / "b.tsv", row("putin", "person", "普京", "Putin", zh_tw="普丁"))])
    assert a.version != b.version and re.fullmatch(r"[0-9a-f]{12}", a.version)


def test_fingerprint_depends_only_on_the_terms_in_the_text(tmp_path):
    a = Glossary([Term("putin", "普京", en="Putin"), Term("biden", "拜登", en="Biden")])
    b = Glossary([Term("putin", "普京", en="Putin"), Term("biden", "拜登", en="Joe Biden")])
    assert a.fingerprint("今天天气好") == ""
    assert a.fingerprint("普京说") == b.fingerprint("普京说") != ""
    assert a.fingerprint("拜登说") != b.fingerprint("拜登说")
    # A note or a Traditional form does not touch the English, so it does not change the key.
    c = Glossary([Term("putin", "普京", en="Putin", note="x", hant={"zh-TW": "普丁"})])
    assert c.fingerprint("普京说") == a.fingerprint("普京说")


def test_adjective_and_banned_columns_are_lists(tmp_path):
    g = Glossary.load([write(tmp_path / "a.tsv",
                             row("kim-jong-un", "person", "金正恩", "Kim Jong Un", banned="Kim Jung-un| Jin Zhengen |"),
                             row("kazakhstan", "place", "哈萨克斯坦", "Kazakhstan", en_adj="Kazakh|Kazakhstani"),
                             row("moscow", "place", "莫斯科", "Moscow"))])
    assert g.get("kim-jong-un").banned == ["Kim Jung-un", "Jin Zhengen"]
    assert g.get("kazakhstan").en_adj == ["Kazakh", "Kazakhstani"]
    assert g.get("kazakhstan").renderings() == ["Kazakhstan", "Kazakh", "Kazakhstani"]
    assert (g.get("moscow").en_adj, g.get("moscow").banned) == ([], [])


def test_adjective_and_banned_columns_are_optional(tmp_path):
    f = write(tmp_path / "old.tsv", "putin\tperson\t普京\tPutin", header="id\tkind\thans\ten")
    (term,) = Glossary.load([f]).terms
    assert (term.en_adj, term.banned) == ([], [])


def test_shipped_adjectives_and_banned_spellings(shipped):
    assert shipped.get("united-states").en_adj == ["American"]
    assert shipped.get("united-kingdom").en_adj == ["British", "English"]  # England is an en_alt: English its adjective
    assert "North Korean" in shipped.get("north-korea").en_adj
    assert "Pujing" in shipped.get("putin").banned
    assert {"Kim Jung-un", "Kim Jong-eun"} <= set(shipped.get("kim-jong-un").banned)
    assert "Pingrang" in shipped.get("pyongyang").banned


def test_adjectives_and_banned_spellings_keep_cached_english_but_change_the_version(tmp_path):
    plain = Glossary([Term("usa", "美国", en="the US")])
    more = Glossary([Term("usa", "美国", en="the US", en_adj=["American"], banned=["Meiguo"])])
    assert plain.fingerprint("美国说") == more.fingerprint("美国说") != ""
    assert plain.version != more.version


# --- check: each problem kind with file:line


def test_check_refuses_a_banned_spelling_that_is_a_rendering(tmp_path):
    f = write(tmp_path / "g.tsv",
              row("kim-jong-un", "person", "金正恩", "Kim Jong Un", banned="KIM JONG-UN"),  # line 3: own en
              row("usa", "place", "美国", "the US", en_adj="American", banned="US|american"),  # 4: en, en_adj
              row("tass", "outlet", "塔斯社", "TASS", banned="Tass News"),                    # 5: fine
              row("pujing", "person", "蒲京", "Pu Jing", banned="Putin"),                     # 6: another's
              row("putin", "person", "普京", "Putin", banned="Pujing"))                       # 7: fine
    found = [str(p) for p in check([f])]
    assert f"{f}:3: error: banned spelling 'KIM JONG-UN' of 金正恩 is also one of its renderings" in found
    assert f"{f}:4: error: banned spelling 'US' of 美国 is also one of its renderings" in found
    assert f"{f}:4: error: banned spelling 'american' of 美国 is also one of its renderings" in found
    assert any(s.startswith(f"{f}:6: error: banned spelling 'Putin' of 'pujing' is a rendering of 'putin'")
               for s in found)
    assert not [s for s in found if f"{f}:5:" in s or f"{f}:7:" in s]
    with pytest.raises(BilingualError, match=r"g\.tsv:3: error: banned spelling"):
        Glossary.load([f])




def test_check_reports_each_problem_with_file_and_line(tmp_path):
    f = write(tmp_path / "g.tsv",
              row("putin", "person", "普京", "Putin"),                        # line 3
              row("putin", "person", "普丁", "Putin"),                        # 4 duplicate id
              row("putin-2", "person", "普京", "Putin"),                      # 5 duplicate term
              row("csto", "org", "集体安全条约组织", "CSTO", aliases="集安"),  # 6
              row("other", "org", "集安组织", "X", aliases="集安"),            # 7 alias claimed twice
              row("empty", "place", "平壤", ""),                              # 8 empty rendering
              row("kind", "planet", "火星", "Mars"),                          # 9 unknown kind
              "\t".join(["too", "many", "cells"] * 5),                        # 10
              row("Bad Id", "place", "莫斯科", "Moscow"))                    # 11
    name = str(f)
    found = [str(p) for p in check([f])]
    assert all(s.startswith(name + ":") for s in found)
    assert any(f"{name}:4: error: duplicate id 'putin' (first at line 3)" in s for s in found)
    assert any(f"{name}:5: error: duplicate term '普京'" in s for s in found)
    assert any(f"{name}:7: error: alias '集安' claimed by two terms" in s for s in found)
    assert any(f"{name}:8: error: empty English rendering" in s for s in found)
    assert any(f"{name}:9: error: malformed row: kind 'planet'" in s for s in found)
    assert any(f"{name}:10: error: malformed row: 15 cells" in s for s in found)
    assert any(f"{name}:11: error: malformed row: id 'Bad Id'" in s for s in found)
    # 集安组织 lies inside nothing, but 集安 lies inside both: longest match wins, reported as info.
    assert any(f"{name}:6: info: '集安' (csto) occurs inside" in s for s in found)


def test_check_reports_alias_claimed_across_files_and_missing_files(tmp_path):
    a = write(tmp_path / "a.tsv", row("csto", "org", "集体安全条约组织", "CSTO", aliases="集安组织"))
    b = write(tmp_path / "b.tsv", row("other", "org", "另一个组织", "Other", aliases="集安组织"))
    found = [str(p) for p in check([a, b, tmp_path / "none.tsv"])]
    assert any(s.startswith(f"{b}:3: error: alias '集安组织' claimed by two terms") for s in found)
    missing = [p for p in check([a, b, tmp_path / "none.tsv"]) if "none.tsv" in p.file]
    assert [(p.line, p.level, p.message) for p in missing] == [(0, "error", "no such file")]


def _generated_rows(n: int, seed: int, alphabet: int) -> list[str]:
    """`n` random rows over a small alphabet, so names often lie inside others, ids and forms recur."""
    import random

    rnd = random.Random(seed)
    chars = [chr(0x4E00 + i) for i in range(alphabet)]
    rows = []
    for i in range(n):
        hans = "".join(rnd.choices(chars, k=rnd.choice([2, 3, 4, 6])))
        aliases = "".join(rnd.choices(chars, k=3)) if rnd.random() < 0.2 else ""
        term_id = f"t{rnd.randrange(i + 1)}" if rnd.random() < 0.05 else f"t{i}"
        rows.append(row(term_id, "person", hans, f"Name {i}", aliases=aliases))
    return rows


def _pairwise_merge(terms: list[Term]) -> list[Term]:
    """The precedence rule stated directly (quadratic): the reference for glossary.merge."""
    by_id: dict[str, Term] = {}
    for t in terms:
        for old in [o for o in by_id.values() if o.hans == t.hans and o.id != t.id]:
            del by_id[old.id]
        by_id.pop(t.id, None)
        by_id[t.id] = t
    return list(by_id.values())


def test_merge_keeps_the_pairwise_precedence_on_a_large_termbase(tmp_path):
    from bilingual.glossary.lint import merge
    from bilingual.glossary.terms import read_file

    terms = []
    for k in range(3):  # three files: later ones override by id and by Simplified form
        found, _ = read_file(write(tmp_path / f"{k}.tsv", *_generated_rows(2000, k, 40)))
        terms += found
    merged = merge(terms)
    assert len(merged) < len(terms)  # the generator did plant overrides
    assert [(t.id, t.file, t.line) for t in merged] == [(t.id, t.file, t.line) for t in _pairwise_merge(terms)]


def test_check_finds_every_name_inside_another_in_order(tmp_path):
    from bilingual.glossary.lint import merge
    from bilingual.glossary.terms import read_file

    f = write(tmp_path / "g.tsv", *_generated_rows(1500, 7, 30))
    owner: dict[str, Term] = {}
    for t in merge(read_file(f)[0]):
        for s in [t.hans, *t.aliases]:
            owner.setdefault(s, t)
    expected = [f"{t.file}:{t.line}: info: {short!r} ({t.id}) occurs inside {long!r} ({o.id}, line {o.line})"
                for short, t in owner.items() for long, o in owner.items()
                if o is not t and short != long and short in long]
    found = [str(p) for p in check([f]) if "occurs inside" in str(p)]
    assert len(expected) > 100
    # check() sorts by file and line (stably): compare in that order.
    expected.sort(key=lambda s: int(s.split(":")[1]))
    assert [s.rsplit(":", 1)[0] for s in found] == expected


def test_check_of_an_8000_term_termbase_reports_what_was_planted(tmp_path):
    rows = _generated_rows(8000, 3, 3000)
    rows[10] = row("dup-a", "person", "甲乙丙丁", "Dup")
    rows[20] = row("dup-b", "person", "甲乙丙丁", "Dup B")
    rows[30] = row("inner", "person", "乙丙", "Inner")
    rows[40] = row("alias-a", "person", "戊己庚", "A", aliases="辛壬癸")
    rows[50] = row("alias-b", "person", "子丑寅", "B", aliases="辛壬癸")
    f = write(tmp_path / "big.tsv", *rows)
    found = [str(p) for p in check([f])]
    assert f"{f}:23: error: duplicate term '甲乙丙丁': 'dup-b' and 'dup-a' (line 13)" in found
    assert f"{f}:53: error: alias '辛壬癸' claimed by two terms: 'alias-b' and 'alias-a' (line 43)" in found
    # dup-b replaced dup-a, so 乙丙 lies inside dup-b's form only.
    assert f"{f}:33: info: '乙丙' (inner) occurs inside '甲乙丙丁' (dup-b, line 23): longest match wins" in found


@pytest.mark.parametrize("form, written", [
    ("Kim Jong-un", "KIM JONG‑UN"), ("the United States", "United States"), ("Xi’s", "xi‘s"),
    ("São Paulo", "Sao-Paulo"),
])
def test_glossary_check_and_proofreading_fold_english_alike(form, written):
    from bilingual.check.glossary import find_english
    from bilingual.glossary.english import english_key

    assert english_key(form) == english_key(written)  # glossary check: the same rendering
    assert find_english(f"He met {written} today.", [form])  # proofreading: found in a translation


def test_check_header_problems(tmp_path):
    f = write(tmp_path / "h.tsv", "x\tputin", header="id\thans\ten\tcolour")
    found = [str(p) for p in check([f])]
    assert f"{f}:2: error: unknown column(s) colour in header" in found
    assert f"{f}:2: error: header lacks column(s) kind" in found


# --- find


def test_longest_match_wins_and_matches_do_not_overlap(shipped):
    text = "中国外交部发言人说，中国与朝鲜签了《中朝友好合作互助条约》，朝鲜半岛。"
    found = [(m.surface, m.term.id) for m in shipped.find(text)]
    assert found == [("中国外交部", "china-mfa"), ("中国", "china"), ("朝鲜", "north-korea"),
                     ("中朝友好合作互助条约", "sino-dprk-treaty-1961"), ("朝鲜半岛", "korean-peninsula")]


def test_alias_and_traditional_forms_match(shipped):
    assert [m.term.id for m in shipped.find("集安组织和北大西洋公约组织")] == ["csto", "nato"]
    found = shipped.find("嚴搏非說，季風書園與于淼；普丁和北韓")
    assert [m.term.id for m in found] == ["yan-bofei", "jifeng-bookstore", "yu-miao", "putin", "north-korea"]
    assert [m.hans for m in found] == ["严搏非", "季风书园", "于淼", "普京", "朝鲜"]


@pytest.mark.parametrize("text", ["其余华人都来了", "其餘華人", "道德国家", "其中国家", "今日本来就好", "朝鲜族"])
def test_short_names_do_not_match_inside_other_words(shipped, text):
    assert shipped.find(text) == []


@pytest.mark.parametrize("text, ids", [
    ("余华的小说很好", ["yu-hua"]), ("余華說", ["yu-hua"]), ("美国总统拜登", ["united-states", "biden"]),
    ("中国政府", ["china"]), ("韩国、日本", ["south-korea", "japan"]),
])
def test_short_names_match_as_words(shipped, text, ids):
    assert [m.term.id for m in shipped.find(text)] == ids


@pytest.mark.parametrize("text", ["其余华", "其餘華"])
def test_a_short_name_ending_the_text_is_still_checked_as_a_word(shipped, text):
    # The candidate scan once sliced past the end of the text, so a name there got an end beyond
    # the text, counted as a long name and skipped the word check (其余华 -> 余华).
    assert shipped.find(text) == []


@pytest.mark.parametrize("text, ids", [("全国人大", ["npc"]), ("他去了德国", ["germany"]), ("新华社", ["xinhua"])])
def test_a_name_ending_the_text_ends_where_the_text_ends(shipped, text, ids):
    found = shipped.find(text)
    assert [m.term.id for m in found] == ids
    assert found[-1].end == len(text) and text[found[-1].start:] == found[-1].surface


def test_offsets_point_at_the_surface(shipped):
    text = seed_text()
    found = shipped.find(text)
    assert len(found) > 150
    assert all(text[m.start:m.end] == m.surface for m in found)
    assert all(a.end <= b.start for a, b in zip(found, found[1:], strict=False))


# --- CLI


def test_cli_check_ok_and_failing(tmp_path, capsys):
    from bilingual.cli import main

    main(["glossary", "check", "-q"])
    bad = write(tmp_path / "bad.tsv", row("x", "person", "拜登", ""))
    with pytest.raises(SystemExit) as exit_info:
        main(["glossary", "check", str(bad)])
    assert exit_info.value.code == 5
    out, err = capsys.readouterr()
    assert f"{bad}:3: error: empty English rendering" in out
    assert "1 error(s)" in err and "Traceback" not in err


def test_cli_suggest_lists_unknown_names_by_frequency(tmp_path, capsys):
    from bilingual.cli import main

    article = tmp_path / "a.txt"
    article.write_text("习近平会见了默克尔。默克尔说，《巴黎协定》很重要。默克尔与普京通话。", encoding="utf-8")
    main(["glossary", "suggest", str(article)])
    lines = capsys.readouterr().out.splitlines()
    names = [line.split("\t")[2] for line in lines]
    assert names[0] == "默克尔" and lines[0].startswith("3\tperson\t")
    assert "巴黎协定" in names and "习近平" in names
    assert "普京" not in names  # already in the glossary


def test_suggest_on_a_fixture_excludes_pieces_of_known_names(shipped):
    from bilingual.glossary.suggest import suggest

    text = (FIXTURES / "term_2018-02-06-jifeng-rip.md").read_text(encoding="utf-8")
    names = [c.text for c in suggest(text, shipped, limit=200)]
    assert "严搏" not in names and "季风书园" not in names
    assert "刘易斯" in names  # a name the glossary lacks


# --- TBX
