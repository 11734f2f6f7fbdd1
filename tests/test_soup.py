"""bilingual.soup: bs4 without soupsieve and a charset detector imported up front, and both still working."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from bilingual.soup import BeautifulSoup

ROOT = Path(__file__).resolve().parents[1]


def _fresh(code: str) -> str:
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return done.stdout.strip()


def test_reading_a_document_imports_neither_soupsieve_nor_a_charset_detector():
    seed = next((ROOT / "seeds").glob("*.txt"))
    out = _fresh("import sys\nfrom pathlib import Path\nfrom bilingual import api\n"
                 f"api.load([Path({str(seed)!r})])\n"
                 "print([m for m in ('soupsieve.css_parser', 'charset_normalizer.api', 'chardet', 'cchardet') "
                 "if m in sys.modules])")
    assert out == "[]"


def test_css_selectors_still_work_and_import_soupsieve_on_first_use():
    out = _fresh("import sys\nfrom bilingual.soup import BeautifulSoup\n"
                 "before = 'soupsieve.css_parser' in sys.modules\n"
                 "soup = BeautifulSoup('<ol><li><a href=\"x\">1</a></li><li>2</li></ol>', 'html.parser')\n"
                 "print(before, [a['href'] for a in soup.select('ol li a[href]')], "
                 "'soupsieve.css_parser' in sys.modules)")
    assert out == "False ['x'] True"


@pytest.mark.parametrize("encoding", ["gb18030", "big5"])
def test_bytes_of_a_legacy_encoding_are_still_detected(encoding):
    text = "中华人民共和国国务院新闻办公室今天举行发布会，介绍经济运行情况。" if encoding == "gb18030" else \
        "中華民國行政院今天舉行記者會，說明經濟運行情況與未來的政策方向。"
    soup = BeautifulSoup(f"<html><body><p>{text}</p></body></html>".encode(encoding), "html.parser")
    assert soup.p.get_text() == text


def test_decomposed_tells_a_removed_tag_and_what_was_under_it_from_a_live_one():
    from bilingual.soup import decomposed

    soup = BeautifulSoup("<div><video><source></video><p>正文</p></div><p>後文</p>", "lxml")
    div, video, after = soup.find("div"), soup.find("video"), soup.find_all("p")[-1]
    assert not any(map(decomposed, (div, video, after)))
    div.decompose()
    assert decomposed(div) and decomposed(video) and not decomposed(after)
