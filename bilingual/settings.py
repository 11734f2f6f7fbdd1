"""Where things live, from the environment, read at call time: one place for every path setting.

| variable | default | what |
|---|---|---|
| BILINGUAL_GLOSSARY_DIR | the shipped glossary | the termbase folder a build starts from |
| BILINGUAL_MEMORY | $XDG_CACHE_HOME/bilingual/memory.sqlite | the translation memory |
| BILINGUAL_WORDCUT_CACHE | $XDG_CACHE_HOME/bilingual | the grouped jieba dictionary |
| ARGOS_PACKAGES_DIR | as argostranslate resolves it | installed translation models |

The model index (ARGOS_PACKAGE_INDEX) is read where models are downloaded: translate/packages.py.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

ENV_GLOSSARY = "BILINGUAL_GLOSSARY_DIR"
ENV_MEMORY = "BILINGUAL_MEMORY"
ENV_WORDCUT = "BILINGUAL_WORDCUT_CACHE"
ENV_PACKAGES = "ARGOS_PACKAGES_DIR"


def _env_path(name: str) -> Path | None:
    value = os.environ.get(name)
    return Path(value).expanduser() if value else None


def cache_home() -> Path:
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")


def glossary_dir() -> Path:
    """The shipped glossary folder, or $BILINGUAL_GLOSSARY_DIR.

    An installed wheel carries a copy at bilingual/data/glossary (bilingual/_build.py);
    a checkout or an editable install reads the human-edited top-level glossary/ itself.
    """
    env = _env_path(ENV_GLOSSARY)
    if env:
        return env
    package = Path(__file__).resolve().parent
    installed = package / "data" / "glossary"
    return installed if installed.is_dir() else package.parent / "glossary"


def memory_path() -> Path:
    """Where the memory lives unless --memory says otherwise."""
    return _env_path(ENV_MEMORY) or cache_home() / "bilingual" / "memory.sqlite"


def wordcut_dir() -> Path:
    """Where the grouped word-cut dictionary is kept."""
    return _env_path(ENV_WORDCUT) or cache_home() / "bilingual"


def packages_dir() -> Path:
    """The model package folder, resolved the way argostranslate resolves it, at call time.

    $ARGOS_PACKAGES_DIR, else ARGOS_PACKAGES_DIR in argos-translate's
    settings.json, else $XDG_DATA_HOME (or ~/.local/share)/argos-translate/packages.
    """
    env = _env_path(ENV_PACKAGES)
    if env:
        return env
    config = Path(os.environ.get("XDG_CONFIG_HOME") or Path.home() / ".config")
    settings = config / "argos-translate" / "settings.json"
    try:
        value = json.loads(settings.read_text(encoding="utf-8")).get("ARGOS_PACKAGES_DIR")
    except (OSError, ValueError, AttributeError):
        value = None
    if isinstance(value, str) and value:
        return Path(value).expanduser()
    data = Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")
    return data / "argos-translate" / "packages"
