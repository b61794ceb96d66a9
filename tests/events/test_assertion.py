"""Assertion and verbal acts (events/assertion.py, events/speech.py): hand-made sentences, one behaviour each."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from dragoman.errors import DataFileError
from dragoman.events.assertion import load_assertion_lexicon
from dragoman.pipeline import Pipeline, code_article
from dragoman.records import Article, CodedArticle, Event


def _events(pipeline: Pipeline, text: str, date: str = "2022-07-20") -> list[Event]:
    result = code_article(pipeline, Article("t", text, "test", date=dt.date.fromisoformat(date)))
    assert isinstance(result, CodedArticle)
    return list(result.events)


def _dyads(events: list[Event]) -> set[tuple[str | None, str | None, str]]:
    return {(e.source.actor.country, e.target.actor.country if e.target else None, e.root) for e in events}


@pytest.mark.parametrize("text", [
    "Turkey and Russia are scheduled to meet in Geneva next week.",  # a schedule
    "Russia could impose sanctions on Iran.",  # a possibility
    "If Iran attacks Iraq, the United States will respond.",  # a condition
    "Iran plans to attack Iraq.",  # a plan
    "Iran will host talks with Iraq this week.",  # the future, announced by no one
    "Syria has long threatened Israel.",  # a long-standing state
    "The United Nations imposed an arms embargo on Libya in 2011.",  # history
])
def test_unasserted_acts_are_not_events(pipeline: Pipeline, text: str) -> None:
    assert _events(pipeline, text) == []


def test_asserted_act_is_an_event(pipeline: Pipeline) -> None:
    events = _events(pipeline, "Russia imposed sanctions on Iran on Monday.")
    assert ("RUS", "IRN", "16") in _dyads(events) and all(e.assertion == "asserted" for e in events)


def test_announced_intent_is_an_event_of_its_announcer(pipeline: Pipeline) -> None:
    events = _events(pipeline, "Iran said it will host talks with Iraq this week.")
    assert ("IRN", "IRQ", "04") in _dyads(events) and {e.assertion for e in events} == {"announced"}


def test_claimed_act_is_the_claimants_accusation(pipeline: Pipeline) -> None:
    # the attack is only claimed by Obama: coded as his accusation of Iran, not as an Iranian attack
    dyads = _dyads(_events(pipeline, "Obama claimed Iran attacked Iraq."))
    assert ("USA", "IRN", "11") in dyads and ("IRN", "IRQ", "19") not in dyads


def test_neutral_attribution_keeps_the_act(pipeline: Pipeline) -> None:
    # wire copy states facts on a source's authority: "..., officials said"
    events = _events(pipeline, "Iran attacked Iraqi border posts on Monday, Iraqi officials said.")
    assert any((e.source.actor.country, e.target.actor.country if e.target else None, e.root) == ("IRN", "IRQ", "19") and e.assertion == "attributed" for e in events)


def test_unasserted_acts_are_emitted_on_request(pipeline: Pipeline) -> None:
    from dataclasses import replace
    kept = replace(pipeline, events=replace(pipeline.events, emit_unasserted=True))
    events = _events(kept, "Russia could impose sanctions on Iran.")
    assert events and {e.assertion for e in events} == {"possible"}


def test_praise_and_criticism_verdicts(pipeline: Pipeline) -> None:
    assert ("DEU", "RUS", "11") in _dyads(_events(pipeline, "Germany called Russia's invasion a crime against humanity."))
    assert ("TUR", "RUS", "05") in _dyads(_events(pipeline, "Erdogan praised Russia, calling it a reliable partner."))


def test_a_call_with_no_predicate_is_a_phone_call(pipeline: Pipeline) -> None:
    assert ("RUS", "TUR", "04") in _dyads(_events(pipeline, "Putin called Erdogan on Monday."))
    assert not any(e.root == "04" for e in _events(pipeline, "Obama called Iran's government a brutal regime."))


def test_obligation_in_reported_speech_is_an_appeal(pipeline: Pipeline) -> None:
    assert ("CHN", "PRK", "02") in _dyads(_events(pipeline, "China said North Korea should return to talks."))


def test_neutral_speech_is_no_event(pipeline: Pipeline) -> None:
    assert _events(pipeline, "Iran said Iraq held elections in May.") == []


def test_lexicon_rejects_a_bad_class(tmp_path: Path) -> None:
    path = tmp_path / "assertion.tsv"
    path.write_text("# comment\nword\tclass\tnote\nsay\treport\t\nhope\tmaybe\t\n", encoding="utf-8")
    with pytest.raises(DataFileError, match=r"assertion.tsv:4: class 'maybe'"):
        load_assertion_lexicon(path)


@pytest.mark.parametrize("text", [
    "Rebels on Monday attacked a convoy of Iranian troops supporting the Syrian government.",  # a participle describing its noun
    "U.S. troops leave the Philippines.",  # a material act in the simple present: a habit, a caption or a headline
])
def test_standing_relations_are_not_acts(pipeline: Pipeline, text: str) -> None:
    dyads = _dyads(_events(pipeline, text))
    assert not any(d[2] in {"05", "16"} for d in dyads)


def test_a_past_form_like_the_present_is_past(pipeline: Pipeline) -> None:
    assert any(e.root == "17" for e in _events(pipeline, "Israeli settlers set fire to Palestinian homes in Hebron."))


def test_a_verbal_act_in_the_present_is_an_act(pipeline: Pipeline) -> None:
    assert ("USA", "SYR", "11") in _dyads(_events(pipeline, "The United States strongly condemns the attacks by the Syrian government in Aleppo."))


def test_a_belief_is_no_verbal_act(pipeline: Pipeline) -> None:
    assert not any(e.root == "11" for e in _events(pipeline, "South Korea believes Kim Jong Un ordered the killing of his half brother."))


def test_one_sided_verbal_acts_need_the_setting(pipeline: Pipeline) -> None:
    from dataclasses import replace
    text = "Iran vowed on Monday to cooperate."
    assert _events(pipeline, text) == []
    one_sided = replace(pipeline, events=replace(pipeline.events, one_sided="all"))
    assert any(e.target is None and e.root == "03" for e in _events(one_sided, text))
    dyadic = replace(pipeline, events=replace(pipeline.events, one_sided="none"))
    assert _events(dyadic, "Syrian rebels killed six people on Monday.") == []
    assert any(e.target is None and e.root == "18" for e in _events(pipeline, "Syrian rebels killed six people on Monday."))


def test_two_parties_on_the_phone(pipeline: Pipeline) -> None:
    dyads = _dyads(_events(pipeline, "Kerry and his Russian counterpart, Sergei Lavrov, spoke by phone on Monday."))
    assert ("USA", "RUS", "04") in dyads and ("RUS", "USA", "04") in dyads
    assert not any(d[0] == d[1] for d in dyads)  # "his Russian counterpart, Sergei Lavrov" is one party


def test_two_coordinated_parties_of_a_mutual_act_act_on_each_other(pipeline: Pipeline) -> None:
    assert ("USA", "JOR", "03") in _dyads(_events(pipeline, "The United States and Jordan have agreed on a new aid package."))
    # mediators do not mediate between themselves
    assert not any({d[0], d[1]} == {"RUS", "IRN"} for d in _dyads(_events(pipeline, "Moscow and Tehran are facilitating peace talks.")))


def test_prospective_event_noun_is_planned(pipeline: Pipeline) -> None:
    assert _events(pipeline, "The planned summit between Trump and Putin was cancelled.") == []
    assert ("USA", "RUS", "04") in _dyads(_events(pipeline, "The summit between Trump and Putin ended on Monday."))


def test_a_gerund_root_with_no_auxiliary_is_a_topic() -> None:
    # the parse of "... objections to Finland joining NATO ..." when the parser makes the gerund the root
    from spacy.tokens import Doc
    from spacy.vocab import Vocab
    from dragoman.events.assertion import read_assertion
    words = ["Finland", "joining", "NATO", "."]
    doc = Doc(Vocab(), words=words, heads=[1, 1, 1, 1], deps=["nsubj", "ROOT", "obj", "punct"], tags=["NNP", "VBG", "NNP", "."],
              sent_starts=[True, False, False, False])
    assert read_assertion(doc, 1, load_assertion_lexicon()).value == "habitual"
    doc = Doc(Vocab(), words=["Finland", "is", "joining", "NATO", "."], heads=[2, 2, 2, 2, 2], deps=["nsubj", "aux", "ROOT", "obj", "punct"],
              tags=["NNP", "VBZ", "VBG", "NNP", "."], sent_starts=[True, False, False, False, False])
    assert read_assertion(doc, 2, load_assertion_lexicon()).value == "asserted"


def test_an_event_talked_of_or_hoped_for_is_planned(pipeline: Pipeline) -> None:
    dyads = _dyads(_events(pipeline, "The prospect of talks between Iran and Saudi Arabia rose."))
    assert not any(d[2] == "04" for d in dyads)
    # the same noun with a definite article is the event itself
    assert any(d[2] == "04" for d in _dyads(_events(pipeline, "The summit between Iran and Saudi Arabia ended on Monday.")))
