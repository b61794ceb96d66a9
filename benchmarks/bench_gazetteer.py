"""Load time and memory of the offline gazetteer.

Run: ``PYTHONPATH=src python benchmarks/bench_gazetteer.py [min_population]``.
Prints the import time of ``dragoman.places.gazetteer`` (which, through the
``dragoman`` package, may import much more), then the wall time of
``load_gazetteer`` alone, the resident-set growth it caused, the peak RSS of
the process, the number of index keys and the mean lookup time.
"""

from __future__ import annotations

import resource
import sys
import time


def _rss_mib() -> float:
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return float("nan")


def main(argv: list[str]) -> None:
    min_population = int(argv[1]) if len(argv) > 1 else 5000
    import_started = time.perf_counter()
    from dragoman.places.gazetteer import load_gazetteer

    print(f"import_s={time.perf_counter() - import_started:.2f}")
    before = _rss_mib()
    started = time.perf_counter()
    gazetteer = load_gazetteer(min_population)
    elapsed = time.perf_counter() - started
    after = _rss_mib()
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    names = ["Tehran", "northern Syria", "Narnia", "Kiev", "Black Sea"] * 20000
    lookup_started = time.perf_counter()
    for name in names:
        gazetteer.lookup(name)
    per_lookup = (time.perf_counter() - lookup_started) / len(names)
    print(f"min_population={min_population}")
    print(f"load_s={elapsed:.2f}")
    print(f"rss_increase_mib={after - before:.0f}")
    print(f"peak_rss_mib={peak:.0f}")
    print(f"keys={len(gazetteer)}")
    print(f"lookup_us={per_lookup * 1e6:.2f}")


if __name__ == "__main__":
    main(sys.argv)
