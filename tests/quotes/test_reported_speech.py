"""Reported speech with the trained parser (issue 16): boundaries from the parse, parenthetical cues,
participles, questions, and the attribution mode of each quote."""

from __future__ import annotations

import pytest

from dragoman.pipeline import Pipeline
from dragoman.quotes import extract_quotes
from dragoman.nlp import parse_article
from dragoman.records import Article

from .helpers import mention, parser, run, speaker_of, texts


@pytest.mark.model
def test_clause_ends_with_the_cues_complement(pipeline: Pipeline, cues):
    text = "The military acknowledged that the plane crashed, but it denied a claim by the militants that they shot it down."
    quotes = run(parser(pipeline), cues, text)
    assert "the plane crashed" in texts(quotes, "indirect")


@pytest.mark.model
def test_parenthetical_cue_reports_the_clause_it_interrupts(pipeline: Pipeline, cues):
    text = "Ann Woolson runs the office. The good news for Cruz, Woolson said, is that he is almost guaranteed to attract a media horde."
    quotes = run(parser(pipeline), cues, text, [mention(text, "Ann Woolson", "Ann Woolson"), mention(text, "Woolson", "Ann Woolson", nth=1)])
    reported = [q for q in quotes if q.kind == "indirect"]
    assert any(q.span.text.startswith("is that he is almost guaranteed") for q in reported)
    assert all("Woolson said" not in q.span.text for q in reported)
    assert speaker_of(quotes, "almost guaranteed") == "Ann Woolson"


@pytest.mark.model
def test_long_tail_after_an_inverted_cue(pipeline: Pipeline, cues):
    text = "The Clinton approach is made possible by its resources, said Katie Harbath, Facebook's director of politics and government outreach."
    quotes = run(parser(pipeline), cues, text, [mention(text, "Katie Harbath", "Katie Harbath")])
    assert "The Clinton approach is made possible by its resources" in texts(quotes, "indirect")
    assert speaker_of(quotes, "Clinton approach") == "Katie Harbath"


@pytest.mark.model
def test_participle_after_a_conjunction_and_a_clause_stops_before_the_next(pipeline: Pipeline, cues):
    text = ("Saudi foreign minister Adel al-Jubeir focused on the intervention, saying it would not help Assad remain in power, "
            "suggesting both capitals may be contemplating military action.")
    quotes = run(parser(pipeline), cues, text, [mention(text, "Adel al-Jubeir", "Adel al-Jubeir")])
    assert "it would not help Assad remain in power" in texts(quotes, "indirect")


@pytest.mark.model
def test_a_question_reports_nothing(pipeline: Pipeline, cues):
    assert texts(run(parser(pipeline), cues, "You said Darfur is a repetition of history?"), "indirect") == []


@pytest.mark.model
def test_mode_of_each_quote_and_thought_behind_a_setting(pipeline: Pipeline, cues):
    text = ("Maria Lopez said the budget would pass next week. Maria Lopez tweeted that the vote was fair. "
            "Maria Lopez believes the count was right.")
    nlp = parser(pipeline)
    article = Article("t", text, "test")
    doc = parse_article(nlp, article, ())
    default = extract_quotes(doc, article, (), (), cues)
    assert {q.span.text: q.mode for q in default} == {"the budget would pass next week": "speech", "the vote was fair": "writing"}
    wide = extract_quotes(doc, article, (), (), cues, thought=True)
    assert {q.span.text: q.mode for q in wide}.get("the count was right") == "thought"
    assert pipeline.settings.quotes.thought is False  # by default thought is emitted only when asked for


@pytest.mark.model
def test_directive_reports_what_was_asked(pipeline: Pipeline, cues):
    text = "Jeff Rathke also asked the governments of South East Asia not to turn away boats of people seeking asylum."
    quotes = run(parser(pipeline), cues, text, [mention(text, "Jeff Rathke", "Jeff Rathke")])
    assert "not to turn away boats of people seeking asylum" in texts(quotes, "indirect")


@pytest.mark.model
def test_clause_opening_with_any_noun_phrase_after_a_finite_cue(pipeline: Pipeline, cues):
    text = "Nawar Oliver says only one percent targeted the Islamic State group. An estimated 80,000 people rallied in London."
    quotes = run(parser(pipeline), cues, text, [mention(text, "Nawar Oliver", "Nawar Oliver")])
    assert texts(quotes, "indirect") == ["only one percent targeted the Islamic State group"]


def test_transcript_turns_are_quotes_of_their_label(backend, cues):
    text = ("Mike Pence attacked Tim Kaine in the debate.\n\nPENCE: Well, that is absolutely right. We will rebuild the military.\n\n"
            "KAINE: No, it is not. The governor is wrong about that.\n\nQ: What about Syria?")
    quotes = run(backend, cues, text, [mention(text, "Mike Pence", "Mike Pence"), mention(text, "Tim Kaine", "Tim Kaine")])
    turns = {q.span.text: (q.kind, q.speaker.actor.name if q.speaker else None) for q in quotes}
    assert turns["Well, that is absolutely right. We will rebuild the military."] == ("direct", "Mike Pence")
    assert turns["No, it is not. The governor is wrong about that."] == ("direct", "Tim Kaine")
    assert turns["What about Syria?"] == ("direct", None)


def test_one_label_is_no_transcript(backend, cues):
    text = "WARNING: the roads are closed. Officials said the storm would pass."
    assert all(not q.span.text.startswith("the roads") for q in run(backend, cues, text))


@pytest.mark.model
def test_clause_running_into_a_quotation_is_one_mixed_quote(pipeline: Pipeline, cues):
    text = "Maria Lopez said it is unrealistic to think that if the U.S. pulls back, “our oceans are going to save us.”"
    quotes = run(parser(pipeline), cues, text, [mention(text, "Maria Lopez", "Maria Lopez")])
    assert [(q.kind, q.span.text) for q in quotes] == [
        ("mixed", "it is unrealistic to think that if the U.S. pulls back, “our oceans are going to save us.”")
    ]
    assert speaker_of(quotes, "oceans") == "Maria Lopez"


def test_opening_quotation_attributed_by_the_next_sentence(backend, cues):
    text = "“We will not back down from this fight.”\n\nThat was the message from Theresa May on Monday."
    quotes = run(backend, cues, text, [mention(text, "Theresa May", "Theresa May")])
    assert speaker_of(quotes, "back down") == "Theresa May"


def test_dateline_is_no_speaker(backend, cues):
    text = "WASHINGTON — Officials said on Monday that more troops would be sent to Iraq soon."
    quotes = run(backend, cues, text)
    assert all(q.speaker is None or "WASHINGTON" not in q.speaker.span.text for q in quotes)
    assert "more troops would be sent to Iraq soon" in texts(quotes, "indirect")


@pytest.mark.model
def test_a_cue_a_quotation_borrowed_still_reports_its_clause(pipeline: Pipeline, cues):
    text = ("Dalia Yazbeck studies militant groups. “Look how the attacks shocked the whole world.” "
            "She says groups also sometimes have reasons not to claim credit for attacks.")
    quotes = run(parser(pipeline), cues, text, [mention(text, "Dalia Yazbeck", "Dalia Yazbeck")])
    assert "groups also sometimes have reasons not to claim credit for attacks" in texts(quotes, "indirect")


@pytest.mark.model
def test_nested_report_keeps_the_outer_speaker(pipeline: Pipeline, cues):
    text = ('Announcing his death, Hezbollah said Badreddine had told his friends several months ago that he would '
            'return from Syria victorious or "a martyr." The group released a picture.')
    quotes = run(parser(pipeline), cues, text, [mention(text, "Hezbollah", "Hezbollah", kind="group")])
    assert speaker_of(quotes, "friends") == "Hezbollah"


@pytest.mark.model
def test_a_quotation_is_not_also_a_mixed_clause_around_it(pipeline: Pipeline, cues):
    text = ("Peter Cook briefed reporters. “SDF forces have now advanced to within 7.5 kilometers of Tabqa Dam, "
            "and continue to make progress in clearing areas north of Raqqah,” Cook said.")
    quotes = run(parser(pipeline), cues, text, [mention(text, "Peter Cook", "Peter Cook"), mention(text, "Cook", "Peter Cook", nth=1)])
    assert [q.kind for q in quotes] == ["direct"]
