"""Speakers given as descriptions, behind appositions, or with cues not in the lexicon."""

from __future__ import annotations

import pytest

from .helpers import mention, run, speaker_of


def _speaker_text(quotes, fragment):
    for q in quotes:
        if fragment in q.span.text:
            return q.speaker.span.text if q.speaker else None
    raise AssertionError(fragment)


DESCRIPTIONS = [
    ("“I never knew what would happen at trial,” the Senate Democratic leader said.", "never knew", "the Senate Democratic leader"),
    ("“The message was clear to everyone in the room,” said a former law enforcement official who asked not to be named.", "message was clear", "a former law enforcement official"),
    ("“Nothing will change until we vote them out,” the campaign’s new ad says.", "Nothing will change", "the campaign’s new ad"),
]


@pytest.mark.parametrize(("text", "fragment", "described"), DESCRIPTIONS)
def test_description_speaker_kept(backend, cues, text, fragment, described):
    quotes = run(backend, cues, text)
    q = next(q for q in quotes if fragment in q.span.text)
    assert q.speaker is not None and q.speaker.rule == "quote.description"
    assert q.speaker.span.text == described
    assert q.speaker.actor.name is None  # nothing guessed beyond the text


def test_description_plural_is_a_group(backend, cues):
    quotes = run(backend, cues, "“He said no more parts in comments to officers,” law enforcement sources said.")
    assert quotes[0].speaker is not None and quotes[0].speaker.actor.kind == "group"


def test_lone_determiner_is_not_a_description(backend, cues):
    quotes = run(backend, cues, "“We will see what happens next year,” this said.")
    assert quotes[0].speaker is None


APPOSITIONS = [
    ("Tad Devine, Sanders's chief strategist, said, “The contest will be decided by the delegates.”", "contest", "Tad Devine"),
    ("Alixandria Lapp, executive director of the House Majority PAC, a Democratic super PAC, said, “Republicans are going to be dragged down.”", "dragged down", "Alixandria Lapp"),
    ("Sen. Claire McCaskill (D-Mo.), who has endorsed Clinton, said, “Sanders has pushed her to be a stronger candidate.”", "stronger candidate", "Claire McCaskill"),
]


@pytest.mark.parametrize(("text", "fragment", "speaker"), APPOSITIONS)
def test_subject_behind_apposition_chain(backend, cues, text, fragment, speaker):
    assert speaker_of(run(backend, cues, text), fragment) == speaker


def test_unlisted_verb_after_comma_closed_quote(backend, cues):
    text = "“Your reputation is amazing,” Trump assured Jones after the show."
    quotes = run(backend, cues, text, [mention(text, "Trump", "Donald Trump"), mention(text, "Jones", "Alex Jones")])
    assert speaker_of(quotes, "reputation") == "Donald Trump"
    assert quotes[0].cue is not None and quotes[0].cue.text == "assured"


def test_unlisted_inverted_verb(backend, cues):
    text = "“OK, for a start, his wife has explained why she chose not to speak,” barked John Oliver."
    assert speaker_of(run(backend, cues, text), "for a start") == "John Oliver"


def test_unlisted_verb_needs_a_closing_comma(backend, cues):
    text = "He read “The Art of the Deal” Trump wanted to publish."
    assert all(q.speaker is None for q in run(backend, cues, text))


def test_sentence_running_on_after_quote_has_no_far_cue(backend, cues):
    text = "Any candidate “owes it to the men and women of Iowa and beyond” of the state to answer questions."
    quotes = run(backend, cues, text)
    assert all(q.cue is None or q.cue.text != "answer" for q in quotes)


def test_surname_mention_from_actors_stage_is_the_speaker(backend, cues):
    text = "Aaron Lund spoke first. “That has been the modus operandi all along,” Lund said."
    full = mention(text, "Aaron Lund", "Aaron Lund", rule="person.unknown")
    sur = mention(text, "Lund", "Aaron Lund", rule="person.surname", nth=1)
    quotes = run(backend, cues, text, [full, sur])
    assert speaker_of(quotes, "modus operandi") == "Aaron Lund"
    assert _speaker_text(quotes, "modus operandi") == "Lund"


def test_colon_after_a_clause_takes_the_sentence_subject(backend, cues):
    text = "Sanders delivered a snappy retort: “No one is tearing this up. We are going forward.”"
    quotes = run(backend, cues, text, [mention(text, "Sanders", "Bernie Sanders")])
    assert speaker_of(quotes, "tearing") == "Bernie Sanders"


def test_colon_without_a_subject_gives_none(backend, cues):
    quotes = run(backend, cues, "In the end, it was simple: “No one is tearing this up. We are going forward.”")
    assert quotes[0].speaker is None


def test_coordinated_cue_takes_the_opening_subject(backend, cues):
    text = "Lazar said he welcomed extradition and added, “I'll plead guilty, no problem.”"
    assert speaker_of(run(backend, cues, text), "plead guilty") == "Lazar"


def test_second_segment_in_clause_shares_the_speaker(backend, cues):
    text = "Andy Murray said he’s “looking forward to it” because “these are matches you play for.”"
    quotes = run(backend, cues, text)
    assert all(q.speaker is not None and q.speaker.actor.name == "Andy Murray" for q in quotes), quotes


AFFILIATED = [
    ("“I want Bernie in the fold,” said Sen. Sherrod Brown of Ohio, another potential VP choice.", "Bernie in the fold", "Brown"),
    ("“I'd like to see the party be as democratic as possible,” said Sen. Tammy Baldwin of Wisconsin.", "democratic as possible", "Baldwin"),
    ("Former Clinton Senior Adviser Sidney Blumenthal said that he has “no idea” what to say.", "no idea", "Blumenthal"),
]


@pytest.mark.parametrize(("text", "fragment", "surname"), AFFILIATED)
def test_the_speaker_is_the_person_not_the_place_or_the_boss_beside_them(pipeline, text, fragment, surname):
    import datetime as dt

    from dragoman.pipeline import code_article
    from dragoman.records import Article, CodedArticle

    coded = code_article(pipeline, Article("q", text, "test", date=dt.date(2016, 6, 1)))
    assert isinstance(coded, CodedArticle)
    q = next(q for q in coded.quotes if fragment in q.span.text)
    assert q.speaker is not None and surname in (q.speaker.actor.name or q.speaker.span.text)


def test_a_quotation_inside_a_reporting_verbs_clause_takes_its_subject(pipeline):
    import datetime as dt

    from dragoman.pipeline import code_article
    from dragoman.records import Article, CodedArticle

    text = "\"Let me take this opportunity to thank the thousands of volunteers\" for the victory, Sanders said."
    coded = code_article(pipeline, Article("q", text, "test", date=dt.date(2016, 2, 10)))
    assert isinstance(coded, CodedArticle)
    q = next(q for q in coded.quotes if "Let me take" in q.span.text)
    assert q.speaker is not None and q.speaker.span.text == "Sanders" and q.cue is not None and q.cue.text == "said"


def test_partitive_subject_gives_way_to_the_name_in_apposition(pipeline):
    from dragoman.pipeline import code_article
    from dragoman.records import Article

    text = "Hundreds gathered outside the embassy. “I'm deeply saddened,” said one of them, Kim Grey, 40, from Texas."
    coded = code_article(pipeline, Article("t", text, "test"))
    assert _speaker_text(coded.quotes, "deeply saddened") == "Kim Grey"


def test_inverted_cue_at_the_sentence_end_attributes_the_next_quote(pipeline):
    from dragoman.pipeline import code_article
    from dragoman.records import Article

    text = ("There are questions over its ability to reinforce the unit in Syria, warned Haldun Solmazturk. "
            "\"In a country like Turkey, I doubt if such thousands are available.\" Image made from militant video posted online.")
    coded = code_article(pipeline, Article("t", text, "test"))
    q = next(q for q in coded.quotes if "I doubt" in q.span.text)
    assert q.speaker is not None and q.speaker.span.text == "Haldun Solmazturk"
    assert q.cue is None  # "posted" in the caption after it is no cue of this quotation


def test_according_to_a_description_then_the_name_in_apposition(pipeline):
    from dragoman.pipeline import code_article
    from dragoman.records import Article

    text = ("According to the Afghan team's coach, Alireza Mehraban, in their first match the robot scored two points. "
            "According to Afghan Ambassador to the United States Hamdullah Mohib, the visit shows progress. "
            "According to a recent poll of Indiana voters, Trump leads the field.")
    coded = code_article(pipeline, Article("t", text, "test"))
    first = next(q for q in coded.quotes if "robot scored" in q.span.text)
    assert first.speaker is not None and first.speaker.span.text == "Alireza Mehraban"
    assert first.span.text.startswith("in their first match")  # the name is the source's, not the clause's
    assert _speaker_text(coded.quotes, "visit shows progress") == "Hamdullah Mohib"  # not the country he is accredited to
    poll = next(q for q in coded.quotes if "leads the field" in q.span.text)
    assert poll.speaker is None or poll.speaker.span.text != "Trump"  # the clause's subject is no apposition
