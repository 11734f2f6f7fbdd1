"""How many CPU threads the engine gets: --threads 0 means every core this process may use.

Light on purpose (the CLI checks --threads before anything heavy is imported).
"""

from __future__ import annotations

import os

from bilingual.errors import UsageError


def usable_cores() -> int:
    """CPU cores this process may run on (its affinity mask; a container's cpuset), at least 1."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):  # not Linux
        return max(1, os.cpu_count() or 1)


def engine_threads(threads: int) -> int:
    """CTranslate2 threads for --threads: 0 means every usable core; more than those is refused.

    CTranslate2's own 0 means 4 whatever the machine, and a huge count crashes it.
    """
    cores = usable_cores()
    if not 0 <= threads <= cores:
        raise UsageError(f"--threads {threads}: this process may use {cores} CPU core(s); "
                             f"give 1 to {cores}, or 0 for all of them")
    return threads or cores
