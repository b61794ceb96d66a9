"""Offset ranges asked about many times: what covers an offset, what starts inside a range.

The stages skip what the clean stage removed and what an earlier rule already took, and look at
the mentions of one sentence at a time. Asking ``any(s <= at < e for s, e in ranges)`` for every
token, or filtering every mention for every sentence, costs tokens × ranges: on a hostile text
(thousands of removed runs, mentions or sentences) that is quadratic. :class:`Covered` marks the
covered offsets in a byte mask instead: marking a range and asking about one cost its length.
:class:`Ranges` sorts fixed items by their start once and answers "which start inside [a, b)",
"which overlap it", "does any hold this offset" by bisection. Offsets are character offsets into ``Article.text`` or token indices of a Doc,
whichever the caller uses.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from itertools import accumulate
from typing import Callable, Generic, Iterable, Sequence, TypeVar

T = TypeVar("T")

_ON = b"\x01"


class Covered:
    """A mask of the offsets ``[0, size)`` that some added range ``[start, end)`` covers.

    Same answers as scanning the ranges: :meth:`at` is ``any(s <= at < e)`` and :meth:`overlaps`
    is ``any(s < end and start < e)`` over every range added, empty ranges included (an empty
    range ``[p, p)`` overlaps a range strictly around ``p``, as the scan says). Offsets outside
    ``[0, size)`` are clipped.
    """

    __slots__ = ("_mask", "_points")

    def __init__(self, size: int, ranges: Iterable[tuple[int, int]] = ()) -> None:
        self._mask = bytearray(max(size, 0))
        self._points: list[int] = []  # the offsets of empty ranges, sorted
        for start, end in ranges:
            self.add(start, end)

    def add(self, start: int, end: int) -> None:
        """Mark ``[start, end)``."""
        if end > start:
            start, end = max(start, 0), min(end, len(self._mask))
            if end > start:
                self._mask[start:end] = _ON * (end - start)
        elif end == start:
            k = bisect_left(self._points, start)
            if k == len(self._points) or self._points[k] != start:
                self._points.insert(k, start)

    def at(self, offset: int) -> bool:
        """Whether an added range holds ``offset``."""
        return 0 <= offset < len(self._mask) and self._mask[offset] == 1

    def overlaps(self, start: int, end: int) -> bool:
        """Whether an added range shares an offset with ``[start, end)`` (non-empty), or an empty one lies strictly inside it."""
        if end <= start:
            return False
        if self._mask.find(_ON, max(start, 0), max(min(end, len(self._mask)), 0)) >= 0:
            return True
        return bisect_left(self._points, end) > bisect_right(self._points, start)


class Ranges(Generic[T]):
    """A fixed list of items, each with a range ``[start, end)`` of offsets, asked by offset.

    Same answers as scanning the items: :meth:`starting` is ``[x for x in items if lo <= start(x) < hi]``,
    :meth:`overlapping` ``[x for x in items if start(x) < hi and lo < end(x)]`` (both in the items'
    own order), :meth:`holds` ``any(start(x) <= at < end(x))``, :meth:`overlaps` ``any(start(x) < hi
    and lo < end(x))``, :meth:`covers` ``any(start(x) <= lo and hi <= end(x))`` and :meth:`inside`
    ``any(lo <= start(x) and end(x) <= hi)``, empty ranges and empty questions included. The items are sorted by start once,
    with the furthest end reached so far; a question costs a bisection plus the items it walks past,
    which are the answer and the ranges nested in a range of the answer.
    """

    __slots__ = ("_items", "_order", "_starts", "_ends", "_reach", "_nearest")

    def __init__(self, items: Sequence[T], bounds: Callable[[T], tuple[int, int]]) -> None:
        self._items = items
        spans = [bounds(x) for x in items]
        self._order = sorted(range(len(items)), key=lambda k: spans[k][0])  # stable: ties keep the items' order
        self._starts = [spans[k][0] for k in self._order]
        self._ends = [spans[k][1] for k in self._order]
        self._reach = list(accumulate(self._ends, max))  # the furthest end among the first k+1
        self._nearest = list(accumulate(reversed(self._ends), min))[::-1]  # the nearest end among the k-th and later

    def __len__(self) -> int:
        return len(self._items)

    def _in_order(self, picked: list[int]) -> list[T]:
        return [self._items[k] for k in (picked if _ascending(picked) else sorted(picked))]

    def starting(self, lo: int, hi: int) -> list[T]:
        """The items starting at or after ``lo`` and before ``hi``."""
        first, stop = bisect_left(self._starts, lo), bisect_left(self._starts, hi)
        return self._in_order(self._order[first:stop]) if first < stop else []

    def _overlapping(self, lo: int, hi: int) -> list[int]:
        picked = []
        k = bisect_left(self._starts, hi) - 1  # the last item starting before hi
        while k >= 0 and self._reach[k] > lo:
            if self._ends[k] > lo:
                picked.append(self._order[k])
            k -= 1
        return picked[::-1]

    def overlapping(self, lo: int, hi: int) -> list[T]:
        """The items with ``start < hi`` and ``lo < end``."""
        return self._in_order(self._overlapping(lo, hi))

    def overlaps(self, lo: int, hi: int) -> bool:
        """Whether an item has ``start < hi`` and ``lo < end``."""
        k = bisect_left(self._starts, hi)
        return k > 0 and self._reach[k - 1] > lo

    def holds(self, at: int) -> bool:
        """Whether an item has ``start <= at < end``."""
        k = bisect_right(self._starts, at)
        return k > 0 and self._reach[k - 1] > at

    def covers(self, lo: int, hi: int) -> bool:
        """Whether an item has ``start <= lo`` and ``hi <= end``."""
        k = bisect_right(self._starts, lo)
        return k > 0 and self._reach[k - 1] >= hi

    def inside(self, lo: int, hi: int) -> bool:
        """Whether an item has ``lo <= start`` and ``end <= hi``."""
        k = bisect_left(self._starts, lo)
        return k < len(self._nearest) and self._nearest[k] <= hi


def spans(ranges: Iterable[tuple[int, int]]) -> Ranges[tuple[int, int]]:
    """:class:`Ranges` over plain ``(start, end)`` pairs."""
    return Ranges(list(ranges), _itself)


def _itself(pair: tuple[int, int]) -> tuple[int, int]:
    return pair


def _ascending(values: Sequence[int]) -> bool:
    return all(a < b for a, b in zip(values, values[1:]))
