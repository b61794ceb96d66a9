"""The PolNeAR scorer on hand-made records: the article scorer's quote rules plus the speech-cue part."""

from __future__ import annotations

from typing import Mapping

from dragoman.eval.articles import GoldQuote, speech_cue
from dragoman.eval.polnear import evaluate_polnear
from dragoman.records import Actor, ActorMention, Article, CodedArticle, MentionSource, Quote, Rejection, Span

TEXT = "“We will win,” said Ann Lee. He said the vote was fair. Lee believes the count is right."


def _record() -> dict[str, object]:
    return {
        "id": "r1",
        "text": TEXT,
        "quotes": [
            {"quote_spans": [[0, 14]], "speaker": "Ann Lee", "type": "direct", "cue": "said"},
            {"quote_spans": [[37, 54]], "speaker": "He", "type": "indirect", "cue": "said"},
            {"quote_spans": [[69, 87]], "speaker": "Lee", "type": "indirect", "cue": "believes"},
        ],
    }


def _coded(*quotes: Quote) -> CodedArticle:
    return CodedArticle(Article("r1", TEXT, "t"), (), (), (), quotes)


def test_perfect_predictions_and_the_speech_part() -> None:
    who = ActorMention(Span("r1", 20, 27, "Ann Lee"), Actor(None, "Ann Lee", None, "person"), "kb", "t", MentionSource.PERSON)

    def perfect(record: Mapping[str, object]) -> CodedArticle | Rejection:
        return _coded(
            Quote(Span("r1", 1, 12, TEXT[1:12]), "direct", who, None, "t"),
            Quote(Span("r1", 37, 53, TEXT[37:53]), "indirect", None, None, "t"),
        )

    scores = evaluate_polnear([_record()], perfect)
    assert scores["quotes_direct_mixed"] == {**scores["quotes_direct_mixed"], "recall": 1.0, "precision": 1.0, "speaker_acc": 1.0}  # type: ignore[dict-item]
    # two indirect gold attributions, one found; the "believes" one is not reported speech
    assert scores["quotes_indirect"]["recall"] == 0.5  # type: ignore[index]
    assert scores["quotes_indirect_speech"]["quotes_gold"] == 1 and scores["quotes_indirect_speech"]["recall"] == 1.0  # type: ignore[index]


def test_speech_part_precision_counts_any_attribution() -> None:
    # A reported clause predicted over the "believes" attribution is right for the speech part's precision.
    def believes(record: Mapping[str, object]) -> CodedArticle | Rejection:
        return _coded(Quote(Span("r1", 69, 87, TEXT[69:87]), "indirect", None, None, "t"))

    scores = evaluate_polnear([_record()], believes)
    assert scores["quotes_indirect_speech"]["recall"] == 0.0 and scores["quotes_indirect_speech"]["precision"] == 1.0  # type: ignore[index]
    empty = evaluate_polnear([_record()], lambda record: _coded())
    assert empty["quotes_direct_mixed"]["recall"] == 0.0 and empty["quotes_direct_mixed"]["quotes_pred"] == 0  # type: ignore[index]


def test_speech_cue_reads_the_last_word() -> None:
    accepts = speech_cue(frozenset({"said", "told"}))

    def quote(cue: str | None) -> GoldQuote:
        return GoldQuote((), None, "indirect", True, False, cue)

    assert accepts(quote("has said")) and accepts(quote("According to")) and accepts(quote(" told "))
    assert not accepts(quote("said in")) and not accepts(quote("believes")) and not accepts(quote(None))
