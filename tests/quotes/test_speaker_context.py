"""Speakers found beyond the quote's own sentence or behind long runs of words: the cue in the
next sentence, a colon ending the previous paragraph, long appositions, a possessor or title
before the name, a participle continuing an earlier attribution, the subject of the sentence
before. Each rule has a case that must not fire."""

from __future__ import annotations

import pytest

from dragoman.pipeline import Pipeline

from .helpers import mention, parser, run, speaker_of

# -- the cue in the next sentence (the splitter cut after "!”" / "?”") ---------------------


def test_cue_in_next_sentence_on_same_line(backend, cues):
    text = (
        "The vote began. “The great state of Alabama is proud to cast its votes for Donald J. Trump!” "
        "US Senator Jeff Sessions said as he launched the process."
    )
    assert speaker_of(run(backend, cues, text), "great state") == "Jeff Sessions"


def test_cue_in_next_paragraph_is_not_taken(backend, cues):
    text = "The vote began.\n\n“The great state of Alabama is proud to cast its votes tonight!”\n\nSessions said the vote was over."
    assert speaker_of(run(backend, cues, text), "great state") is None


# -- a colon that ends the previous paragraph ----------------------------------------------


def test_colon_ending_previous_paragraph_with_inverted_cue(backend, cues):
    text = "Stated Stone:\n\n“I think that the stakes are so high for all of us this year.”"
    assert speaker_of(run(backend, cues, text), "stakes") == "Stone"


def test_colon_ending_previous_paragraph_with_a_noun_cue(backend, cues):
    text = "President Clinton released the following statement:\n\n“Hillary and I offer our condolences to the family.”"
    quotes = run(backend, cues, text, [mention(text, "Clinton", "Bill Clinton")])
    assert speaker_of(quotes, "condolences") == "Bill Clinton"


def test_colon_ending_previous_paragraph_without_a_speaker(backend, cues):
    text = "Wait, it gets better:\n\n“By law, the president sets the maximum number of refugees every year.”"
    assert speaker_of(run(backend, cues, text), "By law") is None


# -- an apposition longer than the cue window ----------------------------------------------


def test_long_apposition_before_the_cue(backend, cues):
    text = (
        "“Discrimination against LGBT people should never be sanctioned by the state,” Sarah Warbelow, "
        "legal director for the gay rights group Human Rights Campaign, said in a statement."
    )
    assert speaker_of(run(backend, cues, text), "Discrimination") == "Sarah Warbelow"


def test_cue_after_a_long_apposition_needs_a_comma(backend, cues):
    text = (
        "“Nothing we could do now would make a difference right now,” Fred Kagan, director of the Critical "
        "Threats Project at the hawkish American Enterprise Institute and a veteran of the war who then told reporters so."
    )
    assert speaker_of(run(backend, cues, text), "Nothing we could") is None


# -- a possessor or a title word before the inverted name ----------------------------------


@pytest.mark.parametrize(
    ("text", "surface", "name", "speaker"),
    [
        ("“October provided a resurgence for her,” said former Obama adviser David Axelrod.", "Obama", "Barack Obama", "David Axelrod"),
        ("“This has to be the first time,” said Clinton’s top foreign policy aide Jake Sullivan.", "Clinton", "Hillary Clinton", "Jake Sullivan"),
        ("“We took the state tonight,” said Obama in Chicago.", "Obama", "Barack Obama", "Barack Obama"),
    ],
)
def test_inverted_name_after_a_possessor_or_modifier(backend, cues, text, surface, name, speaker):
    assert speaker_of(run(backend, cues, text, [mention(text, surface, name)]), text[1:8]) == speaker


# -- a participle continuing an earlier quote's attribution --------------------------------


def test_participle_after_attributed_quote_in_same_sentence(backend, cues):
    text = (
        "“I think John Kasich would be the best nominee,” Graham said on MSNBC’s “Morning Joe,” adding, "
        "“John Kasich’s problem is he is an insider in an outsider year.”"
    )
    quotes = run(backend, cues, text, [mention(text, "Graham", "Lindsey Graham")])
    assert speaker_of(quotes, "insider") == "Lindsey Graham"


def test_participle_whose_own_phrase_has_no_earlier_verb_cue(backend, cues):
    text = "The foundation did not want to address “that person,” telling Fox 35 that it is busy with other work."
    quotes = run(backend, cues, text)
    assert all(q.speaker is None or q.speaker.actor.name != "Fox" for q in quotes if "busy" in q.span.text)


# -- with the trained parser ---------------------------------------------------------------


@pytest.mark.model
def test_noun_tagged_cue_form_is_not_a_cue(pipeline: Pipeline, cues):
    text = (
        "Additionally, Clinton said: “I have acknowledged repeatedly that using two email accounts was a mistake,” "
        "but in fact Clinton used only one email account as secretary of state."
    )
    quotes = run(parser(pipeline), cues, text, [mention(text, "Clinton", "Hillary Clinton")])
    q = next(q for q in quotes if "acknowledged" in q.span.text)
    assert q.cue is not None and q.cue.text == "said"
    assert q.speaker is not None and q.speaker.actor.name == "Hillary Clinton"


@pytest.mark.model
def test_subject_nearest_the_cue_and_not_in_a_modifier(pipeline: Pipeline, cues):
    text = (
        "In response to the tragic loss of life, Republican presidential nominee Donald Trump issued the following "
        "statement:\n\n“Our prayers are with all those affected by the horrible attacks in Munich.”"
    )
    quotes = run(parser(pipeline), cues, text, [mention(text, "Donald Trump", "Donald Trump")])
    assert speaker_of(quotes, "prayers") == "Donald Trump"


@pytest.mark.model
def test_name_in_an_apposition_modifier_is_not_the_subject(pipeline: Pipeline, cues):
    text = "Former Arizona governor Jan Brewer, an early supporter of Trump, calls the issue of security “a priority” for women."
    quotes = run(parser(pipeline), cues, text, [mention(text, "Trump", "Donald Trump")])
    assert speaker_of(quotes, "priority") == "Jan Brewer"


@pytest.mark.model
def test_lone_person_subject_of_previous_sentence(pipeline: Pipeline, cues):
    text = "Priebus rejected that idea.\n\n“We know that the voters do not care about his tax returns at all.”\n\nThe debate went on."
    quotes = run(parser(pipeline), cues, text, [mention(text, "Priebus", "Reince Priebus")])
    assert speaker_of(quotes, "We know") == "Reince Priebus"


@pytest.mark.model
def test_previous_sentence_with_two_persons_gives_none(pipeline: Pipeline, cues):
    text = "Priebus rejected the idea from Todd.\n\n“We know that the voters do not care about his tax returns at all.”\n\nThe debate went on."
    ms = [mention(text, "Priebus", "Reince Priebus"), mention(text, "Todd", "Chuck Todd")]
    assert speaker_of(run(parser(pipeline), cues, text, ms), "We know") is None


@pytest.mark.model
def test_previous_sentence_subject_not_taken_when_quote_runs_on(pipeline: Pipeline, cues):
    text = (
        "Gay rights groups condemned the bill.\n\n“Discrimination should never be sanctioned by the state,” "
        "the group added in a statement on its website."
    )
    q = next(q for q in run(parser(pipeline), cues, text) if "Discrimination" in q.span.text)
    assert q.speaker is None or q.speaker.actor.name != "Gay"
