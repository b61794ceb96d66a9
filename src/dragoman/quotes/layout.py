"""Sentence and token positions of a doc, looked up by character offset."""

from __future__ import annotations

import bisect
from dataclasses import dataclass

from spacy.tokens import Doc


@dataclass(frozen=True, slots=True)
class Layout:
    """Sentence boundaries (token and character) and token starts of one doc."""

    token_starts: tuple[int, ...]
    sent_tokens: tuple[tuple[int, int], ...]
    sent_chars: tuple[tuple[int, int], ...]

    @classmethod
    def of(cls, doc: Doc) -> "Layout":
        sents = list(doc.sents) if len(doc) else []
        return cls(
            token_starts=tuple(t.idx for t in doc),
            sent_tokens=tuple((s.start, s.end) for s in sents),
            sent_chars=tuple((s.start_char, s.end_char) for s in sents),
        )

    @property
    def sentence_ends(self) -> tuple[int, ...]:
        return tuple(end for _, end in self.sent_chars)

    def token_at(self, char: int) -> int:
        """Index of the token that contains ``char`` (or the last one starting before it)."""
        return max(bisect.bisect_right(self.token_starts, char) - 1, 0)

    def sentence_of(self, char: int) -> int:
        """Index of the sentence containing ``char``."""
        starts = [a for a, _ in self.sent_chars]
        return max(bisect.bisect_right(starts, char) - 1, 0)
