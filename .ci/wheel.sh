#!/usr/bin/env bash
# CI: a plain (non-editable) install, as a user gets it: build the wheel, install it into a fresh
# venv, then build the seed edition from a folder outside the checkout with the shipped glossary.
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
python -m pip wheel -q --no-deps -w "$work/dist" "$repo"
python -m venv "$work/venv"
"$work/venv/bin/pip" install -q "$work"/dist/bilingual-*.whl
cd "$work"
"$work/venv/bin/bilingual" build "$repo/seeds/" -o "$work/out" --no-translate -q
test -s "$work/out/000_e53f636a1fba136f.html" && test -s "$work/out/000_e53f636a1fba136f.json"
"$work/venv/bin/bilingual" glossary check -q
# The default install carries no torch (it comes only with the optional argos extra).
if "$work/venv/bin/pip" list 2>/dev/null | grep -i torch; then echo "wheel.sh: torch in a default install" >&2; exit 1; fi
echo "wheel.sh: the installed wheel built the seed outside the checkout; venv $(du -sh "$work/venv" | cut -f1)"
