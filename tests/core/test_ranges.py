"""The offset indexes of ``dragoman.ranges`` give the answers of a plain scan, on random ranges."""

from __future__ import annotations

from hypothesis import given, settings, strategies as st

from dragoman.ranges import Covered, Ranges, spans

_RANGE = st.tuples(st.integers(0, 40), st.integers(0, 12)).map(lambda p: (p[0], p[0] + p[1]))
_RANGES = st.lists(_RANGE, max_size=25)


@settings(max_examples=300, deadline=None)
@given(_RANGES, st.lists(_RANGE, max_size=15))
def test_ranges_answer_as_a_scan(items: list[tuple[int, int]], questions: list[tuple[int, int]]) -> None:
    index = spans(items)
    for lo, hi in questions:
        assert index.starting(lo, hi) == [x for x in items if lo <= x[0] < hi]
        assert index.overlapping(lo, hi) == [x for x in items if x[0] < hi and lo < x[1]]
        assert index.overlaps(lo, hi) == any(x[0] < hi and lo < x[1] for x in items)
        assert index.overlaps(lo, lo) == any(x[0] < lo < x[1] for x in items)
        assert index.holds(lo) == any(x[0] <= lo < x[1] for x in items)
        assert index.covers(lo, hi) == any(x[0] <= lo and hi <= x[1] for x in items)
        assert index.inside(lo, hi) == any(lo <= x[0] and x[1] <= hi for x in items)


@settings(max_examples=300, deadline=None)
@given(_RANGES, st.lists(_RANGE, max_size=15))
def test_covered_answers_as_a_scan_while_ranges_are_added(items: list[tuple[int, int]], questions: list[tuple[int, int]]) -> None:
    covered = Covered(60)
    added: list[tuple[int, int]] = []
    for item in items:
        covered.add(*item)
        added.append(item)
        for lo, hi in questions:
            assert covered.at(lo) == any(s <= lo < e for s, e in added)
            if hi > lo:
                assert covered.overlaps(lo, hi) == any(s < hi and lo < e for s, e in added)


def test_ranges_keep_the_items_order() -> None:
    words = ["b", "a", "c"]
    index = Ranges(words, lambda w: {"a": (0, 1), "b": (5, 6), "c": (0, 1)}[w])
    assert index.starting(0, 10) == ["b", "a", "c"]
    assert index.overlapping(0, 1) == ["a", "c"]
