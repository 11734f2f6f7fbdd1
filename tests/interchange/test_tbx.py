"""TBX: the glossary to and from CAT tools, and other tools' termbases read safely."""

from __future__ import annotations

import pytest

from bilingual.errors import BilingualError
from bilingual.glossary import Glossary, Term
from bilingual.glossary.lint import lint as check


def test_tbx_round_trip_keeps_every_field(shipped, tmp_path):
    from bilingual.interchange.tbx import export_tbx, import_tbx

    path = tmp_path / "names.tbx"
    export_tbx(shipped, path)
    back = Glossary(import_tbx(path))
    assert {t.full_key() for t in back.terms} == {t.full_key() for t in shipped.terms}
    assert back.version == shipped.version


def test_tbx_cli_round_trip(tmp_path, capsys):
    from bilingual.cli import main

    tbx, tsv = tmp_path / "g.tbx", tmp_path / "g.tsv"
    main(["glossary", "export", "-o", str(tbx)])
    main(["glossary", "import", str(tbx), "-o", str(tsv)])
    assert check([tsv]) == [p for p in check([tsv]) if p.level == "info"]
    assert Glossary.load([tsv]).version == Glossary.default().version


def test_tbx_import_of_another_tools_file(tmp_path):
    from bilingual.interchange.tbx import import_tbx

    path = tmp_path / "omegat.tbx"
    path.write_text("""<?xml version="1.0" encoding="UTF-8"?>
<martif type="TBX" xml:lang="zh-CN"><text><body>
<termEntry><langSet xml:lang="zh-CN"><tig><term>马克龙</term></tig></langSet>
<langSet xml:lang="zh-TW"><tig><term>馬克宏</term></tig></langSet>
<langSet xml:lang="en-US"><tig><term>Macron</term></tig></langSet></termEntry>
<termEntry><langSet xml:lang="de"><tig><term>Haus</term></tig></langSet></termEntry>
</body></text></martif>""", encoding="utf-8")
    (term,) = import_tbx(path)
    assert (term.id, term.hans, term.en, term.hant, term.kind) == ("macron", "马克龙", "Macron",
                                                                   {"zh-TW": "馬克宏"}, "other")


def test_tbx_marks_adjectives_and_banned_spellings(tmp_path):
    from lxml import etree

    from bilingual.interchange.tbx import export_tbx, import_tbx

    g = Glossary([Term("kim-jong-un", "金正恩", en="Kim Jong Un", en_long="Kim Jong Un of North Korea",
                       kind="person", banned=["Kim Jung-un"]),
                  Term("usa", "美国", en="the US", en_adj=["American"], kind="place")])
    path = tmp_path / "g.tbx"
    export_tbx(g, path)
    tigs = etree.parse(str(path)).getroot().iter("{*}tig")
    marks = {t.findtext("{*}term"): [(n.get("type"), n.text) for n in t.iter("{*}termNote")] for t in tigs}
    assert marks["Kim Jung-un"] == [("administrativeStatus", "deprecatedTerm-admn-sts")]
    assert marks["American"] == [("partOfSpeech", "adjective")]
    assert marks["Kim Jong Un of North Korea"] == [("termType", "fullForm")]
    assert marks["Kim Jong Un"] == [("administrativeStatus", "preferredTerm-admn-sts")]
    back = {t.id: t for t in import_tbx(path)}
    assert back["kim-jong-un"].banned == ["Kim Jung-un"] and back["kim-jong-un"].en_long.endswith("Korea")
    assert (back["usa"].en, back["usa"].en_adj, back["usa"].en_long) == ("the US", ["American"], "")


def test_tbx_import_reads_deprecated_terms_of_another_tool(tmp_path):
    from bilingual.interchange.tbx import import_tbx

    path = tmp_path / "memoq.tbx"
    path.write_text("""<?xml version="1.0" encoding="UTF-8"?>
<martif type="TBX" xml:lang="zh-CN"><text><body>
<termEntry><langSet xml:lang="zh-CN"><tig><term>平壤</term></tig></langSet>
<langSet xml:lang="en-GB"><tig><term>Pingrang</term><termNote type="administrativeStatus">deprecated</termNote></tig>
<tig><term>Pyongyang</term></tig><tig><term>Pyongyang City</term></tig></langSet></termEntry>
</body></text></martif>""", encoding="utf-8")
    (term,) = import_tbx(path)
    assert (term.en, term.en_long, term.banned, term.en_adj) == ("Pyongyang", "Pyongyang City", ["Pingrang"], [])


def test_tbx_import_does_not_resolve_external_entities(tmp_path):
    from bilingual.interchange.tbx import import_tbx

    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET", encoding="utf-8")
    path = tmp_path / "evil.tbx"
    path.write_text(f"""<?xml version="1.0"?>
<!DOCTYPE martif [<!ENTITY xxe SYSTEM "file://{secret}">]>
<martif type="TBX" xml:lang="zh-Hans"><text><body>
<termEntry id="x"><langSet xml:lang="zh-Hans"><tig><term>普京</term></tig></langSet>
<langSet xml:lang="en"><tig><term>&xxe;Putin</term></tig></langSet></termEntry>
</body></text></martif>""", encoding="utf-8")
    try:
        terms = import_tbx(path)
    except BilingualError:
        return  # refusing the file outright is safe too
    assert all("TOP-SECRET" not in t.full_key() for t in terms)


def test_tbx_import_of_a_broken_file_is_one_clear_error(tmp_path):
    from bilingual.interchange.tbx import import_tbx

    path = tmp_path / "broken.tbx"
    path.write_text("<martif><text><body><termEntry>", encoding="utf-8")
    with pytest.raises(BilingualError, match="not a readable TBX file"):
        import_tbx(path)
