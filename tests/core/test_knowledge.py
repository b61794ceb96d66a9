"""The one data-file reader (dragoman.knowledge): real line numbers, header check, short rows."""

from __future__ import annotations

import pytest

from dragoman.errors import DataFileError
from dragoman.knowledge import read_rows


def test_rows_keep_their_file_line_numbers() -> None:
    text = "# comment\n\nword\tclass\tnote\nsay\treport\n# another\nhope\tplan\tx\n"
    rows = list(read_rows(text, "f.tsv", ("word", "class")))
    assert [r.where for r in rows] == ["f.tsv:4", "f.tsv:6"]
    assert rows[0]["note"] == "" and rows[1]["note"] == "x"
    assert str(rows[1].error("bad")) == "f.tsv:6: bad"


def test_a_wrong_or_missing_header_is_an_error() -> None:
    with pytest.raises(DataFileError, match=r"f.tsv:2: expected a header"):
        list(read_rows("# c\nlemma\tclass\n", "f.tsv", ("word", "class")))
    with pytest.raises(DataFileError, match=r"f.tsv: no header"):
        list(read_rows("# only comments\n", "f.tsv", ("word",)))


def test_a_bad_polarity_row_names_its_line(monkeypatch: pytest.MonkeyPatch) -> None:
    from dragoman.events import speech
    monkeypatch.setattr(speech, "packaged_text", lambda package, name: "# c\nword\tvalence\tnote\nawful\t-9\t\n")
    with pytest.raises(DataFileError, match=r"polarity.tsv:3: need a lower-case word and a valence"):
        speech.load_polarity()
