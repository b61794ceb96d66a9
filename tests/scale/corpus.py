"""A generated news corpus: templated articles about known actors, written as shards."""

from __future__ import annotations

import gzip
import json
import random
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

_ACTORS = [
    "Recep Tayyip Erdogan", "Vladimir Putin", "Ebrahim Raisi", "Joe Biden", "Olaf Scholz", "Emmanuel Macron",
    "the Turkish president", "the Russian foreign ministry", "Iran", "Ukraine", "Germany", "France", "China", "NATO",
]
_CITIES = ["Tehran", "Moscow", "Ankara", "Kyiv", "Berlin", "Paris", "Beijing", "Washington"]
_SENTENCES = [
    "{a} met {b} in {city} on Tuesday.",
    "{a} accused {b} of violating the ceasefire.",
    "{a} praised {b} for its help with the grain deal.",
    "{a} threatened to impose sanctions on {b}.",
    "{a} called on {b} to withdraw its troops.",
    "{a} signed an agreement with {b} in {city}.",
    '"We will not accept this," {a} said.',
    "{a} said that {b} had refused to negotiate.",
    "{a} sent humanitarian aid to {b}.",
    "Protesters marched in {city} against {a}.",
]


def article(rng: random.Random, n: int) -> dict[str, object]:
    sentences = []
    for _ in range(rng.randint(5, 9)):
        a, b = rng.sample(_ACTORS, 2)
        sentences.append(rng.choice(_SENTENCES).format(a=a, b=b, city=rng.choice(_CITIES)))
    day = 1 + n % 28
    return {"id": f"gen-{n:04d}", "title": f"Report {n}", "date": f"2022-07-{day:02d}", "text": " ".join(sentences), "outlet": f"outlet-{n % 5}"}


def write_corpus(folder: Path, articles: int = 200, shards: int = 4, seed: int = 8) -> list[Path]:
    """``articles`` articles in ``shards`` shards, cycling through JSONL, JSONL.gz and Parquet."""
    rng = random.Random(seed)
    records = [article(rng, n) for n in range(articles)]
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for k in range(shards):
        part = records[k::shards]
        kind = ("jsonl", "jsonl.gz", "parquet")[k % 3]
        path = folder / f"part-{k:03d}.{kind}"
        lines = "".join(json.dumps(r) + "\n" for r in part)
        if kind == "jsonl":
            path.write_text(lines, encoding="utf-8")
        elif kind == "jsonl.gz":
            path.write_bytes(gzip.compress(lines.encode("utf-8")))
        else:
            pq.write_table(pa.Table.from_pylist(part), path)
        paths.append(path)
    return paths
