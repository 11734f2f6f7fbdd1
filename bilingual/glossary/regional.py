"""How a name is written in each region's Traditional Chinese, and every spelling it may appear in.

The glossary row's explicit form wins (普京 -> 普丁 in Taiwan); without one the
generic zh-Hant form, then OpenCC's conversion for the region.
"""

from __future__ import annotations

from bilingual.glossary.namecache import convert_name, write_name
from bilingual.glossary.terms import Term
from bilingual.hant import writer
from bilingual.variants import name_configs, region_config, variants


def hant_form(term: Term, region: str) -> str:
    """The name in one region's Traditional: explicit form, else generic, else OpenCC."""
    form = term.hant.get(region) or term.hant.get("zh-Hant")
    return form or writer(region_config(region)).convert(term.hans)


def surface_map(term: Term) -> dict[str, str]:
    """Surface -> the Simplified spelling it stands for (the term's own form or an alias).

    Every way the name may be written: Simplified, aliases, each region's Traditional
    (explicit forms and what every OpenCC config in use makes of it).
    """
    out: dict[str, str] = {}
    for simplified in [term.hans, *term.aliases]:
        for config in name_configs():
            out.setdefault(convert_name(config, simplified), simplified)
        for variant in variants():  # and as our own rules write it (台州, not 臺州)
            out.setdefault(write_name(variant, simplified), simplified)
    out.update({form: term.hans for form in term.hant.values()})
    out.update({s: s for s in term.aliases})
    out[term.hans] = term.hans
    return {s: h for s, h in out.items() if s}
