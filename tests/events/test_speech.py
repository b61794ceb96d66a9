"""Verbal acts read from reported speech (src/dragoman/events/speech.py): which actors in the content are judged."""

from __future__ import annotations

import datetime as dt

from dragoman.pipeline import Pipeline, code_article
from dragoman.records import Article, CodedArticle, Event


def _speech(pipeline: Pipeline, text: str) -> set[tuple[str | None, str | None, str]]:
    result = code_article(pipeline, Article("t", text, "test", date=dt.date(2022, 7, 20)))
    assert isinstance(result, CodedArticle)
    events: list[Event] = [e for e in result.events if e.rule.startswith("speech.")]
    return {(e.source.actor.country, e.target.actor.country if e.target else None, e.root) for e in events}


def test_cleft_focus_is_the_criticised_doer(pipeline: Pipeline) -> None:
    found = _speech(pipeline, "Turkish President Recep Tayyip Erdogan said it was Syrian government forces who attacked first.")
    assert ("TUR", "SYR", "11") in found


def test_actor_that_only_qualifies_a_thing_is_no_target(pipeline: Pipeline) -> None:
    found = _speech(pipeline, "French officials said the harsh tariffs on Japanese goods would hurt the poorest workers.")
    assert not any(t == "JPN" for _, t, _ in found)


def test_actor_told_something_is_no_target(pipeline: Pipeline) -> None:
    found = _speech(pipeline, "The French Foreign Ministry said Iran has been informed about its concern over the threat to shipping.")
    assert not any(t == "IRN" for _, t, _ in found)


def test_object_of_a_hostile_word_is_criticised(pipeline: Pipeline) -> None:
    found = _speech(pipeline, "Venezuelan President Nicolas Maduro said the raids would only increase hate for the Colombian government.")
    assert ("VEN", "COL", "11") in found


def test_denied_favour_is_no_praise(pipeline: Pipeline) -> None:
    found = _speech(pipeline, "The German Foreign Ministry said Hungary continued to grant generous privileges to one church that it did not accord to others.")
    assert not any(code == "05" for _, _, code in found)


def test_verdict_on_an_act_named_by_a_pronoun_judges_its_doer(pipeline: Pipeline) -> None:
    found = _speech(pipeline, "A French official called it another sign of Russia violating the ceasefire.")
    assert ("FRA", "RUS", "11") in found


def test_verdict_on_an_act_noun_is_aimed_at_the_act_s_doer(pipeline: Pipeline) -> None:
    found = _speech(pipeline, "China seized an American underwater drone in the South China Sea on Thursday. "
                              "The United States called the seizure illegal.")
    assert ("USA", "CHN", "11") in found


def test_verdict_on_an_act_noun_without_a_doer_is_dropped(pipeline: Pipeline) -> None:
    found = _speech(pipeline, "The United States called the seizure illegal.")
    assert not any(t is None for _, t, _ in found)


def test_warm_verdict_on_an_owned_act_praises_its_doer(pipeline: Pipeline) -> None:
    found = _speech(pipeline, "Syrian Foreign Minister Walid Muallem said Russia's air strikes on the militants were a wise and courageous step.")
    assert ("SYR", "RUS", "05") in found


def test_an_owned_act_doing_something_is_no_praise(pipeline: Pipeline) -> None:
    found = _speech(pipeline, "An Egyptian official said the IMF agreement requires Egypt to raise energy prices to fair international levels.")
    assert not any(code == "05" for _, _, code in found)


def test_condition_getting_better_in_a_country_is_praise_of_it(pipeline: Pipeline) -> None:
    found = _speech(pipeline, "The German Foreign Ministry said the rule of law is slowly improving in Turkey.")
    assert ("DEU", "TUR", "05") in found


def test_condition_getting_worse_in_a_country_is_criticism_of_it(pipeline: Pipeline) -> None:
    found = _speech(pipeline, "The German Foreign Ministry said the human rights situation has deteriorated in Turkey.")
    assert ("DEU", "TUR", "11") in found


def test_people_killed_in_a_country_judge_no_one(pipeline: Pipeline) -> None:
    found = _speech(pipeline, "The German Foreign Ministry said 20 people were killed in Turkey.")
    assert not any(t == "TUR" for _, t, _ in found)


def test_owner_of_a_hostile_predicate_noun_is_criticised(pipeline: Pipeline) -> None:
    found = _speech(pipeline, "The Polish Foreign Ministry said the independent journalists were the Kremlin's foes.")
    assert ("POL", "RUS", "11") in found


def test_negated_hostile_predicate_noun_criticises_no_one(pipeline: Pipeline) -> None:
    found = _speech(pipeline, "The Polish Foreign Ministry said Poland is not the Kremlin's enemy.")
    assert not any(t == "RUS" for _, t, _ in found)


def test_quoted_verdict_after_a_long_object_is_the_predicate(pipeline: Pipeline) -> None:
    found = _speech(pipeline, "The French Foreign Minister called Russian threats to cut gas supplies to Europe “unacceptable and deplorable.”")
    assert ("FRA", "RUS", "11") in found
    assert ("FRA", "RUS", "05") not in found


def test_relayed_speech_is_no_verdict_of_the_relaying_speaker(pipeline: Pipeline) -> None:
    found = _speech(pipeline, "French officials said Blinken told Lavrov that Russia was risking a dangerous escalation and global isolation.")
    assert not any(s == "FRA" for s, _, _ in found)


def test_praise_needs_a_named_target(pipeline: Pipeline) -> None:
    found = _speech(pipeline, "German Finance Minister Olaf Scholz and the other ministers said they will strongly support global growth.")
    assert not any(code == "05" for _, _, code in found)


def test_the_addressee_of_told_is_no_target(pipeline: Pipeline) -> None:
    found = _speech(pipeline, "German Chancellor Olaf Scholz told Turkish President Erdogan the Greek government was ready and willing to help.")
    assert not any(t == "TUR" for _, t, _ in found)
