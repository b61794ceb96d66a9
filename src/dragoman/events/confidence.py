"""The one confidence formula of a coded event.

A pattern match starts at 0.45 and gains 0.08 per element of specificity (at most four); the
subject found by the dependency parse adds 0.08; an event without a target, one whose source or
target is a pronoun, and one read under a modality other than fact lose some. The result is
kept within [0.05, 0.97] and rounded to two places. A verbal act read from reported speech or a
verdict (events/speech.py) has the fixed :data:`SPEECH`.
"""

from __future__ import annotations

SPEECH = 0.5


def confidence(specificity: int, modality: str, by_parse: bool = False, one_sided: bool = False, pronoun: bool = False) -> float:
    score = 0.45 + 0.08 * min(specificity, 4)
    if by_parse:
        score += 0.08
    if one_sided:
        score -= 0.1
    if pronoun:
        score -= 0.08
    if modality != "fact":
        score -= 0.05
    return round(max(0.05, min(score, 0.97)), 2)
