"""What the benchmarks share (not a benchmark itself): timing warm runs, and each one's section of
benchmarks/results.md between its own markers."""

from __future__ import annotations

import statistics
import time
from pathlib import Path
from typing import Callable


def time_runs(run: Callable[[], object], runs: int) -> tuple[float, float, float]:
    """(p50, p95, max) in milliseconds over ``runs`` warm runs (one more run first, untimed)."""
    run()
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        run()
        times.append((time.perf_counter() - t0) * 1000)
    times.sort()
    p95 = times[min(len(times) - 1, round(0.95 * (len(times) - 1)))]
    return statistics.median(times), p95, times[-1]


def markers(script: str) -> tuple[str, str]:
    """The begin and end markers of ``script``'s section."""
    return f"<!-- {script}: begin -->", f"<!-- {script}: end -->"


def put_section(out: Path, script: str, text: str) -> None:
    """``text`` between ``script``'s markers in ``out``: in place of an earlier run's section, else at the end."""
    begin, end = markers(script)
    old = out.read_text(encoding="utf-8") if out.is_file() else ""
    section = f"{begin}\n{text}{end}\n"
    if begin in old and end in old:
        new = old[: old.index(begin)] + section + old[old.index(end) + len(end) :].lstrip("\n")
    else:
        new = (old.rstrip("\n") + "\n\n" if old else "") + section
    out.write_text(new, encoding="utf-8")
