"""Hostile inputs end to end: 2 MB that is one token, or one word repeated (``make bench``).

Each input is written to a file and coded by ``dragoman code FILE`` in a child process, as a user
would run it; a small wrapper process runs that child and reports its wall time and peak RSS
(``resource.getrusage(RUSAGE_CHILDREN).ru_maxrss``, so each case is measured alone). A tiny
article is coded first: its time is the start-up (loading the model, knowledge base and
gazetteer), which the coding time of each case leaves out. The bar (issue 17): a 2 MB single-token
input is rejected or coded within 10 s and 1 GB. Writes the section "Hostile inputs" of
``benchmarks/results.md`` (replacing an earlier one).

Usage: python benchmarks/bench_hostile.py [--size BYTES] [--timeout S] [--out FILE] [--no-record]
"""

from __future__ import annotations

import argparse
import json
import platform
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

ROOT = Path(__file__).resolve().parent.parent
SECTION = "# Hostile inputs"
BAR_SECONDS = 10.0
BAR_MB = 1024.0

# Runs one command and prints its wall time, peak RSS (its own children only) and what the JSONL line
# says (rejected and why, or the reasons of the removed spans), as JSON.
_WRAPPER = r"""
import json, resource, subprocess, sys, time
start = time.perf_counter()
try:
    done = subprocess.run(sys.argv[2:], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, timeout=float(sys.argv[1]))
    code, out = done.returncode, done.stdout.decode("utf-8", "replace").strip()
except subprocess.TimeoutExpired:
    code, out = "timeout", ""
wall = time.perf_counter() - start
coded = json.loads(out.splitlines()[-1]) if out else {}
print(json.dumps({"wall": wall, "code": code, "rss_kb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss,
                  "rejected": coded.get("rejected"), "removed": sorted({r["reason"] for r in coded.get("removed", ())}),
                  "actors": len(coded.get("actors", ()))}))
"""


@dataclass(frozen=True)
class Case:
    name: str
    make: Callable[[int], str]
    bar: bool  # judged against the bar


CASES = (
    Case("2 MB single token of letters (A + b…)", lambda n: "A" + "b" * (n - 1), True),
    Case('2 MB single token of quotation marks (""…)', lambda n: '"' * n, True),
    Case("2 MB single token of brackets ((…)", lambda n: "(" * n, True),
    Case('2 MB of one word repeated ("Iran Iran …")', lambda n: "Iran " * (n // 5), False),
    Case("2 MB of runs of 20 apostrophes, spaced", lambda n: ("'" * 20 + " ") * (n // 21), False),
)


@dataclass(frozen=True)
class Measured:
    name: str
    wall: float
    coding: float
    peak_mb: float
    outcome: str
    bar: bool

    @property
    def met(self) -> bool:
        return self.coding <= BAR_SECONDS and self.peak_mb <= BAR_MB and not self.outcome.startswith(("failed", "timeout"))


def _dragoman() -> list[str]:
    script = Path(sys.executable).with_name("dragoman")
    return [str(script)] if script.exists() else [sys.executable, "-c", "from dragoman.cli import entry; entry()"]


def _run(path: Path, timeout: float) -> tuple[float, float, str]:
    """(wall seconds, peak RSS MB, outcome) of ``dragoman code path``."""
    done = subprocess.run([sys.executable, "-c", _WRAPPER, str(timeout), *_dragoman(), "code", str(path)],
                          capture_output=True, text=True, check=True)
    report = json.loads(done.stdout.strip().splitlines()[-1])
    return report["wall"], report["rss_kb"] / 1024, _outcome(report)


def _outcome(report: dict[str, object]) -> str:
    if report["code"] == "timeout":
        return "timeout"
    if report["code"] not in (0, 1):
        return f"failed (exit {report['code']})"
    rejected = report["rejected"]
    if isinstance(rejected, dict):
        return f"rejected by {rejected['stage']}: {rejected['reason']}"
    notes = report["removed"]
    return "coded" + (f"; removed: {', '.join(map(str, notes))}" if isinstance(notes, list) and notes else "")


def _table(rows: list[Measured], startup: tuple[float, float], size: int) -> str:
    lines = [
        SECTION, "",
        f"Measured {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())} by `benchmarks/bench_hostile.py`: each input ({size:,} bytes)",
        "coded by `dragoman code FILE` in a child process; peak RSS from `getrusage(RUSAGE_CHILDREN)`",
        f"of a wrapper process per case. Start-up (a one-line article): {startup[0]:.1f} s, {startup[1]:.0f} MB; the coding time is",
        f"the wall time less that start-up. Machine: {platform.processor() or platform.machine()}, Python {platform.python_version()}.",
        "",
        "| input | wall (s) | coding (s) | peak RSS (MB) | outcome | bar: ≤ 10 s, ≤ 1 GB |",
        "|---|---:|---:|---:|---|---|",
    ]
    for r in rows:
        verdict = ("pass" if r.met else "FAIL") if r.bar else ("within" if r.met else "beyond") + " (not under the bar)"
        lines.append(f"| {r.name} | {r.wall:.1f} | {r.coding:.1f} | {r.peak_mb:.0f} | {r.outcome} | {verdict} |")
    return "\n".join(lines) + "\n"


def _record(out: Path, table: str) -> None:
    text = out.read_text(encoding="utf-8") if out.exists() else ""
    at = text.find(SECTION)
    if at >= 0:
        nxt = text.find("\n# ", at + len(SECTION))
        text = text[:at] + (text[nxt + 1 :] if nxt >= 0 else "")
    out.write_text(text.rstrip("\n") + "\n\n" + table if text.strip() else table, encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--size", type=int, default=2_000_000, help="bytes of each input (default: 2 MB, ingest.max_bytes)")
    ap.add_argument("--timeout", type=float, default=600.0, help="seconds before a case is stopped")
    ap.add_argument("--out", type=Path, default=ROOT / "benchmarks" / "results.md")
    ap.add_argument("--no-record", action="store_true", help="print the table only")
    args = ap.parse_args(argv)
    rows: list[Measured] = []
    with tempfile.TemporaryDirectory() as tmp:
        tiny = Path(tmp) / "tiny.txt"
        tiny.write_text("Iran said on Monday it would talk to Iraq.\n", encoding="utf-8")
        startup_wall, startup_mb, _ = _run(tiny, args.timeout)
        print(f"start-up: {startup_wall:.1f} s, {startup_mb:.0f} MB", flush=True)
        for case in CASES:
            path = Path(tmp) / "input.txt"
            path.write_text(case.make(args.size), encoding="utf-8")
            wall, mb, outcome = _run(path, args.timeout)
            rows.append(Measured(case.name, wall, max(0.0, wall - startup_wall), mb, outcome, case.bar))
            print(f"{case.name}: {wall:.1f} s ({rows[-1].coding:.1f} s coding), {mb:.0f} MB, {outcome}", flush=True)
    table = _table(rows, (startup_wall, startup_mb), args.size)
    print(table)
    if not args.no_record:
        _record(args.out, table)
    return 0 if all(r.met for r in rows if r.bar) else 1


if __name__ == "__main__":
    sys.exit(main())
