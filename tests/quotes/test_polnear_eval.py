"""The PolNeAR scorer on hand-made records."""

from __future__ import annotations

from dragoman.eval.polnear import evaluate_polnear, surname
from dragoman.records import Actor, ActorMention, MentionSource, Quote, Span


def _record():
    text = "“We will win,” said Ann Lee. He said the vote was fair."
    return {
        "id": "r1",
        "text": text,
        "quotes": [
            {"quote_spans": [[0, 14]], "speaker": "Ann Lee", "type": "direct"},
            {"quote_spans": [[37, 54]], "speaker": "He", "type": "indirect"},
        ],
    }


def test_surname():
    assert surname("Democratic pollster Stan Greenberg") == "Greenberg"
    assert surname("Bush's") == "Bush"
    assert surname("he") is None and surname(None) is None and surname("the group") is None


def test_perfect_and_empty_predictions():
    record = _record()
    text = record["text"]

    def perfect(article):
        who = ActorMention(Span("r1", 20, 27, "Ann Lee"), Actor(None, "Ann Lee", None, "person"), "kb", "t", MentionSource.PERSON)
        return (
            Quote(Span("r1", 1, 12, text[1:12]), "direct", who, None, "t"),
            Quote(Span("r1", 37, 53, text[37:53]), "indirect", None, None, "t"),
        )

    scores = evaluate_polnear([record], perfect)
    assert scores["direct+mixed"]["recall"] == 1.0 and scores["direct+mixed"]["precision"] == 1.0
    assert scores["indirect"]["recall"] == 1.0
    assert scores["speaker"]["accuracy"] == 1.0
    empty = evaluate_polnear([record], lambda article: ())
    assert empty["direct+mixed"]["recall"] == 0.0 and empty["direct+mixed"]["pred"] == 0


def test_surname_edge_cases():
    assert surname("Sen. Chris Murphy (D-Conn.)") == "Murphy"
    assert surname("Patricia Moran of Cheyenne") == "Moran"
    assert surname("Secretary of State John Kerry") == "Kerry"
    assert surname("Sanders's campaign manager, Jeff Weaver,") == "Weaver"
    assert surname("Nargis Kassenova, an expert at KIMEP University") == "Kassenova"


def test_speaker_match_keeps_a_final_s():
    from dragoman.eval.polnear import speaker_matches

    who = ActorMention(Span("r", 0, 13, "Susan Collins"), Actor(None, "Susan Collins", None, "person"), "kb", "t", MentionSource.PERSON)
    quote = Quote(Span("r", 20, 30, "x" * 10), "direct", who, None, "t")
    assert speaker_matches("Sen. Susan Collins", quote)
    assert speaker_matches("Collins's", quote)
    assert not speaker_matches("Sen. Susan Collin", quote)


def test_description_opened_by_a_determiner_is_no_name():
    # A capitalised determiner is no surname: "The judge" and "One strategist" are not scored,
    # and a name after a describing first part is still found.
    for described in ("The judge", "The email", "One strategist", "Another", "Several", "A friend", "Some students"):
        assert surname(described) is None, described
    assert surname("One of the university's top executives, Michael Sexton,") == "Sexton"
    assert surname("The Democratic National Committee") == "Committee"
