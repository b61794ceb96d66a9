"""Hand-made tricky cases for direct quotes and short quoted phrases."""

from __future__ import annotations

import pytest

from dragoman.records import RemovedSpan, Span

from .helpers import mention, run, speaker_of, texts

# (text, expected quote text, expected speaker name) with no actor mentions given.
NAMED_CASES = [
    ('"We will win," said Maria Lopez.', "We will win", "Maria Lopez"),
    ("“We will win,” Lopez said.", "We will win", "Lopez"),
    ("“We will win,” Lopez told reporters on Monday.", "We will win", "Lopez"),
    ("“We will not back down.” said Jane Doe, a senator from Ohio.", "We will not back down.", "Jane Doe"),
    ("Maria Lopez said: “The budget is a disaster for families.”", "The budget is a disaster for families.", "Maria Lopez"),
    ("Maria Lopez warned: “This will end badly.”", "This will end badly.", "Maria Lopez"),
    ("“The talks failed,” said Democratic pollster Stan Greenberg.", "The talks failed", "Stan Greenberg"),
    ("«Nous gagnerons la bataille,» said Marie Curie.", "Nous gagnerons la bataille", "Marie Curie"),
    ("“Prices will rise again this year,” Sen. Ted Cruz said.", "Prices will rise again this year", "Ted Cruz"),
    ("“Nobody expected this outcome today,” Maria Lopez, a lawyer in Ohio, told CNN.", "Nobody expected this outcome today", "Maria Lopez"),
    ("Gov. John Kasich (R-OH), said, “I am getting ready to rent a covered wagon.”", "I am getting ready to rent a covered wagon.", "John Kasich"),
    ("Said Dorothy Poynter, who grew up nearby, “We were all so proud of him.”", "We were all so proud of him.", "Dorothy Poynter"),
    ("“It is over,” according to Paul Smith.", "It is over", "Paul Smith"),
]


@pytest.mark.parametrize(("text", "quote", "speaker"), NAMED_CASES)
def test_named_speaker(backend, cues, text, quote, speaker):
    quotes = run(backend, cues, text)
    assert quote in texts(quotes)
    assert speaker_of(quotes, quote) == speaker


def test_quote_marks_not_in_span(backend, cues):
    quotes = run(backend, cues, "“We will win,” Lopez said.")
    assert not any(ch in quotes[0].span.text for ch in "“”\"")


def test_cue_span_is_the_verb(backend, cues):
    quotes = run(backend, cues, "“We will win,” Lopez said.")
    assert quotes[0].cue is not None and quotes[0].cue.text == "said"


def test_multi_sentence_quote(backend, cues):
    text = "“We moved forward. Not all issues are resolved. But it is good,” Putin told Erdogan."
    quotes = run(backend, cues, text, [mention(text, "Putin", "Vladimir Putin"), mention(text, "Erdogan", "Recep Tayyip Erdogan")])
    assert texts(quotes) == ["We moved forward. Not all issues are resolved. But it is good"]
    assert quotes[0].speaker is not None and quotes[0].speaker.actor.name == "Vladimir Putin"


def test_split_quote_both_halves_same_speaker(backend, cues):
    text = "“The plan is dead,” he said. “We need a new one before winter.”"
    m = mention(text, "he", "Tom Baker", rule="pronoun.previous")
    quotes = run(backend, cues, text, [m])
    assert texts(quotes) == ["The plan is dead", "We need a new one before winter."]
    assert [q.speaker.actor.name for q in quotes if q.speaker] == ["Tom Baker", "Tom Baker"]


def test_continuation_quote_takes_previous_speaker(backend, cues):
    text = "“The vote was stolen,” said Ann Lee. “We will appeal the ruling in every court.”"
    quotes = run(backend, cues, text)
    assert speaker_of(quotes, "appeal") == "Ann Lee"
    assert [q.cue for q in quotes][1] is None


def test_continuation_paragraphs(backend, cues):
    text = "“The vote was stolen,” said Ann Lee.\n\n“We will appeal the ruling in every court.”"
    quotes = run(backend, cues, text)
    assert speaker_of(quotes, "appeal") == "Ann Lee"


def test_no_continuation_after_unrelated_sentence(backend, cues):
    text = "“The vote was stolen,” said Ann Lee. The court met on Monday. The weather was cold. “Nobody knows what happens next in this case.”"
    quotes = run(backend, cues, text)
    assert speaker_of(quotes, "Nobody knows") is None


def test_pronoun_after_quote_is_previous_speaker_even_if_gender_differs(backend, cues):
    text = "“They want a deal,” said Hanna Notte. “But they are careful,” he added."
    he = mention(text, "he", "Recep Tayyip Erdogan", rule="pronoun.previous")
    quotes = run(backend, cues, text, [he])
    second = [q for q in quotes if "careful" in q.span.text][0]
    assert second.speaker is not None
    assert second.speaker.actor.name == "Hanna Notte"
    assert second.speaker.rule == "quote.continuation-pronoun"
    assert second.speaker.span.text == "he"


def test_pronoun_resolved_by_actors_stage(backend, cues):
    text = "Erdogan arrived in Tehran. “We expect support from Iran and Russia,” he told a news conference."
    he = mention(text, "he", "Recep Tayyip Erdogan", rule="pronoun.previous")
    quotes = run(backend, cues, text, [mention(text, "Erdogan", "Recep Tayyip Erdogan"), he])
    assert speaker_of(quotes, "We expect") == "Recep Tayyip Erdogan"
    assert quotes[0].speaker.rule == "pronoun.previous"


def test_unresolved_pronoun_is_null(backend, cues):
    quotes = run(backend, cues, "The hall was full. “We expect support from our friends,” he told a news conference.")
    assert texts(quotes) == ["We expect support from our friends"]
    assert quotes[0].speaker is None


def test_unattributed_quote_kept_with_null_speaker(backend, cues):
    quotes = run(backend, cues, "“This is the end of an era for all of us.”")
    assert texts(quotes) == ["This is the end of an era for all of us."]
    assert quotes[0].speaker is None and quotes[0].kind == "direct"


def test_participle_speaker_is_main_subject_not_object(backend, cues):
    text = "Ali Khamenei warned Erdogan against an invasion, saying “an invasion will benefit the terrorists.”"
    ms = [mention(text, "Ali Khamenei", "Ali Khamenei"), mention(text, "Erdogan", "Recep Tayyip Erdogan")]
    quotes = run(backend, cues, text, ms)
    assert speaker_of(quotes, "benefit") == "Ali Khamenei"


def test_participle_speaker_without_mentions(backend, cues):
    text = "Supreme Leader Ali Khamenei warned Erdogan against an invasion, saying “an invasion will benefit the terrorists.”"
    assert speaker_of(run(backend, cues, text), "benefit") == "Ali Khamenei"


def test_dash_introduced_quote(backend, cues):
    text = "Paul Smith — “We never agreed to these terms at all.”"
    assert speaker_of(run(backend, cues, text), "never agreed") == "Paul Smith"


def test_nested_single_quotes_stay_inside(backend, cues):
    text = "“He called it ‘a cancer in our system’ and left the room,” said Ann Lee."
    quotes = run(backend, cues, text)
    assert texts(quotes) == ["He called it ‘a cancer in our system’ and left the room"]


def test_straight_quotes_with_apostrophes(backend, cues):
    text = "\"We don't know what Trump's team wants,\" said Ann Lee."
    quotes = run(backend, cues, text)
    assert texts(quotes) == ["We don't know what Trump's team wants"]


def test_single_quotes_top_level(backend, cues):
    text = "Ann Lee said: ‘We will fight this decision in court.’"
    quotes = run(backend, cues, text)
    assert "We will fight this decision in court." in texts(quotes)


def test_scare_quote_without_cue_left_out(backend, cues):
    text = "Erdogan this week repeated threats to “freeze” their membership."
    quotes = run(backend, cues, text, [mention(text, "Erdogan", "Recep Tayyip Erdogan")])
    assert all(q.speaker is None or q.speaker.actor.name == "Recep Tayyip Erdogan" for q in quotes if q.span.text == "freeze")


def test_short_phrase_with_naming_cue_is_mixed(backend, cues):
    text = "The Turkish president later referred to his counterpart as “my dear friend Putin” during a dinner."
    title = mention(text, "The Turkish president", "Recep Tayyip Erdogan", rule="title.role")
    quotes = run(backend, cues, text, [title, mention(text, "Putin", "Vladimir Putin")])
    assert texts(quotes) == ["my dear friend Putin"]
    assert quotes[0].kind == "mixed"
    assert quotes[0].speaker.actor.name == "Recep Tayyip Erdogan"


def test_title_in_quotes_is_not_a_quote(backend, cues):
    quotes = run(backend, cues, "He appeared on “Saturday Night Live” last week.")
    assert quotes == ()


def test_show_name_after_told_is_not_a_quote(backend, cues):
    text = "“Of course he is fair game,” Fiorina told “Fox and Friends.”"
    quotes = run(backend, cues, text)
    assert texts(quotes) == ["Of course he is fair game"]


def test_stray_opening_mark_affects_only_its_sentence(backend, cues):
    text = ("The minister spoke about “reform. The budget passed on Monday. "
            "“We will not raise taxes,” said Ann Lee. Markets rose.")
    quotes = run(backend, cues, text)
    assert speaker_of(quotes, "raise taxes") == "Ann Lee"
    assert not any("budget passed" in t for t in texts(quotes))


def test_stray_closing_mark_is_ignored(backend, cues):
    text = "The budget passed” on Monday. “We will not raise taxes,” said Ann Lee."
    quotes = run(backend, cues, text)
    assert texts(quotes) == ["We will not raise taxes"]


def test_unclosed_paragraph_quote_takes_next_speaker(backend, cues):
    text = "“We did everything we could to stop it.\n\n“But the storm was too strong,” said Ann Lee."
    quotes = run(backend, cues, text)
    assert speaker_of(quotes, "everything we could") == "Ann Lee"


def test_removed_span_skipped(backend, cues):
    text = "Subscribe to “our free daily newsletter today,” said the editor. “We will win,” said Ann Lee."
    end = text.index("Ann") - len("“We will win,” said ")
    removed = (RemovedSpan(Span("t", 0, end, text[:end]), "newsletter", "clean.test"),)
    quotes = run(backend, cues, text, removed=removed)
    assert texts(quotes) == ["We will win"]


def test_quote_split_across_two_quotes_same_sentence_speaker_between(backend, cues):
    text = "“Nobody,” Ann Lee said, “expected the vote to go this way.”"
    quotes = run(backend, cues, text)
    assert speaker_of(quotes, "Nobody") == "Ann Lee"


def test_acronym_alone_not_a_person(backend, cues):
    quotes = run(backend, cues, "“The plan is good for the country,” CNN reported.")
    assert quotes[0].speaker is None


def test_speaker_mention_preferred_over_name_fallback(backend, cues):
    text = "“We will win,” said Hanna Notte, an analyst at the Center in Vienna."
    m = mention(text, "Hanna Notte", "Hanna Notte")
    quotes = run(backend, cues, text, [m, mention(text, "Vienna", "Austria", kind="state")])
    assert quotes[0].speaker == m


def test_empty_doc(backend, cues):
    assert run(backend, cues, "") == ()


def test_a_sentence_adverb_after_a_quotation_is_no_speaker(backend, cues):
    text = "“It is part of history,” he said. “It is worse now.” Additionally, both countries are using the dispute, says Max Abrahms."
    quotes = run(backend, cues, text)
    assert all(speaker_of(quotes, q.span.text[:10]) != "Additionally" for q in quotes)
