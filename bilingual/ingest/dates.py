"""Dates as sources write them -> ISO 8601, or "" when unreadable (a bad date is not fatal)."""

from __future__ import annotations

import re
from datetime import datetime, timezone

_YMD = re.compile(r"(\d{4})\s*[./\-年]\s*(\d{1,2})\s*[./\-月]\s*(\d{1,2})")
_TIME = re.compile(r"[T ](\d{1,2}):(\d{2})(?::(\d{2}))?\s*(Z|[+-]\d{2}:?\d{2})?")


def from_epoch_ms(ms: int | str) -> str:
    """Milliseconds since 1970 (CDT archive stamp) -> UTC date-time."""
    return datetime.fromtimestamp(int(ms) / 1000, tz=timezone.utc).isoformat(timespec="seconds")


def from_wayback(url: str) -> str:
    """The capture time a Wayback Machine address holds (web.archive.org/web/20210629124519/…) as a UTC
    date-time, or ""."""
    m = re.match(r"https?://web\.archive\.org/web/(\d{14})", url)
    if not m:
        return ""
    try:
        return datetime.strptime(m.group(1), "%Y%m%d%H%M%S").replace(tzinfo=timezone.utc).isoformat(timespec="seconds")
    except ValueError:
        return ""


def from_rfc822(text: str) -> str:
    """'Fri, 19 Jun 2020 09:51:53 +0000' -> '2020-06-19T09:51:53+00:00'."""
    from email.utils import parsedate_to_datetime  # here: email.utils brings socket (8 ms) to every start

    try:
        return parsedate_to_datetime(text.strip()).isoformat(timespec="seconds")
    except (TypeError, ValueError, IndexError):
        return ""


def to_iso(value: object) -> str:
    """Any common written date (2024.6.20, 2018-02-06 15:00 +0800, RFC 822, datetime) -> ISO."""
    if isinstance(value, datetime):
        return value.isoformat(timespec="seconds")
    if hasattr(value, "isoformat"):  # datetime.date from YAML
        return value.isoformat()
    text = str(value or "").strip()
    if not text:
        return ""
    m = _YMD.search(text)
    if not m:
        return from_rfc822(text)
    try:
        day = datetime(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        return ""
    t = _TIME.match(text, m.end())
    if not t:
        return day.date().isoformat()
    hh, mm, ss = int(t.group(1)), int(t.group(2)), int(t.group(3) or 0)
    if hh > 23 or mm > 59 or ss > 59:
        return day.date().isoformat()
    iso = day.replace(hour=hh, minute=mm, second=ss).isoformat(timespec="seconds")
    zone = t.group(4)
    if zone == "Z":
        return iso + "+00:00"
    if zone:
        digits = zone.replace(":", "")
        return f"{iso}{digits[:3]}:{digits[3:]}"
    return iso
