"""Clean: find boilerplate and promo runs to skip; the text itself is never rewritten.

Reads ``Article.text``. Adds ``removed``: a tuple of :class:`~dragoman.records.RemovedSpan`.
"""

from dragoman.clean.boilerplate import find_boilerplate
from dragoman.clean.rules import BoilerplateRule, load_rules

__all__ = ["BoilerplateRule", "find_boilerplate", "load_rules"]
