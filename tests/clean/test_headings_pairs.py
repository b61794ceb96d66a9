"""How often a "left-right" pair occurs, counted for many pairs at once (``clean/headings.py``), is
what ``str.count`` says: left to right, occurrences not overlapping."""

from __future__ import annotations

from hypothesis import given, settings, strategies as st

from dragoman.clean.headings import _Pairs


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="ab-", max_size=40), st.lists(st.tuples(st.text(alphabet="ab-", max_size=3), st.text(alphabet="ab-", max_size=3)), max_size=8))
def test_pairs_count_as_str_count(text: str, pairs: list[tuple[str, str]]) -> None:
    counter = _Pairs(text)
    for left, right in pairs:
        assert counter.at_most_once(left, right) == (text.count(f"{left}-{right}") <= 1)
