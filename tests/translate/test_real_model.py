"""With a real zh->en Argos package (BILINGUAL_ARGOS_MODEL=path/to/translate-zh_en.argosmodel): real English."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from bilingual.translate import packages as models
from bilingual.translate.argos import load_engine

MODEL = os.environ.get("BILINGUAL_ARGOS_MODEL", "")

pytestmark = pytest.mark.skipif(not MODEL, reason="BILINGUAL_ARGOS_MODEL not set: no real zh→en model on this machine")

# Seed sentences with the names whose English is unambiguous.
SENTENCES = {
    "普京为什么要签这个协议？": ["Putin"],
    "1994年6月，俄罗斯总统叶利钦宣布废止《苏朝友好合作互助条约》。": ["Russia", "1994"],
    "如若朝鲜被俄罗斯武装，那么，东北亚安全局势就会迅速紧张起来。": ["Russia", "Korea"],
    "但普京还是留有余地，那就是没有签正式的军事同盟。": ["Putin"],
}


@pytest.fixture
def real_engine(tmp_path, monkeypatch):
    monkeypatch.setenv("ARGOS_PACKAGES_DIR", str(tmp_path / "packages"))
    models.install_file(Path(MODEL))
    return load_engine("zh", "en")


def test_real_model_translates_seed_sentences(real_engine):
    english = real_engine.translate(list(SENTENCES))
    assert len(english) == len(SENTENCES)
    for (zh, words), en in zip(SENTENCES.items(), english, strict=True):
        letters = re.findall(r"[A-Za-z]", en)
        han = re.findall(r"[\u4e00-\u9fff]", en)
        assert len(letters) > 5 * max(1, len(han)), f"not English: {zh} -> {en}"
        for word in words:
            assert word in en, f"{word!r} missing: {zh} -> {en}"
    assert real_engine.translate(list(SENTENCES)) == english, "deterministic"
