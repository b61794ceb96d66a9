"""Clean: boilerplate runs come back as spans; the text is never rewritten."""

from __future__ import annotations

from hypothesis import given, settings, strategies as st

from dragoman.clean import find_boilerplate, load_rules
from dragoman.records import Article

RULES = load_rules()


def _removed(text: str) -> list[str]:
    return [r.span.text for r in find_boilerplate(Article("t", text, "test"), RULES)]


def test_seed_junk_runs_and_nothing_else(seed_text: str) -> None:
    assert _removed(seed_text) == ["main supporter of the project.", "Subscribe to First Edition, our free daily newsletter – every morning at 7am. BST"]


def test_promos() -> None:
    text = "The talks ended. Follow us on Twitter for updates. Read more: Why the talks failed. Sign up for our weekly briefing. Click here to listen. Ministers met again."
    assert _removed(text) == ["Follow us on Twitter for updates.", "Read more: Why the talks failed.", "Sign up for our weekly briefing.", "Click here to listen."]


def test_lowercase_fragment_alone_is_kept() -> None:
    # "softening ..." after a period is article text in the seed, not an orphan promo tail
    assert _removed("He pushed for aid in northwest. softening Russian threats to veto aid. Then he left.") == []


def test_advertisement_marker() -> None:
    assert _removed("The bombs were hidden in backpacks. Advertisement “We have seen this,” he said.") == ["Advertisement"]


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(["Turkey sold drones.", "Subscribe to our newsletter.", "main tail of a promo.", "Follow us on X.", "“Quote,” he said.", "\n\n", "every morning at 7am. BST"]), max_size=12))
def test_spans_index_the_text_and_clean_is_idempotent(parts: list[str]) -> None:
    text = " ".join(parts)
    article = Article("h", text, "test")
    first = find_boilerplate(article, RULES)
    for r in first:
        assert text[r.span.start : r.span.end] == r.span.text
    assert find_boilerplate(article, RULES) == first
