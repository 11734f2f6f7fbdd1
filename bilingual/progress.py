"""Build progress for people: a live `done/total, rate, ETA` line on a terminal, silence elsewhere."""

from __future__ import annotations

import sys
import time


class Reporter:
    """Build progress on stderr: a live `done/total, rate, ETA` line on a terminal, nothing elsewhere.

    Called as progress(done, total, label); `note(line)` takes the per-article
    lines, shown only with --verbose (on a terminal or not, since asked for).
    --quiet shows neither. The rate is measured from the first report, so
    memory hits at the start do not inflate it.
    """

    REDRAW = 0.2  # seconds between redraws of the live line

    def __init__(self, *, quiet: bool = False, verbose: bool = False, stream=None, clock=None) -> None:
        self.stream = stream or sys.stderr
        self.clock = clock or time.monotonic
        isatty = getattr(self.stream, "isatty", None)
        self.live = not quiet and bool(isatty and isatty())
        self.verbose = verbose and not quiet
        self.start: tuple[float, int] | None = None
        self.drawn = 0.0
        self.open_line = ""  # the live line on screen, not yet ended by a newline

    def __call__(self, done: int, total: int, label: str) -> None:
        if not self.live or total <= 0:
            return
        now = self.clock()
        if self.start is None:
            self.start = (now, done)
        elif done < total and now - self.drawn < self.REDRAW:
            return
        self.drawn = now
        line = f"{label}: {done}/{total} segments ({100 * done // total}%)"
        elapsed, moved = now - self.start[0], done - self.start[1]
        if elapsed > 0 and moved > 0:
            rate = moved / elapsed
            line += f", {rate:.1f}/s" + (f", ETA {_clock(int((total - done) / rate + 0.5))}" if done < total
                                        else f", {_clock(int(elapsed + 0.5))}")
        self._draw(line, final=done >= total)

    def note(self, line: str) -> None:
        if not self.verbose:
            return
        pending = self.open_line
        self._clear()
        self.stream.write(line + "\n")
        if pending:
            self._draw(pending, final=False)
        self.stream.flush()

    def _draw(self, line: str, *, final: bool) -> None:
        pad = " " * max(0, len(self.open_line) - len(line))
        self.stream.write(f"\r{line}{pad}" + ("\n" if final else ""))
        self.stream.flush()
        self.open_line = "" if final else line

    def _clear(self) -> None:
        if self.open_line:
            self.stream.write("\r" + " " * len(self.open_line) + "\r")
            self.open_line = ""


def _clock(seconds: int) -> str:
    """h:mm:ss or m:ss."""
    h, rest = divmod(seconds, 3600)
    return f"{h}:{rest // 60:02d}:{rest % 60:02d}" if h else f"{rest // 60}:{rest % 60:02d}"
