"""One reader for dragoman's TSV data files: header, comments, real line numbers."""

from __future__ import annotations

from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Iterator, Mapping

from dragoman.errors import DataFileError


@dataclass(frozen=True, slots=True)
class Row:
    """One data row: its cells by column name, where it stands (``file:line``) for error messages,
    and how many cells the line had (a row may be shorter or longer than the header)."""

    cells: Mapping[str, str]
    where: str
    width: int = 0

    def __getitem__(self, column: str) -> str:
        return self.cells.get(column, "")

    def error(self, message: str) -> DataFileError:
        return DataFileError(f"{self.where}: {message}")


def packaged_text(package: str, name: str) -> str:
    """The text of a data file shipped in ``package``'s ``data/`` folder."""
    return resources.files(package).joinpath(f"data/{name}").read_text(encoding="utf-8")


def user_text(path: Path, what: str) -> str:
    """The text of a user's data file (``what`` names it in the error: "patterns file")."""
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as e:
        raise DataFileError(f"{what} {path}: cannot read it ({e}); check the path in the settings or flags") from e


def read_rows(text: str, source: str, required: tuple[str, ...], *, header: bool = True,
              first_line: int = 1) -> Iterator[Row]:
    """The rows of a TSV text: ``#`` (also indented) and blank lines skipped, the first other line the header, which
    must start with the ``required`` columns; cells are stripped; a short row gets empty cells.

    ``header=False`` reads a file without a header row: its columns are ``required``.
    ``first_line`` is the file line number of the text's first line (a section of a longer file)."""
    columns: list[str] | None = None if header else list(required)
    for number, line in enumerate(text.splitlines(), start=first_line):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        cells = [c.strip() for c in line.split("\t")]
        if columns is None:
            if tuple(cells[: len(required)]) != required:
                raise DataFileError(f"{source}:{number}: expected a header starting {'<TAB>'.join(required)!r}, "
                                    f"found {line!r}; the first line that is not a # comment names the columns")
            columns = cells
            continue
        yield Row(dict(zip(columns, cells + [""] * (len(columns) - len(cells)))), f"{source}:{number}", len(cells))
    if columns is None:
        raise DataFileError(f"{source}: no header row {'<TAB>'.join(required)!r}; add one after the # comments")
