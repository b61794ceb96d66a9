"""Hostile text: huge tokens, long runs of one word or one mark, endless sentences, crowds of names.

Every stage must code it without an exception, keep every span pointing into ``Article.text``, note
what a cap left out (docs/architecture.md, "Linear costs and hard caps"), and do work that grows
linearly with the text. The growth is measured by counting the calls of dragoman's own functions
(deterministic, unlike a clock): four times the text must cost about four times the calls, where a
quadratic rule costs sixteen.
"""

from __future__ import annotations

import sys
from pathlib import Path
from types import FrameType
from typing import Any, Callable, Iterator

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from dragoman.nlp import CAPS_STAGE
from dragoman.pipeline import Pipeline, Trace, trace
from dragoman.records import Article, Span

SRC = str(Path(__file__).resolve().parents[2] / "src" / "dragoman")
NAMES = ["Iran", "Iraq", "Syria", "Turkey", "Russia", "China", "France", "Germany", "Israel", "Egypt", "Barack Obama", "NATO"]

_MARKS = st.sampled_from(['"', "“", "”", "'", "(", ")", "[", "$", "#", ".", "-", "—", "!", "?", ",", ":", "1"])
_letters = st.text(alphabet="abcXYZ09.-'\"()“”", min_size=1, max_size=12)

_piece = st.one_of(
    # a huge token: one character repeated, or random token characters, some over nlp.max_token_chars
    st.builds(lambda ch, n: ch * n, _MARKS | st.sampled_from(["a", "A", "x"]), st.integers(1, 2500)),
    st.builds(lambda part, n: part * n, _letters, st.integers(1, 300)),
    # a run of one word, or of one short phrase
    st.builds(lambda w, n: (w + " ") * n, st.sampled_from(NAMES + ["he", "said", "the", "his counterpart", "the president"]), st.integers(1, 700)),
    # a run of marks with spaces: quotes that open and close, brackets, dashes
    st.builds(lambda m, n: (m + " ") * n, _MARKS, st.integers(1, 400)),
    # a list of names in one sentence, long enough to pass nlp.max_sentence_entities
    st.builds(lambda n: ", ".join(NAMES[k % len(NAMES)] for k in range(n)) + " met.", st.integers(1, 160)),
    # ordinary sentences, with quotations, and line breaks
    st.sampled_from([
        'Iran said on Monday that it would talk to Iraq. ', '"We will not back down," Obama said. ', "\n", "\n\n",
        "The president met his counterpart. He said they agreed. ", "PUTIN: We will see.\nOBAMA: Yes.\n",
    ]),
)


def _text(pieces: list[str]) -> str:
    return " ".join(pieces)


def _spans(t: Trace) -> Iterator[Span]:
    for r in t.removed:
        yield r.span
    for m in t.actors:
        yield m.span
        if m.antecedent is not None:
            yield m.antecedent
    for q in (*t.quotes, *t.thoughts):
        yield q.span
        if q.cue is not None:
            yield q.cue
        if q.speaker is not None:
            yield q.speaker.span
        yield from (m.span for m in q.about)
    for e in t.events:
        yield from e.evidence
        yield e.source.span
        if e.target is not None:
            yield e.target.span


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(st.lists(_piece, min_size=1, max_size=8))
def test_hostile_text_is_coded_with_spans_into_the_text(pipeline: Pipeline, pieces: list[str]) -> None:
    text = _text(pieces)
    article = Article("hostile", text, "hypothesis")
    t = trace(pipeline, article, candidates=False)
    if t.rejection is not None:
        assert (t.rejection.stage, t.rejection.reason) == ("nlp", "too many tokens")
        return
    for span in _spans(t):
        assert span.doc_id == article.id
        assert 0 <= span.start <= span.end <= len(text)
        assert text[span.start : span.end] == span.text
    caps = pipeline.nlp.caps
    for word_start, word in _words(text):
        if len(word) > caps.token_chars:  # a long run is skipped, and says why
            assert any(r.span.start <= word_start < r.span.end for r in t.removed)  # by a cap, or by clean (a lone line: a heading)
    for sent in t.parsed.sents:
        if len(sent) > caps.sentence_tokens:
            assert any(r.span.start <= sent.start_char < r.span.end for r in t.removed)


def _words(text: str) -> Iterator[tuple[int, str]]:
    at = 0
    for word in text.split():
        at = text.index(word, at)
        yield at, word
        at += len(word)


def test_the_caps_leave_their_notes(pipeline: Pipeline) -> None:
    caps = pipeline.nlp.caps
    long_token = '"' * (caps.token_chars + 1)
    long_sentence = "Talks " + " ".join(["talks"] * caps.sentence_tokens) + "."
    crowd = ", ".join(NAMES[k % 10] for k in range(caps.sentence_entities + 20)) + " met."
    text = f"Iran said it would talk. {long_token} Iraq agreed. {long_sentence} Syria agreed.\n{crowd}\nTurkey agreed."
    t = trace(pipeline, Article("caps", text, "test"), candidates=False)
    reasons = {r.reason.split(" (")[0]: r for r in t.removed if r.stage == CAPS_STAGE}
    assert set(reasons) == {"token longer than nlp.max_token_chars", "sentence longer than nlp.max_sentence_tokens",
                            "sentence with more entities than nlp.max_sentence_entities"}
    assert reasons["token longer than nlp.max_token_chars"].span.text == long_token
    assert reasons["sentence longer than nlp.max_sentence_tokens"].span.text == long_sentence
    assert reasons["sentence with more entities than nlp.max_sentence_entities"].span.text == crowd
    capped = [r.span for r in reasons.values()]
    assert not any(s.start <= m.span.start < s.end for m in t.actors for s in capped)  # the later stages skipped them
    assert {m.span.text for m in t.actors} >= {"Iran", "Iraq", "Syria", "Turkey"}  # and coded the rest


def test_too_many_tokens_is_a_rejection_of_the_nlp_stage(pipeline: Pipeline) -> None:
    words = "Iran " * (pipeline.nlp.caps.tokens + 1)
    t = trace(pipeline, Article("many", words, "test"))
    assert t.rejection is not None and (t.rejection.stage, t.rejection.reason) == ("nlp", "too many tokens")


def _calls(run: Callable[[], Any]) -> int:
    """How many of dragoman's own Python functions ``run`` calls (generators and lambdas included)."""
    count = 0

    def profile(frame: FrameType, event: str, arg: object) -> None:
        nonlocal count
        if event == "call" and frame.f_code.co_filename.startswith(SRC):
            count += 1

    sys.setprofile(profile)
    try:
        run()
    finally:
        sys.setprofile(None)
    return count


# one unit of each text that once cost quadratic work somewhere (docs/architecture.md, "Linear costs and hard caps")
_UNITS = {
    "news with quotes": 'Iran\'s foreign minister said on Monday that Tehran would meet Syria. "We will not back down," Obama said. ',
    "titles and counterparts": "Minister Lavrov met the president. Lavrov said his counterpart agreed. ",
    "pronouns and descriptions": "Hamas attacked Israel. The group said the statement by the army was false. He said they would talk. ",
    "one line per name": "Iran\nClick here to subscribe.\n",
    "names in a row": "Iran Iraq Syria Egypt ",
}


@pytest.mark.parametrize("unit", sorted(_UNITS))
def test_work_grows_linearly(pipeline: Pipeline, unit: str) -> None:
    small, large = (_UNITS[unit] * n for n in (25, 100))
    trace(pipeline, Article("warm", small, "test"), candidates=False)  # caches filled before counting
    calls_small = _calls(lambda: trace(pipeline, Article("small", small, "test"), candidates=False))
    calls_large = _calls(lambda: trace(pipeline, Article("large", large, "test"), candidates=False))
    assert calls_large <= 5.5 * calls_small, f"{unit}: 4 times the text cost {calls_large / calls_small:.1f} times the calls"
