"""Sentence, token and line positions of a doc, looked up by character offset (by bisection)."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from spacy.tokens import Doc


@dataclass(frozen=True, slots=True)
class Layout:
    """Sentence boundaries (token and character), token starts and line breaks of one doc."""

    token_starts: tuple[int, ...]
    sent_tokens: tuple[tuple[int, int], ...]
    sent_chars: tuple[tuple[int, int], ...]
    sent_starts: tuple[int, ...]
    line_breaks: tuple[int, ...]  # the offsets of every "\n" of the text

    @classmethod
    def of(cls, doc: Doc) -> "Layout":
        sents = list(doc.sents) if len(doc) else []
        text = doc.text
        return cls(
            token_starts=tuple(t.idx for t in doc),
            sent_tokens=tuple((s.start, s.end) for s in sents),
            sent_chars=tuple((s.start_char, s.end_char) for s in sents),
            sent_starts=tuple(s.start_char for s in sents),
            line_breaks=tuple(m.start() for m in re.finditer("\n", text)),
        )

    @property
    def sentence_ends(self) -> tuple[int, ...]:
        return tuple(end for _, end in self.sent_chars)

    def token_at(self, char: int) -> int:
        """Index of the token that contains ``char`` (or the last one starting before it)."""
        return max(bisect.bisect_right(self.token_starts, char) - 1, 0)

    def token_from(self, char: int) -> int:
        """Index of the first token starting at or after ``char`` (the number of tokens if none)."""
        return bisect.bisect_left(self.token_starts, char)

    def sentence_of(self, char: int) -> int:
        """Index of the sentence containing ``char``."""
        return max(bisect.bisect_right(self.sent_starts, char) - 1, 0)

    def break_before(self, char: int) -> int:
        """The offset of the last "\\n" before ``char``, or -1 (``text.rfind("\\n", 0, char)``)."""
        k = bisect.bisect_left(self.line_breaks, char)
        return self.line_breaks[k - 1] if k else -1

    def break_from(self, char: int) -> int:
        """The offset of the first "\\n" at or after ``char``, or -1 (``text.find("\\n", char)``)."""
        k = bisect.bisect_left(self.line_breaks, char)
        return self.line_breaks[k] if k < len(self.line_breaks) else -1


def char_before(text: str, at: int, skipped: str | None = None) -> str:
    """The last character before ``at`` that is not in ``skipped`` (white space when None), or "":
    ``text[:at].rstrip(skipped)[-1:]`` without copying the text before ``at``."""
    window = 64
    while True:
        lo = max(0, at - window)
        rest = text[lo:at].rstrip(skipped)
        if rest or lo == 0:
            return rest[-1:]
        window *= 4
