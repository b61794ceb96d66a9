"""Sentence spans of raw article text, for the chrome detectors (which run before the nlp stage).

A sentence ends at ``.``/``!``/``?`` (with closing quotes or brackets) followed by
white space and a capital letter, digit or opening quote, unless the word carrying the
period is an abbreviation or an initial ("U.S. Secretary", "Jan. 20", "E. Sarai");
a newline always ends one. Headings glued with a dash ("Old rivalry-The ...") are not
split here: :mod:`dragoman.clean.headings` finds them.
"""

from __future__ import annotations

import re

_END = re.compile(r"[.!?…][”\"’')\]]*(?=\s+[\"“‘'(\[A-Z0-9])|\n+")
_WORD_AFTER = re.compile(r"\s+(\w+)")


def _word_before(text: str, end: int) -> str:
    """The run of non-space characters ending at ``end``, read backwards: a regular expression
    anchored at ``end`` would scan the text from its start at every sentence end."""
    start = end
    while start > 0 and not text[start - 1].isspace():
        start -= 1
    return text[start:end]


def _is_abbreviation(word: str, abbreviations: frozenset[str]) -> bool:
    word = word.lstrip("(\"“‘'").rsplit("-", 1)[-1]  # "anti-U.S." ends in "U.S."
    if word.lower() in abbreviations:
        return True
    # initials and dotted acronyms ("E.", "D.C."): letters each followed by a period
    return bool(re.fullmatch(r"(?:[A-Za-z]\.)+", word))


def sentence_spans(text: str, abbreviations: frozenset[str], openers: frozenset[str] = frozenset()) -> list[tuple[int, int]]:
    """(start, end) of every sentence of ``text``, white space trimmed, in order.

    After an abbreviation a sentence still ends when the next word is one of ``openers``
    (lower-cased: "the", "but"): "in Washington, D.C. The talks ...".
    """
    spans: list[tuple[int, int]] = []
    start = 0
    for m in _END.finditer(text):
        if m.group(0)[0] != "\n":
            before = _word_before(text, m.start() + 1)
            after = _WORD_AFTER.match(text, m.end())
            if _is_abbreviation(before, abbreviations) and not (after and after.group(1)[0].isupper() and after.group(1).lower() in openers):
                continue
        end = m.end() if m.group(0)[0] != "\n" else m.start()
        _add(text, start, end, spans)
        start = m.end()
    _add(text, start, len(text), spans)
    return spans


def _add(text: str, start: int, end: int, spans: list[tuple[int, int]]) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        spans.append((start, end))
