"""Where the external checkers live: DAISY Ace (npm @daisy/ace, run on Debian's chromium) and the W3C Nu
validator (npm vnu-jar, needs Java). .ci/run installs both into $BILINGUAL_TOOLS (default
~/.cache/bilingual-tools), outside the checkout; tests that need them skip, saying why, when absent."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

TOOLS = Path(os.environ.get("BILINGUAL_TOOLS") or Path.home() / ".cache" / "bilingual-tools")
ACE = TOOLS / "node_modules" / ".bin" / "ace-puppeteer"  # the CLI on puppeteer (`ace` needs Electron)
VNU = TOOLS / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
CHROMIUM = os.environ.get("PUPPETEER_EXECUTABLE_PATH") or shutil.which("chromium") or "/usr/bin/chromium"
INSTALL = f"npm install --prefix {TOOLS} --ignore-scripts @daisy/ace vnu-jar (as .ci/run does)"

needs_ace = pytest.mark.skipif(
    not ACE.exists() or not Path(CHROMIUM).exists() or shutil.which("node") is None,
    reason=f"DAISY Ace not found at {ACE} (or no node / chromium at {CHROMIUM}): {INSTALL}")
needs_vnu = pytest.mark.skipif(not VNU.exists() or shutil.which("java") is None,
                               reason=f"the Nu validator (vnu.jar) or Java is missing: {INSTALL}")
