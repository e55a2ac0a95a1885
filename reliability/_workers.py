"""How many worker processes "all cores" means, for the batch command and ``score_frame``."""

from __future__ import annotations

import os


def cpu_count() -> int:
    """The cores this process may use (CPU affinity where the platform has it), at least 1."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not every platform has CPU affinity
        return max(1, os.cpu_count() or 1)
