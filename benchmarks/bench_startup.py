"""Benchmark (not a test): the start-up of ``dragoman code`` on one tiny article against ``dragoman --version`` (issue 20).

    .venv/bin/python benchmarks/bench_startup.py [--runs 5] [--out benchmarks/results.md]

Runs each command ``--runs`` times in a fresh process (``python -c "from dragoman.cli import entry; ..."``, what the
``dragoman`` script runs, so that ``PYTHONPATH=src`` measures a source tree) and takes the wall time of the whole
process: ``dragoman --version``; ``dragoman code`` on a one-sentence article with a cold cache (an empty
``$XDG_CACHE_HOME``: everything is built and written), with a warm one (everything read back) and with the cache
off (``[cache] enabled = false``: everything built, nothing written). The commands take turns, so that a machine
busy with something else slows each alike; every run of ``code`` must print the same JSON. The bar: warm ``code``
within 1.6 times ``--version`` (medians). Prints a Markdown section and puts it into ``--out`` between
its markers (``results_section.py``) (replacing the section of an earlier run, else at the end: ``make bench`` runs this
after ``bench_scale.py`` rewrites the file).
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from results_section import put_section  # benchmarks/, the script's own folder

ROOT = Path(__file__).resolve().parents[1]
BAR = 1.6
ARTICLE = "Turkish President Recep Tayyip Erdogan met Russian President Vladimir Putin in Ankara on Monday.\n"
_DRAGOMAN = "import sys; from dragoman.cli import entry; sys.argv[0] = 'dragoman'; sys.exit(entry())"


def _run(args: list[str], env: dict[str, str]) -> tuple[float, str]:
    """Wall seconds of one ``dragoman`` process, and what it printed."""
    started = time.perf_counter()
    done = subprocess.run([sys.executable, "-c", _DRAGOMAN, *args], env=env, capture_output=True, text=True, check=False)
    wall = time.perf_counter() - started
    if done.returncode != 0:
        raise SystemExit(f"dragoman {' '.join(args)} failed ({done.returncode}):\n{done.stderr}")
    return wall, done.stdout


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--out", type=Path, default=ROOT / "benchmarks" / "results.md")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-startup-") as tmp:
        folder = Path(tmp)
        article = folder / "article.txt"
        article.write_text(ARTICLE, encoding="utf-8")
        off = folder / "off.toml"
        off.write_text("[cache]\nenabled = false\n", encoding="utf-8")
        xdg = folder / "xdg"
        env = {**os.environ, "XDG_CACHE_HOME": str(xdg)}
        code = ["code", "--date", "2024-03-04", str(article)]
        modes = {
            "--version": ["--version"],
            "code, cold cache": code,
            "code, warm cache": code,
            "code, cache off": [*code, "--settings", str(off)],
        }
        walls: dict[str, list[float]] = {mode: [] for mode in modes}
        outputs: set[str] = set()
        load = os.getloadavg()[0]
        for _ in range(args.runs):
            for mode, argv in modes.items():
                if mode == "code, cold cache":
                    shutil.rmtree(xdg, ignore_errors=True)
                wall, printed = _run(argv, env)
                walls[mode].append(wall)
                if mode != "--version":
                    outputs.add(printed)
        entries = sorted(p.name.split("-")[0] for p in (xdg / "dragoman").glob("*.marshal"))
    if len(outputs) != 1:
        raise SystemExit(f"dragoman code printed {len(outputs)} different outputs across the cache modes; they must be identical")
    median = {mode: statistics.median(w) for mode, w in walls.items()}
    ratio = median["code, warm cache"] / median["--version"]
    lines = [
        "## Start-up: `dragoman code` on one tiny article (#20)", "",
        f"Python {platform.python_version()} on {platform.machine()}, {os.cpu_count()} CPUs (load average {load:.1f} at the start: "
        "the machine may be shared); each command run {runs} times in a fresh process, taking turns. Wall seconds of the whole process; "
        "the article is one sentence.".format(runs=args.runs), "",
        "| command | median s | min s | max s |", "|---|---:|---:|---:|",
    ]
    for mode, w in walls.items():
        shown = "dragoman --version" if mode == "--version" else f"dragoman {mode}"
        lines.append(f"| {shown} | {median[mode]:.2f} | {min(w):.2f} | {max(w):.2f} |")
    lines += [
        "", f"Cached entries: {', '.join(entries)}. Every run of `code` printed the same JSON.", "",
        f"Warm `code` / `--version`: {ratio:.2f}× (bar: {BAR}×, {'met' if ratio <= BAR else 'NOT met'}); "
        f"warm `code` − `--version`: {median['code, warm cache'] - median['--version']:.2f} s.",
    ]
    text = "\n".join(lines) + "\n"
    print(text)
    put_section(args.out, "bench_startup.py", text)


if __name__ == "__main__":
    main()
