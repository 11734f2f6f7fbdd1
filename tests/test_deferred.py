"""bilingual.deferred: a module put off until first use is not imported before, and works after."""

from __future__ import annotations

import subprocess
import sys


def _fresh(code: str) -> str:
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.strip()


def test_the_word_cut_leaves_jiebas_hmm_tables_unloaded_and_an_hmm_cut_still_works():
    out = _fresh("import sys\nfrom bilingual.glossary.wordcut import shared\n"
                 "print(shared().tokenize('他来到了网易杭研大厦'), 'jieba.finalseg.prob_emit' in sys.modules)\n"
                 "import jieba\n"
                 "print(jieba.lcut('他来到了网易杭研大厦', HMM=True), 'jieba.finalseg.prob_emit' in sys.modules)")
    first, second = out.splitlines()
    assert first.endswith("False")
    assert second == "['他', '来到', '了', '网易', '杭研', '大厦'] True"  # 杭研 comes from the HMM


def test_a_module_of_a_package_that_is_not_installed_is_not_put_off():
    out = _fresh("import sys\nfrom bilingual.deferred import defer\n"
                 "print(defer('no_such_package_here'), 'no_such_package_here' in sys.modules, defer('json'))")
    assert out == "False False True"


def test_the_stand_in_gives_the_real_modules_attributes():
    out = _fresh("import sys\nfrom bilingual.deferred import defer\ndefer('fractions')\n"
                 "import fractions\nbefore = type(sys.modules['fractions']).__name__\n"
                 "print(before, fractions.Fraction(1, 3) + fractions.Fraction(1, 6), "
                 "type(sys.modules['fractions']).__name__)")
    assert out == "_OnFirstUse 1/2 module"
