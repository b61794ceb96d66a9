"""One reader for dragoman's TSV data files: header, comments, real line numbers."""

from __future__ import annotations

from dataclasses import dataclass
from importlib import resources
from typing import Iterator, Mapping

from dragoman.errors import DataFileError


@dataclass(frozen=True, slots=True)
class Row:
    """One data row: its cells by column name, and where it stands (``file:line``) for error messages."""

    cells: Mapping[str, str]
    where: str

    def __getitem__(self, column: str) -> str:
        return self.cells.get(column, "")

    def error(self, message: str) -> DataFileError:
        return DataFileError(f"{self.where}: {message}")


def packaged_text(package: str, name: str) -> str:
    """The text of a data file shipped in ``package``'s ``data/`` folder."""
    return resources.files(package).joinpath(f"data/{name}").read_text(encoding="utf-8")


def read_rows(text: str, source: str, required: tuple[str, ...]) -> Iterator[Row]:
    """The rows of a TSV text: ``#`` and blank lines skipped, the first other line the header, which
    must start with the ``required`` columns; cells are stripped; a short row gets empty cells."""
    header: list[str] | None = None
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        cells = [c.strip() for c in line.split("\t")]
        if header is None:
            if tuple(cells[: len(required)]) != required:
                raise DataFileError(f"{source}:{number}: expected a header starting {'<TAB>'.join(required)!r}, found {line!r}")
            header = cells
            continue
        yield Row(dict(zip(header, cells + [""] * (len(header) - len(cells)))), f"{source}:{number}")
    if header is None:
        raise DataFileError(f"{source}: no header row {'<TAB>'.join(required)!r}")
