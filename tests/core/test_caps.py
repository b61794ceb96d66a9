"""The pieces of the nlp stage's caps (``dragoman.nlp.caps``) on random text: the runs too long to
tokenize, the Doc built around them, the stretches a long Doc is parsed in."""

from __future__ import annotations

import re

import pytest
from hypothesis import example, given, settings, strategies as st

from dragoman.errors import ArticleError, SettingsError
from dragoman.nlp import load_blank
from dragoman.nlp import caps
from dragoman.nlp.caps import long_runs, masked_doc
from dragoman.nlp.pipeline import _stretches
from dragoman.settings import NlpSettings, load_settings

_TEXT = st.text(alphabet="ab \n.“\"(", max_size=60)


@settings(max_examples=200, deadline=None)
@given(_TEXT, st.integers(1, 6))
def test_long_runs_are_the_runs_of_non_space_over_the_limit(text: str, limit: int) -> None:
    assert long_runs(text, limit) == [(m.start(), m.end()) for m in re.finditer(r"\S+", text) if m.end() - m.start() > limit]


BLANK = load_blank(NlpSettings())


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="ab \n.", max_size=60), st.integers(1, 4))
def test_a_masked_doc_is_the_tokenizers_doc_where_the_long_runs_are_one_token(text: str, limit: int) -> None:
    # runs of letters and periods are one token to the tokenizer too (no prefix or suffix to peel but ".")
    runs = [(a, b) for a, b in long_runs(text, limit) if "." not in text[a:b]]
    doc, plain = masked_doc(BLANK.nlp, text, runs), BLANK.nlp.make_doc(text)
    assert doc.text == text
    assert [(t.text, t.idx, t.whitespace_, t.norm_) for t in doc] == [(t.text, t.idx, t.whitespace_, t.norm_) for t in plain]


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="ab '\".,(n't\n", max_size=80), st.integers(1, 8))
@example("a' ''a", 1)  # a piece must start with a word: "''a" alone is tokenized '' + a, after "a' " it is ' + 'a
def test_a_text_tokenized_in_pieces_is_tokenized_as_a_whole(text: str, piece: int) -> None:
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(caps, "PIECE_CHARS", piece)
        doc = masked_doc(BLANK.nlp, text, [])
    plain = BLANK.nlp.make_doc(text)
    assert [(t.text, t.idx, t.whitespace_, t.norm_) for t in doc] == [(t.text, t.idx, t.whitespace_, t.norm_) for t in plain]


def test_tokenizing_stops_once_the_tokens_are_too_many(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(caps, "PIECE_CHARS", 10)
    with pytest.raises(ArticleError, match="more than 20 tokens"):
        masked_doc(BLANK.nlp, "'''' " * 1000, [], limit=20, source="t")


def test_stretches_hold_whole_sentences_of_at_most_the_size() -> None:
    doc = BLANK.nlp.make_doc("One two three. Four five. Six seven eight nine ten eleven twelve. End.")
    for t in doc:
        t.is_sent_start = t.i == 0 or doc[t.i - 1].text == "."
    stretches = _stretches(doc, 5)
    assert stretches[0][0] == 0 and stretches[-1][1] == len(doc)
    assert all(b - a <= 5 for a, b in stretches) and all(b == c for (_, b), (c, _) in zip(stretches, stretches[1:]))
    starts = {s.start for s in doc.sents}
    long_sentence = next(s for s in doc.sents if len(s) > 5)
    assert all(a in starts or long_sentence.start < a < long_sentence.end for a, _ in stretches)


def test_caps_are_checked_at_load() -> None:
    with pytest.raises(SettingsError, match="nlp.max_tokens must be at least 1, found 0"):
        load_settings(overrides={"nlp": {"max_tokens": 0}})
