"""Every endpoint of the review workspace through Starlette's TestClient: the token guard, pages,
edits stored as human translations, re-check, approval, undo, two tabs, the changes feed, and escaping."""

from __future__ import annotations

import json
import re

import pytest

from bilingual.errors import BilingualError  # noqa: E402
from bilingual.translate.memory import Memory  # noqa: E402
from tests.conftest import SEED  # noqa: E402
from tests.review.conftest import TOKEN, article_url, assert_only_the_edit_changed, post  # noqa: E402


def _segments(edition) -> list[dict]:
    data = json.loads(edition.article.read_text(encoding="utf-8"))
    return [s for b in data["blocks"] for s in b["segments"]]


def _with_finding(workspace, kind: str):
    art = workspace.article(SEED.stem)
    return next(art.segment(sid) for sid, fs in art.findings.items() if any(f.kind == kind for f in fs))


def test_the_planted_loop_is_a_repetition_finding(workspace):
    """The fixture's planted loop (conftest.LOOP) is what the repetition tests below reach, whatever the noise."""
    art = workspace.article(SEED.stem)
    looped = [sid for sid, fs in art.findings.items()
              if any(f.kind == "repetition" for f in fs) and "its aid, will come to its aid" in art.segment(sid).en]
    assert len(looped) == 1


def _human(edition, source: str) -> str | None:
    with Memory(edition.memory) as mem:
        return mem.human(source)


# --- the guard ---


def test_every_address_needs_the_token(client):
    for path in ("/", "/a/" + SEED.stem, "/static/review.js", "/api/a/" + SEED.stem + "/changes",
                 "/wrong-token/", f"/{TOKEN[:-1]}/", f"/{TOKEN}x/a/{SEED.stem}"):
        response = client.get(path, follow_redirects=False)
        assert response.status_code == 404, path
        assert SEED.stem not in response.text
    assert client.get(f"/{TOKEN}", follow_redirects=False).status_code == 308
    home = client.get(f"/{TOKEN}/", follow_redirects=False)
    assert home.status_code == 303 and home.headers["location"] == article_url()


def test_a_foreign_host_header_is_refused(client):
    """DNS rebinding: a page on evil.example resolving to 127.0.0.1 still sends its own Host."""
    response = client.get(article_url(), headers={"Host": "evil.example:8765"})
    assert response.status_code == 403 and "Host" in response.text


def test_writes_need_the_token_header_our_origin_and_json(client, workspace, edition):
    seg = _with_finding(workspace, "repetition")
    body = {"segment": seg.id, "english": "Forged.", "base": 0}
    url = article_url("save")
    refused = [
        client.post(url, json=body),  # no token header (a form on another page cannot send one)
        client.post(url, json=body, headers={"X-Review-Token": "guess", "Content-Type": "application/json"}),
        post(client, "save", body, Origin="http://evil.example"),
        post(client, "save", body, **{"Sec-Fetch-Site": "cross-site"}),
        client.post(url, data={"segment": seg.id, "english": "Forged."}, headers={"X-Review-Token": TOKEN}),
        client.post(f"/wrong/api/a/{SEED.stem}/save", json=body, headers={"X-Review-Token": TOKEN}),
    ]
    assert [r.status_code for r in refused] == [403, 403, 403, 403, 415, 404]
    assert _human(edition, seg.hans) is None, "a refused write stored nothing"
    ok = post(client, "save", body, Origin=f"http://{'127.0.0.1:8765'}")
    assert ok.status_code == 200 and _human(edition, seg.hans) == "Forged."


def test_document_data_that_would_write_elsewhere_is_not_served(edition, tmp_path):
    """A rebuild writes ID.html beside ID.json: an id that is not the file name (../x) or a link out is refused."""
    from bilingual.review.workspace import Workspace

    data = json.loads(edition.article.read_text(encoding="utf-8"))
    (edition.out / "evil.json").write_text(json.dumps(dict(data, id="../../escaped")), encoding="utf-8")
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    (outside / "far.json").write_text(json.dumps(dict(data, id="far")), encoding="utf-8")
    (edition.out / "far.json").symlink_to(outside / "far.json")
    ws = Workspace(edition.out, memory_path=edition.memory)
    assert list(ws.paths) == [SEED.stem]
    assert any("'../../escaped' is not its file name" in line for line in ws.skipped)
    assert any("outside" in line for line in ws.skipped)
    with pytest.raises(BilingualError, match="not its file name"):
        Workspace(edition.out / "evil.json", memory_path=edition.memory)


def test_responses_carry_security_headers(client):
    page = client.get(article_url())
    assert page.status_code == 200
    csp = page.headers["content-security-policy"]
    assert "script-src 'self'" in csp and "'unsafe-inline'" not in csp and "frame-ancestors 'none'" in csp
    assert page.headers["referrer-policy"] == "no-referrer"  # the token never leaves in a Referer
    assert page.headers["x-content-type-options"] == "nosniff"
    assert "cache-control" in page.headers
    # every asset is ours and local: no http(s) URL is loaded by the page
    assert not re.search(r'(?:src|href)="https?://', page.text.split("<main", 1)[0])
    for name, kind in (("review.js", "javascript"), ("review.css", "css"), ("edition.css", "css")):
        asset = client.get(f"/{TOKEN}/static/{name}")
        assert asset.status_code == 200 and kind in asset.headers["content-type"]
    assert client.get(f"/{TOKEN}/static/app.py").status_code == 404


def test_no_path_outside_the_served_folder_can_be_read(client, edition, tmp_path):
    secret = tmp_path / "secret.html"
    secret.write_text("SECRET", encoding="utf-8")
    (edition.out / "link.html").symlink_to(secret)
    (edition.out / ".hidden.html").write_text("HIDDEN", encoding="utf-8")
    attempts = [
        "edition/..%2Fsecret.html", "edition/../secret.html", "edition/%2e%2e%2fsecret.html",
        "edition/..%2F..%2F..%2F..%2Fetc%2Fpasswd", "edition/link.html", "edition/.hidden.html",
        "edition/..%2Ftm.sqlite", "edition/tm.sqlite", "a/..%2F..%2Fetc%2Fpasswd", "a/%2e%2e", "static/..%2Fapp.py",
        "static/..%2F..%2Fcli.py", "edition/%2Fetc%2Fpasswd", f"a/{SEED.stem}.json",
    ]
    for path in attempts:
        response = client.get(f"/{TOKEN}/{path}")
        assert response.status_code == 404, path
        assert "SECRET" not in response.text and "HIDDEN" not in response.text and "root:" not in response.text
    page = client.get(f"/{TOKEN}/edition/{SEED.stem}.html")
    assert page.status_code == 200 and page.text == edition.page.read_text(encoding="utf-8")
    assert "sandbox" in page.headers["content-security-policy"]
    for name in ("..%2F..%2Fx", "..", "nope"):
        assert post(client, "save", {"segment": "x", "english": "y"}).status_code == 404
        assert client.post(f"/{TOKEN}/api/a/{name}/undo", json={},
                           headers={"X-Review-Token": TOKEN}).status_code == 404


# --- pages ---


def test_the_article_page_shows_rows_findings_names_and_the_keys(client, workspace, edition):
    page = client.get(article_url()).text
    segments = _segments(edition)
    assert page.count(' data-seg="') == len(segments)
    art = workspace.article(SEED.stem)
    with_findings = sum(1 for fs in art.findings.values() if fs)
    assert page.count("has-findings") == with_findings > 0
    assert f"0 / {len(segments)} reviewed" in page
    for key in ("<kbd>j</kbd>", "<kbd>n</kbd>", "<kbd>e</kbd>", "<kbd>Enter</kbd>", "<kbd>a</kbd>", "<kbd>u</kbd>"):
        assert key in page
    names = json.loads(re.search(r'<script type="application/json" id="names">(.*?)</script>', page, re.S)[1])
    assert names["putin"]["en"] == "Putin" and names["putin"]["hant"] == "普丁"
    assert 'data-term="putin"' in page
    # the Traditional column is tagged with the build's region, as the published pages tag it
    assert page.count('<div class="cell hant" lang="zh-Hant-TW">') == len(segments)


def _untagged_chinese(page: str) -> list[str]:
    """Runs of Chinese on a page that no element tags as Chinese (a browser sets those in the English page's
    fallback font: a Japanese one)."""
    from bs4 import BeautifulSoup

    from bilingual.chars import CHINESE_RUN

    soup = BeautifulSoup(page, "html.parser")
    out = []
    for text in soup.find_all(string=CHINESE_RUN):
        if text.parent.name in ("script", "title"):
            continue
        tagged = next((e["lang"] for e in text.parents if e.has_attr("lang")), "")
        if not tagged.startswith("zh"):
            out.append(text.strip()[:40])
    return out


def test_every_piece_of_chinese_on_the_pages_is_tagged_as_chinese(client, workspace, edition):
    # findings quote the source ('普京'), the column heads are Chinese words, the title is the source's
    page = client.get(article_url()).text
    quoted = re.search(r'<li class="sev-[a-z]+">[^\n]*<span lang="zh-Hans">[^<]+</span>', page)
    assert quoted, "a finding quotes Chinese"
    assert '<div class="hant" lang="zh-Hant-TW">繁體中文</div>' in page
    assert _untagged_chinese(page) == []


def test_a_traditional_source_is_quoted_as_written_in_the_findings(tmp_path, edition):
    from starlette.testclient import TestClient

    from bilingual import api
    from bilingual.review.app import create_app
    from bilingual.review.workspace import Workspace

    article = tmp_path / "hk.md"
    article.write_text("# 記協聲明\n\n前特首董建華表示，三名記者被捕。\n", encoding="utf-8")
    api.build([article], tmp_path / "out", english=False)
    ws = Workspace(tmp_path / "out", memory_path=tmp_path / "tm.sqlite")
    (seg,) = [s for s in ws.article("hk").doc.segments() if "董" in s.hant]
    with TestClient(create_app(ws, TOKEN)) as client:
        saved = client.post(f"/{TOKEN}/api/a/hk/save", json={"segment": seg.id, "english": "Four were held."},
                            headers={"X-Review-Token": TOKEN})
        assert saved.status_code == 200, saved.text
        page = client.get(f"/{TOKEN}/a/hk").text
        folder_page = client.get(f"/{TOKEN}/").text
    from bs4 import BeautifulSoup

    findings = " ".join(li.decode_contents() for li in BeautifulSoup(page, "html.parser").select("ul.findings li"))
    assert re.search(r"'<span lang=\"zh-Hant[-A-Z]*\">董建華</span>'", findings), "quoted as the source writes it"
    assert "董建华" not in findings
    assert _untagged_chinese(page) == [] and _untagged_chinese(folder_page) == []


def test_a_rebuild_keeps_the_region_a_traditional_source_was_stated_in(tmp_path):
    from bs4 import BeautifulSoup

    from bilingual import api
    from bilingual.review.workspace import Workspace

    article = tmp_path / "hk.md"
    article.write_text("# 記協聲明\n\n前特首董建華表示，三名記者被捕。\n", encoding="utf-8")
    api.build([article], tmp_path / "out", english=False, source_region="zh-HK")
    Workspace(tmp_path / "out", memory_path=tmp_path / "tm.sqlite").rebuild()
    soup = BeautifulSoup((tmp_path / "out" / "hk.html").read_text(encoding="utf-8"), "html.parser")
    assert {c["lang"] for c in soup.select("main .cell.hant")} == {"zh-Hant-HK"}


def test_the_findings_are_those_bilingual_check_reports(client, workspace, edition):
    from bilingual import api

    _, expected = api.check(edition.article)
    shown = [f for fs in workspace.article(SEED.stem).findings.values() for f in fs]
    assert [f.to_dict() for f in shown] == [f.to_dict() for f in expected] and expected
    seg = _with_finding(workspace, "repetition")
    post(client, "save", {"segment": seg.id, "english": "A clean sentence about the treaty."})
    after = workspace.article(SEED.stem).findings.get(seg.id, [])
    assert not [f for f in after if f.kind == "repetition"], "checked with the edit"
    # What is left is what the check says of the edited English (here: the names it lacks).
    assert all("A clean sentence" in f.target or not f.target for f in after)
    on_disk = [f for f in api.check(edition.article)[1] if f.segment == seg.id]
    assert on_disk, "the saved data changes only at a rebuild: `bilingual check` still sees the machine text"


def test_a_folder_lists_its_articles(tmp_path, edition):
    from starlette.testclient import TestClient

    from bilingual import api
    from bilingual.review.app import create_app
    from bilingual.review.workspace import Workspace

    folder = tmp_path / "two"
    for name in ("one", "two"):
        text = tmp_path / f"{name}.txt"
        text.write_text(f"标题{name}\n\n普京访问了平壤。\n", encoding="utf-8")
        api.build([text], folder, english=False)
    (folder / "notes.json").write_text("{}", encoding="utf-8")
    ws = Workspace(folder, memory_path=edition.memory)
    with TestClient(create_app(ws, TOKEN)) as client:
        page = client.get(f"/{TOKEN}/").text
    assert f'href="/{TOKEN}/a/one"' in page and f'href="/{TOKEN}/a/two"' in page
    assert "notes.json" in page and "Not articles" in page


# --- edits ---


def test_save_stores_a_human_translation_and_checks_the_segment_again(client, workspace, edition):
    seg = _with_finding(workspace, "repetition")
    english = "The treaty says that when either party is attacked, the other will come to its aid."
    response = post(client, "save", {"segment": seg.id, "english": english, "base": 0})
    data = response.json()
    assert response.status_code == 200 and data["ok"], data
    assert _human(edition, seg.hans) == english  # the memory row `bilingual import` would write
    row = data["rows"][seg.id]
    assert english in row and "state-edited" in row and "repetition" not in row
    assert data["progress"]["reviewed"] == 1 and data["versions"][seg.id] > 0
    assert "saved as a human translation" in data["notice"]
    # the page drawn afresh says the same
    assert english in client.get(article_url()).text


def test_machine_english_typed_back_is_not_a_human_edit(client, workspace, edition):
    seg = _with_finding(workspace, "repetition")
    machine = seg.en
    first = post(client, "save", {"segment": seg.id, "english": machine, "base": 0}).json()
    assert "nothing stored" in first["notice"] and _human(edition, seg.hans) is None
    post(client, "save", {"segment": seg.id, "english": "An edit.", "base": 0})
    back = post(client, "save", {"segment": seg.id, "english": f"  {machine} ", "base": None}).json()
    assert "back to the machine translation" in back["notice"] and _human(edition, seg.hans) is None


def test_bad_writes_are_one_line_errors(client, workspace):
    seg = _with_finding(workspace, "repetition")
    cases = [
        ({"segment": seg.id, "english": "   "}, 400, "empty English"),
        ({"segment": seg.id, "english": "x" * 6000}, 400, "at most"),
        ({"segment": seg.id, "english": 5}, 400, "must be text"),
        ({"segment": "nope", "english": "Hello."}, 404, "no segment"),
    ]
    for body, status, words in cases:
        response = post(client, "save", body)
        assert response.status_code == status and words in response.json()["notice"], body
    huge = client.post(article_url("save"), content=b'{"english": "' + b"x" * 70_000 + b'"}',
                       headers={"X-Review-Token": TOKEN, "Content-Type": "application/json"})
    assert huge.status_code == 400 and "too large" in huge.json()["notice"]
    broken = client.post(article_url("save"), content=b"{not json",
                         headers={"X-Review-Token": TOKEN, "Content-Type": "application/json"})
    assert broken.status_code == 400 and "not JSON" in broken.json()["notice"]


def test_markup_in_an_edit_or_a_source_stays_text(client, workspace, edition, tmp_path):
    seg = _with_finding(workspace, "repetition")
    evil = '<script>alert(1)</script> <img src=x onerror="alert(2)"> & done'
    data = post(client, "save", {"segment": seg.id, "english": evil, "base": 0}).json()
    for html in (data["rows"][seg.id], client.get(article_url()).text):
        assert "<script>alert" not in html and "<img src=x" not in html
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert _human(edition, seg.hans) == evil  # stored as written: it is text, escaped where shown

    from starlette.testclient import TestClient

    from bilingual import api
    from bilingual.review.app import create_app
    from bilingual.review.workspace import Workspace

    source = tmp_path / "evil.md"
    source.write_text("# 标题\n\n他写道：`<script>alert(3)</script>`，然后离开了。\n", encoding="utf-8")
    api.build([source], tmp_path / "evil", english=False)
    with TestClient(create_app(Workspace(tmp_path / "evil", memory_path=edition.memory), TOKEN)) as other:
        page = other.get(f"/{TOKEN}/a/evil").text
    assert "alert(3)" in page and "<script>alert(3)" not in page


def test_a_glossary_note_with_markup_cannot_break_out_of_the_names_data(tmp_path, edition):
    from starlette.testclient import TestClient

    from bilingual.review.app import create_app
    from bilingual.review.workspace import Workspace

    edition.glossary.write_text(
        "id\tkind\thans\ten\tnote\nputin\tperson\t普京\tPutin\t</script><script>alert(1)</script>\n", encoding="utf-8")
    ws = Workspace(edition.out, memory_path=edition.memory, glossary_path=edition.glossary)
    with TestClient(create_app(ws, TOKEN)) as client:
        page = client.get(article_url()).text
    assert "<script>alert(1)" not in page
    data = re.search(r'<script type="application/json" id="names">(.*?)</script>', page, re.S)[1]
    assert json.loads(data)["putin"]["note"] == "</script><script>alert(1)</script>"


def test_approve_stores_the_english_as_signed_off_and_undo_takes_it_back(client, workspace, edition):
    seg = _with_finding(workspace, "number.missing")
    data = post(client, "approve", {"segment": seg.id, "base": 0}).json()
    assert data["ok"] and "state-approved" in data["rows"][seg.id] and "✓ approved" in data["rows"][seg.id]
    assert _human(edition, seg.hans) == seg.en  # an approved unit is a human decision, as import treats it
    undone = post(client, "undo", {}).json()
    assert "undid the approval" in undone["notice"] and "state-approved" not in undone["rows"][seg.id]
    assert _human(edition, seg.hans) is None and undone["progress"]["reviewed"] == 0
    assert post(client, "undo", {}).json()["notice"] == "nothing to undo"


def test_undo_walks_back_edits_one_at_a_time(client, workspace, edition):
    seg = _with_finding(workspace, "repetition")
    for english in ("First edit.", "Second edit."):
        post(client, "save", {"segment": seg.id, "english": english})
    assert _human(edition, seg.hans) == "Second edit."
    assert "First edit." in post(client, "undo", {}).json()["rows"][seg.id]
    assert _human(edition, seg.hans) == "First edit."
    row = post(client, "undo", {}).json()["rows"][seg.id]
    assert _human(edition, seg.hans) is None and seg.en.split()[0] in row and "state-edited" not in row


def test_two_tabs_last_write_wins_with_a_notice_and_nothing_is_lost(client, workspace, edition):
    seg = _with_finding(workspace, "repetition")
    base = workspace.article(SEED.stem).version(seg.id)
    tab_a = post(client, "save", {"segment": seg.id, "english": "Tab A's English.", "base": base}).json()
    assert tab_a["overwritten"] is None and tab_a["level"] == "ok"
    tab_b = post(client, "save", {"segment": seg.id, "english": "Tab B's English.", "base": base}).json()
    assert tab_b["overwritten"]["english"] == "Tab A's English." and tab_b["level"] == "warn"
    assert "another tab" in tab_b["notice"] and "Tab A's English." in tab_b["notice"]
    assert _human(edition, seg.hans) == "Tab B's English."
    post(client, "undo", {})  # tab A's English is not dropped: one undo brings it back
    assert _human(edition, seg.hans) == "Tab A's English."
    # tab A learns of tab B's write through the changes feed it polls
    feed = client.get(article_url("changes") + f"?since={tab_a['seq']}").json()
    assert seg.id in feed["rows"] and feed["seq"] > tab_a["seq"]
    assert client.get(article_url("changes") + f"?since={feed['seq']}").json()["rows"] == {}
    assert client.get(article_url("changes") + "?since=x").status_code == 400


def test_segments_with_the_same_chinese_share_one_edit(tmp_path, edition):
    """One human row per Chinese sentence (as `bilingual import` keys it): both rows show the edit at once."""
    from starlette.testclient import TestClient

    from bilingual import api
    from bilingual.review.app import create_app
    from bilingual.review.workspace import Workspace

    text = tmp_path / "twice.txt"
    text.write_text("标题\n\n他说：我们会回来的。\n\n第二段。\n\n他说：我们会回来的。\n", encoding="utf-8")
    api.build([text], tmp_path / "twice", english=False)
    ws = Workspace(tmp_path / "twice", memory_path=edition.memory)
    art = ws.article("twice")
    shared = next(ids for ids in art.by_key.values() if len(ids) > 1)
    with TestClient(create_app(ws, TOKEN)) as client:
        data = client.post(f"/{TOKEN}/api/a/twice/save", json={"segment": shared[0], "english": "Said once."},
                           headers={"X-Review-Token": TOKEN}).json()
    assert set(shared) <= set(data["rows"]) and all("Said once." in data["rows"][s] for s in shared)
    assert data["versions"][shared[1]] == data["versions"][shared[0]] > 0


def test_a_saved_edit_survives_a_killed_server(edition, tmp_path):
    """The edit is committed before the answer: a process killed with SIGKILL right after loses nothing."""
    import subprocess
    import sys
    import textwrap

    seg = next(s for s in _segments(edition) if s["hans"])
    script = textwrap.dedent(f"""
        import os, signal
        from pathlib import Path
        from starlette.testclient import TestClient
        from bilingual.review.app import create_app
        from bilingual.review.workspace import Workspace
        ws = Workspace(Path({str(edition.out)!r}), memory_path=Path({str(edition.memory)!r}))
        client = TestClient(create_app(ws, "t"))
        r = client.post("/t/api/a/{SEED.stem}/save", json={{"segment": {seg["id"]!r}, "english": "Kept."}},
                        headers={{"X-Review-Token": "t"}})
        assert r.status_code == 200, r.text
        os.kill(os.getpid(), signal.SIGKILL)
    """)
    from tests.conftest import ROOT

    done = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert done.returncode == -9, done.stderr
    assert _human(edition, seg["hans"]) == "Kept."


# --- glossary ---


def test_add_a_name_from_a_selection(client, workspace, edition):
    from bilingual.glossary.terms import read_file

    data = post(client, "names", {"hans": "歷史性", "column": "hant", "kind": "other", "english": "historic"}).json()
    assert data["ok"], data
    terms, problems = read_file(edition.glossary)
    assert problems == [] and [(t.id, t.hans, t.kind, t.en) for t in terms] == [("historic", "历史性", "other",
                                                                                      "historic")]
    art = workspace.article(SEED.stem)  # checked again with the new name: its English is now expected
    missing = [f for fs in art.findings.values() for f in fs
               if f.kind == "glossary.missing" and "historic" in f.message]
    assert missing and "历史性" in art.segment(missing[0].segment).hans
    before = edition.glossary.read_bytes()
    bad = [({"hans": "东北亚局势", "kind": "alien", "english": "X"}, "kind 'alien' is not one of"),
           ({"hans": "普京", "kind": "person", "english": "Pujing"}, "already in the glossary as putin"),
           ({"hans": "Moscow", "kind": "place", "english": "Moscow"}, "no Chinese"),
           ({"hans": "东北亚局势", "kind": "other", "english": ""}, "English rendering"),
           ({"hans": "东北\t亚", "kind": "other", "english": "x"}, "no tabs"),
           ({"hans": "东北亚局势", "kind": "other", "english": "x", "id": "Bad Id"}, "must be lowercase")]
    for body, words in bad:
        response = post(client, "names", body)
        assert response.status_code == 400 and words in response.json()["notice"], body
    assert edition.glossary.read_bytes() == before, "a refused name leaves the file as it was"
    assert not [p for p in edition.glossary.parent.iterdir() if p.name.startswith(".project.tsv")]


def test_adding_a_name_needs_a_project_glossary(edition):
    from starlette.testclient import TestClient

    from bilingual.review.app import create_app
    from bilingual.review.workspace import Workspace

    with TestClient(create_app(Workspace(edition.out, memory_path=edition.memory), TOKEN)) as client:
        response = post(client, "names", {"hans": "历史性", "kind": "other", "english": "historic"})
    assert response.status_code == 400 and "--glossary FILE" in response.json()["notice"]


# --- rebuild ---


def test_rebuild_without_edits_writes_what_build_wrote(client, edition):
    before = edition.page.read_bytes()
    data = post(client, "rebuild", {}).json()
    assert data["ok"] and data["files"] == [f"{SEED.stem}.html", f"{SEED.stem}.json"]
    assert edition.page.read_bytes() == before


def test_rebuild_uses_the_edit_and_changes_nothing_else(client, workspace, edition):
    original = {s["id"]: s for s in _segments(edition)}
    seg = _with_finding(workspace, "repetition")
    post(client, "save", {"segment": seg.id, "english": "An edited <sentence>."})
    data = post(client, "rebuild", {"epub": True}).json()
    assert data["ok"] and f"{SEED.stem}.epub" in data["files"], data
    rebuilt = {s["id"]: s for s in _segments(edition)}
    assert rebuilt[seg.id]["en"] == "An edited <sentence>." and rebuilt[seg.id]["origin"] == "human"
    assert_only_the_edit_changed(original, rebuilt, seg.id)
    assert "An edited &lt;sentence&gt;." in edition.page.read_text(encoding="utf-8")
    assert (edition.out / f"{SEED.stem}.epub").stat().st_size > 0
    # the workspace reads the rebuilt data: still edited, still one finding fewer
    assert "An edited &lt;sentence&gt;." in client.get(article_url()).text


def test_a_collection_rebuilds_as_its_build_wrote_it(tmp_path, argos_home_module):
    """Book order and --title come back from the collection's index page: index and EPUB are byte-identical."""
    from bilingual import api
    from bilingual.review.workspace import Workspace
    from tests.conftest import FIXTURES

    out, memory = tmp_path / "book", tmp_path / "tm.sqlite"
    api.build([FIXTURES / "cdt_392432_luo-guancong.md", SEED], out, memory_path=memory, formats=("html", "epub"),
              title="Two articles")
    before = {p.name: p.read_bytes() for p in out.iterdir()}
    ws = Workspace(out, memory_path=memory)
    assert list(ws.paths) == ["cdt_392432_luo-guancong", SEED.stem] and ws.title == "Two articles"
    written = ws.rebuild(epub=True)
    assert {p.name for p in written} == set(before)
    assert {name for name, data in before.items() if (out / name).read_bytes() != data} == {
        "cdt_392432_luo-guancong.json", f"{SEED.stem}.json"}, "only the data's origin mt -> memory changes"
