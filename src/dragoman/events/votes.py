"""The article-level votes of events/protests.py (whom the article's protests are against) and
events/adversary.py (whom a party fights): a party wins with more than half of the votes and ``minimum``
at least (one vote tells one encounter or one protest, not the article's)."""

from __future__ import annotations

from collections import Counter
from typing import Hashable, TypeVar

K = TypeVar("K", bound=Hashable)


def clear_winner(counts: Counter[K], minimum: int) -> K | None:
    """The key with more than half of ``counts``' total and ``minimum`` at least, else None."""
    if not counts:
        return None
    (top, n), = counts.most_common(1)
    return top if n >= minimum and 2 * n > sum(counts.values()) else None
