"""Hand-made cases for indirect speech."""

from __future__ import annotations

import pytest

from .helpers import mention, run, speaker_of, texts

CASES = [
    ("Maria Lopez said that the budget would pass next week.", "the budget would pass next week", "Maria Lopez"),
    ("Maria Lopez said the budget would pass next week.", "the budget would pass next week", "Maria Lopez"),
    ("Maria Lopez told CNN on Monday that the budget would pass.", "the budget would pass", "Maria Lopez"),
    ("Maria Lopez said in a statement that the budget would pass.", "the budget would pass", "Maria Lopez"),
    ("The budget would pass next week, Maria Lopez said.", "The budget would pass next week", "Maria Lopez"),
    ("The budget would pass next week, said Maria Lopez.", "The budget would pass next week", "Maria Lopez"),
    ("The budget would pass next week, according to Maria Lopez.", "The budget would pass next week", "Maria Lopez"),
    ("According to Maria Lopez, the budget would pass next week.", "the budget would pass next week", "Maria Lopez"),
    ("Maria Lopez insisted that the budget was balanced.", "the budget was balanced", "Maria Lopez"),
]


@pytest.mark.parametrize(("text", "clause", "speaker"), CASES)
def test_reported_clause(backend, cues, text, clause, speaker):
    quotes = run(backend, cues, text)
    assert clause in texts(quotes, "indirect")
    assert speaker_of(quotes, clause) == speaker


def test_saying_participle_takes_previous_quote_speaker(backend, cues):
    text = "“They want a deal,” said Hanna Notte. “But they are careful,” he added, saying the leaders share a view of the world."
    quotes = run(backend, cues, text)
    assert speaker_of(quotes, "the leaders share") == "Hanna Notte"


def test_noun_object_is_not_a_clause(backend, cues):
    text = "Joe Biden declared his support for sales of fighter jets to Turkey."
    assert texts(run(backend, cues, text)) == []


def test_warned_object_is_not_a_clause(backend, cues):
    text = "Ali Khamenei warned Erdogan against further invasion during talks in his office."
    assert texts(run(backend, cues, text)) == []


def test_think_tank_is_not_a_cue(backend, cues):
    text = "Lund works at the Century Foundation think tank in New York."
    assert texts(run(backend, cues, text)) == []


def test_full_quote_cut_off_indirect_clause(backend, cues):
    text = ("Haluk Bayraktar told CNN that his company would never sell drones to Russia, "
            "as “we support Ukraine, the sovereignty and its resistance”.")
    quotes = run(backend, cues, text)
    assert "his company would never sell drones to Russia" in texts(quotes, "indirect")
    assert "we support Ukraine, the sovereignty and its resistance" in texts(quotes, "direct")
    assert speaker_of(quotes, "we support") == "Haluk Bayraktar"


def test_clause_with_short_quoted_phrase_is_mixed(backend, cues):
    text = "Maria Lopez said the plan was “dead on arrival” in the Senate."
    quotes = run(backend, cues, text)
    assert [q.kind for q in quotes] == ["mixed"]
    assert quotes[0].span.text == "the plan was “dead on arrival” in the Senate"


def test_cue_inside_quote_not_indirect(backend, cues):
    text = "“My father said we would never leave this town,” Ann Lee told reporters."
    quotes = run(backend, cues, text)
    assert [q.kind for q in quotes] == ["direct"]


def test_pronoun_subject_resolved_by_mentions(backend, cues):
    text = "Erdogan spoke. He said Turkey would keep its troops in Syria."
    he = mention(text, "He", "Recep Tayyip Erdogan", rule="pronoun.previous")
    quotes = run(backend, cues, text, [mention(text, "Erdogan", "Recep Tayyip Erdogan"), he])
    assert speaker_of(quotes, "Turkey would keep") == "Recep Tayyip Erdogan"


def test_indirect_unresolved_pronoun_is_null(backend, cues):
    quotes = run(backend, cues, "He said the troops would stay in Syria for now.")
    assert texts(quotes, "indirect") == ["the troops would stay in Syria for now"]
    assert quotes[0].speaker is None


def test_split_complement_is_one_clause_without_its_source(backend, cues):
    # the parse splits "would only increase | hate for ..." into two complements; the report's source is no part
    text = "Ali Khamenei said the attacks would only increase hate for the U.S. and Saudi governments, according to state media."
    quotes = run(backend, cues, text)
    assert "the attacks would only increase hate for the U.S. and Saudi governments" in texts(quotes, "indirect")

