"""Clean: find boilerplate, promo runs and page chrome to skip; the text itself is never rewritten.

Reads ``Article.text``. Adds ``removed``: a tuple of :class:`~dragoman.records.RemovedSpan`.
Kinds of chrome and how each is found: docs/clean.md.
"""

from dragoman.clean.boilerplate import CleanRules, find_boilerplate, load_rules
from dragoman.clean.rules import BoilerplateRule, ChromeWords, load_chrome_words, load_patterns

__all__ = ["BoilerplateRule", "ChromeWords", "CleanRules", "find_boilerplate", "load_chrome_words", "load_patterns", "load_rules"]
