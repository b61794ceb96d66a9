"""Invisible characters: taken out of the text the stages read, put back under every span they return.

A soft hyphen, a zero-width space or joiner, a byte-order mark or a bidi mark inside a name
("\\xadIran\\xad", "Sy\\u200bria") is invisible to a reader but splits or glues tokens for the
parser and the actor matcher. The stages therefore read a *visible* text: the article's text
without the characters of Unicode category Cf (format characters: U+00AD, U+200B–U+200F,
U+202A–U+202E, U+2060–U+2064, U+2066–U+2069, U+FEFF, U+180E, …), and with the line and
paragraph separators U+2028, U+2029 and U+0085 read as newlines (same length).

Nothing the user gave is rewritten: the coded article keeps the original text, and
:func:`restore` moves every :class:`~dragoman.records.Span` of the stages' records back onto it,
so ``span.text == article.text[span.start:span.end]`` holds for the original text
(docs/ingest.md, "Invisible characters").
"""

from __future__ import annotations

import dataclasses
from bisect import bisect_right
from dataclasses import dataclass
from typing import TypeVar

import regex

from dragoman.records import Article, Span

_INVISIBLE = regex.compile(r"\p{Cf}")
_LINE_BREAKS = str.maketrans({"\u2028": "\n", "\u2029": "\n", "\x85": "\n"})

R = TypeVar("R")


@dataclass(frozen=True, slots=True)
class Visible:
    """An article's text as the stages read it, and the way back to the original offsets.

    ``gaps`` has one entry per removed character, in text order: its original offset minus the
    number of characters removed before it, i.e. the visible offset it would have had.
    """

    original: Article
    text: str
    gaps: tuple[int, ...] = ()

    @property
    def article(self) -> Article:
        """The article the stages read (the original itself when nothing was taken out)."""
        if self.text is self.original.text:
            return self.original
        return dataclasses.replace(self.original, text=self.text)

    def offset(self, visible: int) -> int:
        """The original offset of the character at ``visible`` in the visible text."""
        return visible + bisect_right(self.gaps, visible)

    def span(self, span: Span) -> Span:
        """``span`` of the visible text moved onto the original text (removed characters at its
        edges stay outside, removed characters inside it are inside)."""
        if not self.gaps and self.text is self.original.text:
            return span
        start = self.offset(span.start)
        end = self.offset(span.end - 1) + 1 if span.end > span.start else start
        return Span(span.doc_id, start, end, self.original.text[start:end])


def visible_text(article: Article) -> Visible:
    """Take the invisible characters out of ``article.text`` (linear in its length)."""
    text = article.text
    breaks = text.translate(_LINE_BREAKS)
    gaps: list[int] = []
    pieces: list[str] = []
    last = 0
    for m in _INVISIBLE.finditer(breaks):
        pieces.append(breaks[last : m.start()])
        gaps.append(m.start() - len(gaps))
        last = m.end()
    if not gaps:
        return Visible(article, text if breaks == text else breaks)
    pieces.append(breaks[last:])
    return Visible(article, "".join(pieces), tuple(gaps))


def has_visible_text(text: str) -> bool:
    """Whether ``text`` holds anything but whitespace and invisible characters."""
    return bool(_INVISIBLE.sub("", text).strip())


def _restore(value: object, visible: Visible) -> object:
    if isinstance(value, Span):
        return visible.span(value)
    if isinstance(value, tuple):
        return tuple(_restore(v, visible) for v in value)
    if isinstance(value, Article):
        return visible.original
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        changes = {}
        for f in dataclasses.fields(value):
            old = getattr(value, f.name)
            new = _restore(old, visible)
            if new is not old:
                changes[f.name] = new
        return dataclasses.replace(value, **changes) if changes else value
    return value


def restore(record: R, visible: Visible) -> R:
    """``record`` (any frozen record of the stages, nested ones too) with every Span moved onto
    the original text and every Article replaced by the original article."""
    if visible.text is visible.original.text:
        return record
    restored: R = _restore(record, visible)  # type: ignore[assignment]
    return restored
