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
    console.print(f"[bold]{db}[/]: {s.articles} articles, {s.events} events, {s.quotes} quotes, {s.mentions} actor mentions, {s.rejections} rejections")
    table = Table("source", "target", "events", "mean Goldstein", title="most frequent country dyads", title_justify="left")
    for a, b, n, g in s.top_dyads:
        table.add_row(a, b, str(n), f"{g:+.2f}")
    console.print(table)
    console.print(f"Query it with: sqlite3 {db} \"SELECT source_country, target_country, cameo, date, evidence_text FROM events LIMIT 20\"")
    return 0


if __name__ == "__main__":
    sys.exit(main())
