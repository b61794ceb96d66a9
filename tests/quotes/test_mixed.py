"""Clause-level mixed quotations: the reported clause that carries a quoted phrase."""

from __future__ import annotations

import pytest

from .helpers import mention, run, speaker_of, texts

# (text, expected mixed span, expected speaker) with no actor mentions given.
CLAUSE_CASES = [
    (
        "Hillary Clinton called the Republican frontrunner “ISIS’ best recruiter.”",
        "the Republican frontrunner “ISIS’ best recruiter.”",
        "Hillary Clinton",
    ),
    (
        "Germany’s Chancellor Angela Merkel heralded the deal with Turkey as a “breakthrough.”",
        "the deal with Turkey as a “breakthrough.”",
        "Angela Merkel",
    ),
    (
        "Cruz said any candidate who wants to win Iowa “owes it to the men and women” of the state to answer questions.",
        "any candidate who wants to win Iowa “owes it to the men and women” of the state to answer questions",
        "Cruz",
    ),
    (
        "Maria Lopez slammed the president for not using the term “radical Islamic terrorism.”",
        "the president for not using the term “radical Islamic terrorism.”",
        "Maria Lopez",
    ),
    (
        "In a later tweet, Donald Trump boasted that “everyone” is now following his lead on immigration.",
        "“everyone” is now following his lead on immigration",
        "Donald Trump",
    ),
]


@pytest.mark.parametrize(("text", "clause", "speaker"), CLAUSE_CASES)
def test_phrase_widened_to_clause(backend, cues, text, clause, speaker):
    quotes = run(backend, cues, text)
    assert clause in texts(quotes, "mixed"), texts(quotes)
    assert speaker_of(quotes, clause) == speaker


def test_clause_before_post_cue(backend, cues):
    quotes = run(backend, cues, "The new plan was “dead on arrival,” Maria Lopez said.")
    assert texts(quotes) == ["The new plan was “dead on arrival,”"]
    assert quotes[0].kind == "mixed" and speaker_of(quotes, "dead") == "Maria Lopez"


def test_embedded_sentence_quote_is_part_of_the_clause(backend, cues):
    text = "Trump said Sunday that he believed the war would end, but not until Obama “admits this is a problem.”"
    quotes = run(backend, cues, text)
    assert [q.kind for q in quotes] == ["mixed"]
    assert quotes[0].span.text.startswith("he believed the war would end")
    assert quotes[0].span.text.endswith("“admits this is a problem.”")


def test_quote_opening_its_own_clause_stays_direct(backend, cues):
    text = "Ann Lee told CNN that her company would never sell drones to Russia, as “we support Ukraine and its people”."
    quotes = run(backend, cues, text)
    assert "we support Ukraine and its people" in texts(quotes, "direct")
    assert "her company would never sell drones to Russia" in texts(quotes, "indirect")


def test_two_cues_two_clauses(backend, cues):
    text = "He pledged to enact judicial reform and fix the “broken” finance system and he said that the “billionaire class” must pay."
    he = mention(text, "He", "Bernie Sanders", rule="pronoun.he")
    quotes = run(backend, cues, text, [he])
    spans = texts(quotes)
    assert any(s.startswith("to enact judicial reform") and "said" not in s for s in spans), spans
    assert any(s.startswith("the “billionaire class”") for s in spans), spans


def test_later_cue_of_a_new_clause_does_not_attribute_the_phrase(backend, cues):
    text = "The senator pledged a “political revolution” and said that he would win."
    quotes = run(backend, cues, text)
    phrase = [q for q in quotes if "political revolution" in q.span.text]
    assert phrase and phrase[0].cue is not None and phrase[0].cue.text == "pledged"


def test_referred_to_as_label_stays_the_phrase(backend, cues):
    text = "The Turkish president later referred to his counterpart as “my dear friend Putin” during a dinner."
    assert texts(run(backend, cues, text)) == ["my dear friend Putin"]


def test_scare_quote_without_cue_still_dropped(backend, cues):
    quotes = run(backend, cues, "The so-called “experts” were out in force at the fair on Monday.")
    assert quotes == ()


def test_states_as_a_noun_is_no_cue(backend, cues):
    text = "And he vowed to “take our fight” to the 35 states that vote next."
    he = mention(text, "he", "Bernie Sanders", rule="pronoun.he")
    quotes = run(backend, cues, text, [he])
    assert quotes[0].cue is not None and quotes[0].cue.text == "vowed"
    assert quotes[0].speaker is not None and quotes[0].speaker.actor.name == "Bernie Sanders"
