"""Time to load the actor knowledge base and build its phrase matcher (bar: <= 1 s)."""

from __future__ import annotations

import resource
import statistics
import time

import spacy

from dragoman.actors import load_actor_resources


def main() -> None:
    nlp = spacy.blank("en")
    runs = []
    for _ in range(5):
        start = time.perf_counter()
        resources = load_actor_resources(nlp)
        runs.append(time.perf_counter() - start)
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"actor KB load: median {statistics.median(runs):.3f} s, best {min(runs):.3f} s over {len(runs)} runs; "
          f"{len(resources.index.meanings)} phrases, {len(resources.kb.people)} people; peak RSS {rss:.0f} MB")


if __name__ == "__main__":
    main()
