"""An OmegaT project for post-editing one article: the Chinese to translate, the English already in place.

OmegaT's XLIFF filter (seen with Debian's OmegaT 3.6 in console mode) translates the text of a unit's
<target> when it has one and skips a unit without one, so the standard export (target = the machine
English) opens with the English as the text to translate. This export writes a project folder instead:

    omegat.project       zh-CN -> en-US, no further sentence splitting (our units are sentences)
    source/ARTICLE.xlf   XLIFF 1.2 whose <target> holds the Chinese (OmegaT's source text); the machine
                         English travels in <alt-trans origin="bilingual-mt">, as in every export
    tm/auto/ARTICLE.tmx  Chinese -> English of every translated segment: OmegaT puts these in as the
                         translations when the project opens, so the proofreader edits English
    glossary/names.tbx   the termbase, shown beside each segment

OmegaT's "Create translated documents" then writes target/ARTICLE.xlf (Chinese <source>, English
<target>), which `bilingual import ... --doc ARTICLE.json` reads like any returned XLIFF.
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from bilingual.errors import BilingualError
from bilingual.interchange.units import segment_source
from bilingual.interchange.xliff import _build_12
from bilingual.model import Document

OMEGAT_SOURCE = "zh-CN"  # OmegaT's language codes for the project and the TMX it loads
OMEGAT_TARGET = "en-US"
PROJECT = """<?xml version="1.0" encoding="UTF-8" standalone="no"?>
<omegat>
  <project version="1.0">
    <source_dir>__DEFAULT__</source_dir>
    <source_dir_excludes/>
    <target_dir>__DEFAULT__</target_dir>
    <tm_dir>__DEFAULT__</tm_dir>
    <glossary_dir>__DEFAULT__</glossary_dir>
    <glossary_file>__DEFAULT__</glossary_file>
    <dictionary_dir>__DEFAULT__</dictionary_dir>
    <source_lang>{source}</source_lang>
    <target_lang>{target}</target_lang>
    <source_tok>org.omegat.tokenizer.LuceneSmartChineseTokenizer</source_tok>
    <target_tok>org.omegat.tokenizer.LuceneEnglishTokenizer</target_tok>
    <sentence_seg>false</sentence_seg>
    <support_default_translations>true</support_default_translations>
    <remove_tags>false</remove_tags>
  </project>
</omegat>
"""


def _source_xliff(doc: Document, glossary) -> bytes:
    """The standard XLIFF 1.2 export with each <target> holding the Chinese, for OmegaT to translate."""
    store = _build_12(doc, glossary)
    for unit in store.units:
        unit.target = unit.source
        target = unit.get_target_dom()
        for attribute in ("state", "state-qualifier"):
            target.attrib.pop(attribute, None)
        unit.xmlelement.attrib.pop("approved", None)  # OmegaT does not keep it up to date
    return bytes(store)


def _auto_tmx(doc: Document) -> bytes:
    from translate.storage import tmx

    store = tmx.tmxfile(sourcelanguage=OMEGAT_SOURCE, targetlanguage=OMEGAT_TARGET)
    store.addheader()
    for seg in doc.segments():
        if seg.en and segment_source(seg):
            unit = store.addsourceunit(segment_source(seg), OMEGAT_SOURCE)
            unit.settarget(seg.en, OMEGAT_TARGET)
    return bytes(store)


def write_omegat_project(doc: Document, folder: Path, *, glossary=None, name: str = "article") -> Path:
    """Write an OmegaT project folder for `doc`; refuses an existing folder (it may hold a person's work)."""
    folder = Path(folder)
    if folder.exists():
        raise BilingualError(f"{folder} already exists: not overwritten (it may hold OmegaT work); "
                             "give another -o folder")
    try:
        folder.parent.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=f".{folder.name}.", dir=folder.parent))
    except OSError as e:
        raise BilingualError(f"cannot write {folder}: {e.strerror or e}") from None
    try:
        for sub in ("source", "target", "tm/auto", "glossary", "dictionary", "omegat"):
            (staging / sub).mkdir(parents=True)
        (staging / "omegat.project").write_text(PROJECT.format(source=OMEGAT_SOURCE, target=OMEGAT_TARGET),
                                                encoding="utf-8")
        (staging / "source" / f"{name}.xlf").write_bytes(_source_xliff(doc, glossary))
        (staging / "tm" / "auto" / f"{name}.tmx").write_bytes(_auto_tmx(doc))
        if glossary is not None:
            from bilingual.interchange.tbx import export_tbx

            export_tbx(glossary, staging / "glossary" / "names.tbx")
        staging.rename(folder)
    except OSError as e:
        raise BilingualError(f"cannot write {folder}: {e.strerror or e}") from None
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return folder
