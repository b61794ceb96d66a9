"""Knowledge: the one reader of dragoman's data files (word lists, tables, lexicons).

Every stage reads its data through this package: TSV tables through :func:`read_rows`, which skips
comments and blank lines, checks the header, and reports a bad row with the file's real line number;
plain word lists through :func:`read_words` and word tables (a word and the lists it is on) through
:func:`read_word_lists`, which refuse empty and repeated entries. Packaged and user files go through
the same readers, so a user file is checked as strictly as the packaged one, at load, before any
article is coded. Lists shared by several stages (titles, weekdays) live in ``knowledge/data``.
Stages import this package; it imports no stage.
"""

from dragoman.knowledge.lexicon import TIME_LISTS, TITLE_LISTS, time_words, title_offices, title_words
from dragoman.knowledge.tables import Row, packaged_text, read_rows, user_text
from dragoman.knowledge.words import data_lines, packaged_word_lists, packaged_words, read_word_lists, read_words

__all__ = ["Row", "TIME_LISTS", "TITLE_LISTS", "data_lines", "packaged_text", "packaged_word_lists", "packaged_words", "read_rows", "read_word_lists",
           "read_words", "time_words", "title_offices", "title_words", "user_text"]
