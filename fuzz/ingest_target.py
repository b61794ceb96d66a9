"""atheris harness over ingest: any bytes, read as any format, never raise (`make fuzz`).

Run: ``python fuzz/ingest_target.py -max_total_time=300``. The first byte picks the format.
A finding is any exception: ingest must answer every input with Articles or Rejections.
"""

from __future__ import annotations

import sys

import atheris

with atheris.instrument_imports(include=["dragoman.ingest"]):
    from dragoman.ingest import check_article, parse_bytes
    from dragoman.records import Article, Rejection
    from dragoman.settings import IngestSettings

KINDS = (None, "text", "html", "json", "jsonl")
SETTINGS = IngestSettings(max_bytes=200_000)


def test_one_input(data: bytes) -> None:
    if not data:
        return
    kind = KINDS[data[0] % len(KINDS)]
    for item in parse_bytes(data[1:], "fuzz", kind):
        checked = check_article(item, SETTINGS)
        assert isinstance(checked, (Article, Rejection))


if __name__ == "__main__":
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()
