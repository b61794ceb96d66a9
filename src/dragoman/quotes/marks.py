"""Pair quotation marks into quoted segments, one paragraph at a time.

Handles curly and straight double quotes (a straight one may close with two apostrophes), guillemets, single quotes nested inside
double ones (ignored at the top level) and top-level single quotes in paragraphs that
have no double quotes. A stray or unbalanced mark never reaches past its own paragraph,
and past its own sentence unless it opens a short paragraph (the news convention for a
quotation running over several paragraphs, where only the last one is closed).
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass
from typing import Iterable, Sequence

from dragoman.ranges import Ranges, spans

_DOUBLE_OPEN = frozenset("“«„")
_DOUBLE_CLOSE = frozenset("”»")
_STRAIGHT = '"'
_SINGLE_OPEN = frozenset("‘")
_SINGLE_CLOSE = frozenset("’")
_OPEN_CONTEXT = frozenset(" \t\n([{—–-:/")
_MAX_PARAGRAPH_SENTENCES = 4


@dataclass(frozen=True, slots=True)
class Segment:
    """A quoted stretch: marks at ``open_at`` / ``close_at`` (``close_at`` is None when unclosed)."""

    open_at: int
    inner_start: int
    inner_end: int
    close_at: int | None

    @property
    def outer_end(self) -> int:
        return self.close_at + 1 if self.close_at is not None else self.inner_end


class SegmentIndex:
    """The article's quoted segments, indexed once by where they open and end (a question about
    them costs a bisection, not a scan of every segment)."""

    def __init__(self, segments: list[Segment]) -> None:
        self.outer = Ranges(segments, lambda g: (g.open_at, g.outer_end))
        self.opens = sorted(g.open_at for g in segments)
        self.ends = sorted(g.outer_end for g in segments)

    def holds(self, char: int) -> bool:
        """A segment holds the character at ``char`` (its marks included)."""
        return self.outer.holds(char)

    def touch(self, start: int, end: int) -> bool:
        """A segment opens at or after ``start`` and before ``end``, or ends after ``start`` and at or before ``end``."""
        k = bisect.bisect_left(self.opens, start)
        if k < len(self.opens) and self.opens[k] < end:
            return True
        k = bisect.bisect_right(self.ends, start)
        return k < len(self.ends) and self.ends[k] <= end


def _paragraphs(text: str, removed: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    """Paragraph ranges, cut at newlines and around removed spans."""
    cuts: list[tuple[int, int]] = sorted(removed)
    pieces: list[tuple[int, int]] = []
    start = 0
    for i, ch in enumerate(text):
        if ch == "\n":
            if i > start:
                pieces.append((start, i))
            start = i + 1
    if start < len(text):
        pieces.append((start, len(text)))
    out: list[tuple[int, int]] = []
    by_start = spans(cuts)
    for a, b in pieces:
        for ra, rb in by_start.overlapping(a, b):  # the cuts a scan would not skip, in the same order
            if rb <= a or ra >= b:
                continue
            if ra > a:
                out.append((a, ra))
            a = max(a, rb)
        if a < b:
            out.append((a, b))
    return out


def _straight_role(text: str, i: int, is_open: bool) -> str:
    prev = text[i - 1] if i > 0 else " "
    nxt = text[i + 1] if i + 1 < len(text) else " "
    if (prev in _OPEN_CONTEXT or prev.isspace()) and not nxt.isspace():
        return "open"
    if not prev.isspace() and (nxt.isspace() or not nxt.isalnum()):
        return "close"
    return "close" if is_open else "open"


def _double_marks(text: str, start: int, end: int) -> list[tuple[int, str]]:
    marks: list[tuple[int, str]] = []
    is_open = False
    skip = -1
    for i in range(start, end):
        ch = text[i]
        if i == skip:
            continue
        if ch == "'" and is_open and text[i + 1 : i + 2] == "'" and i > start and not text[i - 1].isspace():
            # two apostrophes closing a straight double quote, a typewriter habit: "... urgency was,'' said X
            marks.append((i, "close"))
            is_open, skip = False, i + 1
            continue
        if ch in _DOUBLE_OPEN:
            role = "open"
        elif ch in _DOUBLE_CLOSE:
            role = "close"
        elif ch == _STRAIGHT:
            role = _straight_role(text, i, is_open)
        else:
            continue
        is_open = role == "open"
        marks.append((i, role))
    return marks


def _single_marks(text: str, start: int, end: int) -> list[tuple[int, str]]:
    marks: list[tuple[int, str]] = []
    for i in range(start, end):
        ch = text[i]
        if ch not in _SINGLE_OPEN and ch not in _SINGLE_CLOSE and ch != "'":
            continue
        prev = text[i - 1] if i > start else " "
        nxt = text[i + 1] if i + 1 < end else " "
        if (prev.isspace() or prev in _OPEN_CONTEXT) and nxt.isalpha() and ch != "’":
            marks.append((i, "open"))
        elif prev.isalpha() or prev in ".,!?":
            if not nxt.isalpha() and prev not in "s":
                marks.append((i, "close"))
            elif not nxt.isalpha() and prev in ".,!?":
                marks.append((i, "close"))
    return marks


def _sentence_end(sentence_ends: Sequence[int], at: int) -> int:
    k = bisect.bisect_right(sentence_ends, at)
    return sentence_ends[k] if k < len(sentence_ends) else sentence_ends[-1]


def _unclosed(
    text: str, open_at: int, limit: int, paragraph: tuple[int, int], sentence_ends: Sequence[int], first_word: int
) -> Segment | None:
    """A segment for an opening mark with no partner: clipped to its sentence, or to the
    paragraph end when the mark opens a short paragraph (nothing but white space from the
    paragraph's start to the mark: ``first_word``, the paragraph's first other character, is not
    before it)."""
    opens_paragraph = first_word >= open_at
    inside = bisect.bisect_right(sentence_ends, limit) - bisect.bisect_right(sentence_ends, open_at)  # sentence ends in (open_at, limit]
    if opens_paragraph and inside <= _MAX_PARAGRAPH_SENTENCES:
        end = limit
    else:
        end = min(limit, _sentence_end(sentence_ends, open_at))
    inner_start = open_at + 1
    while end > inner_start and text[end - 1].isspace():
        end -= 1
    if end - inner_start < 2:
        return None
    return Segment(open_at, inner_start, end, None)


def _pair(
    text: str, marks: list[tuple[int, str]], paragraph: tuple[int, int], sentence_ends: Sequence[int]
) -> list[Segment]:
    segments: list[Segment] = []
    open_at: int | None = None
    first_word = paragraph[0]
    while first_word < paragraph[1] and text[first_word].isspace():
        first_word += 1
    for i, role in marks:
        if role == "open":
            if open_at is not None:
                stray = _unclosed(text, open_at, i, paragraph, sentence_ends, first_word)
                if stray is not None:
                    segments.append(stray)
            open_at = i
        elif open_at is not None:
            if i - open_at > 1:
                segments.append(Segment(open_at, open_at + 1, i, i))
            open_at = None
    if open_at is not None:
        stray = _unclosed(text, open_at, paragraph[1], paragraph, sentence_ends, first_word)
        if stray is not None:
            segments.append(stray)
    return segments


def find_segments(
    text: str, sentence_ends: Sequence[int], removed: Iterable[tuple[int, int]] = ()
) -> list[Segment]:
    """Every top-level quoted segment of ``text``, in order.

    ``sentence_ends`` are the character offsets where sentences end (sorted); ``removed``
    the (start, end) ranges to skip.
    """
    segments: list[Segment] = []
    for paragraph in _paragraphs(text, removed):
        start, end = paragraph
        marks = _double_marks(text, start, end)
        if not marks:
            marks = _single_marks(text, start, end)
        segments.extend(_pair(text, marks, paragraph, sentence_ends))
    return segments
