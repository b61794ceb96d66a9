"""Find promotional and boilerplate runs inside article text, as spans to drop."""

from __future__ import annotations

import re
from typing import Iterator

from dragoman.clean.rules import BoilerplateRule
from dragoman.records import Article, RemovedSpan, Span

STAGE = "clean.rules.v1"

# A segment ends after . ! ? (optionally closed by a quote) followed by space, or at a newline.
_BOUNDARY = re.compile(r"(?<=[.!?…])[”\"’)]?\s+|\n+")
_ORPHAN_MAX_WORDS = 10


def _segments(text: str) -> Iterator[tuple[int, int]]:
    start = 0
    for m in _BOUNDARY.finditer(text):
        end = m.start() + (len(m.group(0)) - len(m.group(0).lstrip("”\"’)")))
        if end > start:
            yield start, end
        start = m.end()
    if start < len(text):
        yield start, len(text)


def _extend_tail(text: str, end: int, tails: list[BoilerplateRule]) -> int:
    moved = True
    while moved:
        moved = False
        for rule in tails:
            m = rule.pattern.match(text, end)
            if m and m.end() > end:
                end, moved = m.end(), True
    return end


def _is_orphan(text: str, start: int, end: int) -> bool:
    """A short fragment beginning in lower case: the tail of a cut caption or promo."""
    fragment = text[start:end].strip()
    return bool(fragment) and fragment[0].islower() and len(fragment.split()) <= _ORPHAN_MAX_WORDS


def _span(article: Article, start: int, end: int) -> Span:
    while start < end and article.text[start].isspace():
        start += 1
    while end > start and article.text[end - 1].isspace():
        end -= 1
    return Span(article.id, start, end, article.text[start:end])


def find_boilerplate(article: Article, rules: tuple[BoilerplateRule, ...]) -> tuple[RemovedSpan, ...]:
    """Return the promo and boilerplate runs of ``article`` as spans to drop.

    Reads ``Article.text``; adds :class:`RemovedSpan` records, never rewriting the text.
    A short lower-case fragment right before a dropped run (an orphan such as
    "main supporter of the project.") is dropped with it, as a run of its own.
    """
    text = article.text
    segment_rules = [r for r in rules if r.kind == "segment"]
    inline_rules = [r for r in rules if r.kind == "inline"]
    tails = [r for r in rules if r.kind == "tail"]
    segments = list(_segments(text))
    found: list[tuple[int, int, str]] = []
    for index, (start, end) in enumerate(segments):
        rule = next((r for r in segment_rules if r.pattern.match(text, start, end)), None)
        if rule is None:
            continue
        found.append((start, _extend_tail(text, end, tails), rule.reason))
        if index > 0:
            prev_start, prev_end = segments[index - 1]
            if _is_orphan(text, prev_start, prev_end):
                found.append((prev_start, prev_end, "orphan fragment"))
    for rule in inline_rules:
        for m in rule.pattern.finditer(text):
            found.append((m.start(), m.end(), rule.reason))
    found.sort()
    merged: list[tuple[int, int, str]] = []
    for start, end, reason in found:
        if merged and start < merged[-1][1]:
            last = merged[-1]
            merged[-1] = (last[0], max(last[1], end), last[2])
        else:
            merged.append((start, end, reason))
    return tuple(RemovedSpan(_span(article, s, e), reason, STAGE) for s, e, reason in merged)
