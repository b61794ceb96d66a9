"""Rule-based sentence boundaries for news, set on a tokenized Doc before parsing.

Handles sentences ending inside quotes (``good.” He``), initials and abbreviations
(``U.S.``, ``Gen.``, ``J. Smith``), datelines (``ROME —``), paragraph breaks, one-line
articles, and forces boundaries at the edges of removed boilerplate so that junk never
shares a sentence with article text.
"""

from __future__ import annotations

from bisect import bisect_left
from typing import Iterable

import numpy
from spacy.attrs import SENT_START
from spacy.tokens import Doc, Token

from dragoman.knowledge import packaged_words

_ENDERS = frozenset({".", "!", "?", "…", "...", "?!", "!?"})
_CLOSERS = frozenset({"”", "\"", "’", "'", ")", "»"})
_OPENERS = frozenset({"“", "\"", "‘", "(", "«", "'"})
_DASHES = frozenset({"—", "–", "--"})
# After an abbreviation like "U.S." a sentence may still end when one of these follows.
_CLEAR_STARTERS = frozenset(
    "The He She It They We I But And In On At A An This That These Those His Her Their Its "
    "However Meanwhile Yet So Still Last Earlier Later".split()
)
_ABBREVIATION_ENDERS = frozenset({"u.s.", "u.k.", "u.n.", "e.u.", "a.m.", "p.m.", "etc.", "inc.", "ltd.", "co.", "corp."})


def load_abbreviations() -> frozenset[str]:
    return frozenset(packaged_words("dragoman.nlp", "abbreviations.txt"))


def _starts_sentence(token: Token) -> bool:
    text = token.text
    if not text:
        return False
    first = text[0]
    return first.isupper() or first.isdigit() or text in _OPENERS or first in "“‘«\"'("


def _is_initial(token: Token) -> bool:
    text = token.text
    return len(text) == 2 and text[0].isupper() and text[1] == "."


def _dateline_end(doc: Doc) -> int | None:
    """Index of the token after a dateline such as ``ROME —`` or ``KYIV, Ukraine (Reuters) —``."""
    for i, token in enumerate(doc[:12]):
        if token.text in _DASHES:
            head = doc[:i]
            words = [t for t in head if t.is_alpha]
            if words and words[0].is_upper and len(words[0]) > 1 and i + 1 < len(doc):
                return i + 1
            return None
        if token.text == "\n":
            return None
    return None


def set_sentence_starts(doc: Doc, abbreviations: frozenset[str], removed: Iterable[tuple[int, int]] = ()) -> Doc:
    """Mark every token's ``is_sent_start`` (True or False) by news-aware rules.

    ``removed`` holds (start, end) character ranges of boilerplate runs: each becomes
    exactly one sentence of its own.
    """
    n = len(doc)
    if n == 0:
        return doc
    starts = [False] * n
    starts[0] = True
    for i in range(n - 1):
        token = doc[i]
        if token.is_space:
            if "\n" in token.text:
                starts[i + 1] = True
            continue
        if token.text == "." and i > 0 and not doc[i - 1].whitespace_ and doc[i - 1].text[:1].isupper() and doc[i - 1].lower_ + "." in abbreviations:
            # the tokenizer split "Lt." into "Lt" + ".": the same rule as for a whole abbreviation
            if doc[i + 1].text in _CLEAR_STARTERS:
                starts[i + 1] = True
        elif token.text in _ENDERS:
            # Closing quotes and brackets right after the mark belong to this sentence.
            j = i + 1
            while j < n and doc[j].text in _CLOSERS and not (doc[j].text in {"\"", "'"} and doc[j - 1].whitespace_):
                j += 1
            while j < n and doc[j].is_space and "\n" not in doc[j].text:
                j += 1
            if j < n and _starts_sentence(doc[j]):
                starts[j] = True
        elif token.text.endswith(".") and len(token) > 1 and not _is_initial(token):
            # "U.S." ends a sentence only before an unmistakable sentence opener.
            if token.lower_ in _ABBREVIATION_ENDERS and doc[i + 1].text in _CLEAR_STARTERS:
                starts[i + 1] = True
            elif token.lower_ not in abbreviations and doc[i + 1].text in _CLEAR_STARTERS:
                starts[i + 1] = True
    dateline = _dateline_end(doc)
    if dateline is not None:
        starts[dateline] = True
    offsets = [t.idx for t in doc]
    for start_char, end_char in removed:
        # the tokens starting inside the run, found by bisection (not a scan of the Doc per run)
        first, stop = bisect_left(offsets, start_char), bisect_left(offsets, end_char)
        if first >= stop:
            continue
        starts[first] = True
        for i in range(first + 1, stop):
            starts[i] = False
        after = stop
        while after < n and doc[after].is_space:
            after += 1
        if after < n:
            starts[after] = True
    # one array write instead of a property call per token (each one re-checks the annotation)
    values = numpy.array([[1 if start else -1] for start in starts], dtype="int32").astype("uint64")
    doc.from_array([SENT_START], values)  # type: ignore[arg-type]
    return doc
