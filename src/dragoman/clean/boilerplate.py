"""Find promotional, boilerplate and page-chrome runs inside article text, as spans to drop."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterator

from dragoman.clean.captions import CaptionFinder
from dragoman.clean.headings import find_headings
from dragoman.clean.rules import BoilerplateRule, ChromeWords, load_chrome_words, load_patterns
from dragoman.clean.sentences import sentence_spans
from dragoman.nlp import load_abbreviations
from dragoman.records import Article, RemovedSpan, Span

STAGE = "clean.rules.v2"

# A segment ends after . ! ? (optionally closed by a quote) followed by space, or at a newline.
_BOUNDARY = re.compile(r"(?<=[.!?…])[”\"’)]?\s+|\n+")
_ORPHAN_MAX_WORDS = 10
_CAPTION = "photo caption"
_HEADING = "section heading"


@dataclass(frozen=True, slots=True)
class CleanRules:
    """Everything the clean stage reads: pattern rules, caption tests, heading word lists."""

    patterns: tuple[BoilerplateRule, ...]
    words: ChromeWords
    captions: CaptionFinder
    abbreviations: frozenset[str]


def load_rules() -> CleanRules:
    """Read the packaged rules of the clean stage (``clean/data/*.tsv``)."""
    words = load_chrome_words()
    return CleanRules(load_patterns(), words, CaptionFinder.of(words), load_abbreviations())


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


def _is_orphan(text: str, start: int, end: int, abbreviations: frozenset[str]) -> bool:
    """A short fragment beginning in lower case: the tail of a cut caption or promo.

    Not when the segment before ends in an abbreviation: "... at U.S. military bases."
    is one sentence that the naive segmenter cut after "U.S.".
    """
    fragment = text[start:end].strip()
    if _last_word(text, start).lower() in abbreviations:
        return False
    return bool(fragment) and fragment[0].islower() and len(fragment.split()) <= _ORPHAN_MAX_WORDS


def _last_word(text: str, end: int) -> str:
    """The last white-space separated word before ``end`` ("" if none), read backwards from ``end``."""
    stop = end
    while stop > 0 and text[stop - 1].isspace():
        stop -= 1
    start = stop
    while start > 0 and not text[start - 1].isspace():
        start -= 1
    return text[start:stop]


def _span(article: Article, start: int, end: int) -> Span:
    while start < end and article.text[start].isspace():
        start += 1
    while end > start and article.text[end - 1].isspace():
        end -= 1
    return article.span(start, end)


Found = tuple[int, int, str, "str | None"]  # start, end, reason, place


def _pattern_runs(text: str, patterns: tuple[BoilerplateRule, ...], abbreviations: frozenset[str]) -> list[Found]:
    segment_rules = [r for r in patterns if r.kind == "segment"]
    inline_rules = [r for r in patterns if r.kind == "inline"]
    tails = [r for r in patterns if r.kind == "tail"]
    segments = list(_segments(text))
    found: list[Found] = []
    for index, (start, end) in enumerate(segments):
        rule = next((r for r in segment_rules if r.pattern.match(text, start, end)), None)
        if rule is None:
            continue
        found.append((start, _extend_tail(text, end, tails), rule.reason, None))
        if index > 0:
            prev_start, prev_end = segments[index - 1]
            if _is_orphan(text, prev_start, prev_end, abbreviations):
                found.append((prev_start, prev_end, "orphan fragment", None))
    for rule in inline_rules:
        for m in rule.pattern.finditer(text):
            if m.end() > m.start():
                place = m.group("place") if "place" in rule.pattern.groupindex else None
                found.append((m.start(), m.end(), rule.reason, place))
    return found


def _chrome_runs(text: str, rules: CleanRules) -> list[Found]:
    sentences = sentence_spans(text, rules.abbreviations, rules.words.sentence_openers)
    headings = find_headings(text, sentences, rules.words)
    captions = rules.captions.find(text, sentences, {start for start, _ in headings})
    runs: list[Found] = [(s, e, _HEADING, None) for s, e in headings]
    runs += [(s, e, _CAPTION, None) for s, e in captions]
    return runs


def find_boilerplate(article: Article, rules: CleanRules) -> tuple[RemovedSpan, ...]:
    """Return the promo, boilerplate and page-chrome runs of ``article`` as spans to drop.

    Reads ``Article.text``; adds :class:`RemovedSpan` records, never rewriting the text.
    Pattern rules come from ``clean/data/boilerplate.tsv``; photo captions and glued
    section headings from :mod:`dragoman.clean.captions` and :mod:`dragoman.clean.headings`.
    A short lower-case fragment right before a dropped run (an orphan such as
    "main supporter of the project.") is dropped with it, as a run of its own.
    Overlapping runs merge, keeping the first one's reason (and a dateline's place).
    """
    text = article.text
    found = sorted(_pattern_runs(text, rules.patterns, rules.abbreviations) + _chrome_runs(text, rules), key=lambda f: (f[0], -f[1]))
    merged: list[Found] = []
    for start, end, reason, place in found:
        if merged and start < merged[-1][1]:
            last = merged[-1]
            merged[-1] = (last[0], max(last[1], end), last[2], last[3])
        else:
            merged.append((start, end, reason, place))
    return tuple(RemovedSpan(_span(article, s, e), reason, STAGE, place) for s, e, reason, place in merged)
