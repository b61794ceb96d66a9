"""``python -m dragoman.store.report DB``: a short summary of a store, for ``make run``."""

from __future__ import annotations

import sys
from pathlib import Path

from rich.console import Console
from rich.table import Table

from dragoman.store import connect, summarize


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 1:
        print("usage: python -m dragoman.store.report DB", file=sys.stderr)
        return 2
    db = Path(args[0])
    conn = connect(db)
    try:
        s = summarize(conn)
    finally:
        conn.close()
    console = Console()
    console.print(f"[bold]{db}[/]: {s.articles} articles, {s.merged_events} events ({s.events} mentions), {s.quotes} quotes, "
                  f"{s.mentions} actor mentions, {s.rejections} rejections")
    table = Table("source", "target", "events", "mean Goldstein", title="most frequent country dyads", title_justify="left")
    for d in s.top_dyads:
        table.add_row(d.source, d.target, str(d.events), f"{d.goldstein:+.2f}")
    console.print(table)
    dragoman = _dragoman_command()
    console.print(f"Query it with: {dragoman} query events --db {db} --format table   (or: {dragoman} query timeline TUR RUS --db {db})")
    console.print(f"[bold]Open the web UI:[/] {dragoman} serve --db {db}   then browse http://127.0.0.1:8000/ (Ctrl-C stops it)")
    return 0


def _dragoman_command() -> str:
    """How to call dragoman from here: the script beside this Python, relative when possible."""
    script = Path(sys.executable).parent / "dragoman"
    if not script.exists():
        return "dragoman"
    try:
        return str(script.relative_to(Path.cwd()))
    except ValueError:
        return str(script)


if __name__ == "__main__":
    sys.exit(main())
