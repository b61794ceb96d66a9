"""Knowledge: the one reader of dragoman's data files (word lists, tables, lexicons).

Every stage reads its TSV data through :func:`read_rows`, which skips comments and blank lines,
checks the header, and reports a bad row with the file's real line number. Stages import this
package; it imports no stage. (Issue 13 moves every table here; the events lexicons are the first.)
"""

from dragoman.knowledge.tables import Row, packaged_text, read_rows

__all__ = ["Row", "packaged_text", "read_rows"]
