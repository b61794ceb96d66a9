"""The article-gold scorer's conventions (eval/articles.py), on hand-written articles and output."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from dragoman.errors import GoldFormatError
from dragoman.eval.articles import actor_key, gold_article, load_article_gold, score_article_gold
from dragoman.records import Actor, ActorKind, ActorMention, Article, CodedArticle, Event, MentionSource, Quote, QuoteKind, RemovedSpan, Span

TEXT = (
    "Russia and China held talks in Beijing on Monday. "
    "Subscribe to our daily newsletter. "
    "The United States criticised Iran. "
    '"We will not give up," Mr. Lavrov said. '
    "Officials said the talks would go on."
)
ARTICLE = Article("a1", TEXT, "test")


def span(text: str, occurrence: int = 0) -> Span:
    start = -1
    for _ in range(occurrence + 1):
        start = TEXT.index(text, start + 1)
    return Span("a1", start, start + len(text), text)


def mention(text: str, code: str | None, country: str | None, name: str | None = None, kind: ActorKind = "state") -> ActorMention:
    return ActorMention(span(text), Actor(code, name or text, country, kind), "test", "test", MentionSource.COUNTRY)


RUS = mention("Russia", "RUS", "RUS")
CHN = mention("China", "CHN", "CHN")
USA = mention("The United States", "USAGOV", "USA", "United States")
IRN = mention("Iran", "IRN", "IRN")


def event(source: ActorMention, target: ActorMention | None, root: str, evidence: str) -> Event:
    return Event(source, target, root + "0", root, "", 0.0, 1, None, None, (span(evidence),), "test", 1.0, "test")


def quote(text: str, kind: QuoteKind, speaker: ActorMention | None) -> Quote:
    return Quote(span(text), kind, speaker, None, "test")


def coded(events: tuple[Event, ...] = (), quotes: tuple[Quote, ...] = (), actors: tuple[ActorMention, ...] = (),
          removed: tuple[str, ...] = ()) -> CodedArticle:
    return CodedArticle(ARTICLE, tuple(RemovedSpan(span(r), "test", "clean") for r in removed), actors, events, quotes)


def gold(**fields: Any) -> dict[str, Any]:
    return {"id": "a1", "text": TEXT, "events": [], "quotes": [], "actors": {}, "boilerplate": [], **fields}


def gold_event(source: str | None, target: str | None, roots: list[str], required: bool = True) -> dict[str, Any]:
    return {"source": source, "target": target, "roots": roots, "required": required, "evidence": ""}


def score(record: dict[str, Any], output: CodedArticle) -> dict[str, Any]:
    return score_article_gold([gold_article(record, "test")], [output])


def test_actor_key_compares_countries_and_igos() -> None:
    assert actor_key("USAGOV") == "USA"
    assert actor_key("IGOUNOWHO") == "IGO"
    assert actor_key("NGOAMN") == "NGO"
    assert actor_key("JAPGOV") == "JPN"  # legacy CAMEO code
    assert actor_key(None, "rus") == "RUS"
    assert actor_key("", None) is None


def test_first_root_04_matches_either_direction() -> None:
    talks = event(CHN, RUS, "04", "held talks")
    assert score(gold(events=[gold_event("RUS", "CHN", ["04"])]), coded((talks,)))["events_cameo_root"]["recall"] == 1.0
    # 04 as a second reading only: the direction counts
    assert score(gold(events=[gold_event("RUS", "CHN", ["03", "04"])]), coded((talks,)))["events_cameo_root"]["recall"] == 0.0


def test_null_source_or_target_is_a_wildcard() -> None:
    criticism = event(USA, IRN, "11", "criticised")
    no_target = event(USA, None, "11", "criticised")
    report = score(gold(events=[gold_event(None, "IRN", ["11"]), gold_event("USAMIL", None, ["11"])]), coded((criticism, no_target)))
    assert report["events_cameo_root"]["found"] == 2 and report["events_cameo_root"]["right"] == 2


def test_one_prediction_per_distinct_triple_and_optional_gold() -> None:
    twice = (event(USA, IRN, "11", "criticised"), event(USA, IRN, "11", "criticised"))
    report = score(gold(events=[gold_event("USA", "IRN", ["11"], required=False), gold_event("RUS", "CHN", ["04"])]), coded(twice))
    e = report["events_cameo_root"]
    assert (e["events_pred"], e["right"], e["precision"]) == (1, 1, 1.0)  # the optional event makes it right
    assert (e["events_gold"], e["recall"]) == (1, 0.0)  # only required events count for recall


def test_prediction_from_boilerplate_is_junk_but_still_finds() -> None:
    junk = event(USA, IRN, "11", "Subscribe")  # evidence inside the junk run
    record = gold(events=[gold_event("USA", "IRN", ["11"])], boilerplate=["Subscribe to our daily newsletter."])
    e = score(record, coded((junk,)))["events_cameo_root"]
    assert (e["from_junk"], e["right"], e["events_pred"], e["precision"]) == (1, 0, 1, 0.0)
    assert e["recall"] == 1.0  # as the reference scorer counts it


def test_article_without_gold_events_is_left_out() -> None:
    e = score(gold(events=[], quotes=[{"quote": "We will not give up,", "speaker": "Sergey Lavrov", "type": "direct", "required": True}]),
              coded((event(USA, IRN, "11", "criticised"),)))
    assert "events_cameo_root" not in e
    record = gold(events=[gold_event("USA", "IRN", ["11"])])
    both = score_article_gold([gold_article(record, "t"), gold_article({**gold(), "id": "a2"}, "t")],
                              [coded((event(USA, IRN, "11", "criticised"),)), CodedArticle(Article("a2", TEXT, "t"), (), (), (event(RUS, CHN, "04", "held talks"),), ())])
    assert both["events_cameo_root"]["events_pred"] == 1


def test_quote_found_with_speaker_surname() -> None:
    lavrov = mention("Mr. Lavrov", "RUSGOV", "RUS", "Sergey Lavrov", "person")
    record = gold(quotes=[
        {"quote": "We will not give up,", "speaker": "Sergey Lavrov, foreign minister", "type": "direct", "required": True},
        {"quote": "the talks would go on", "speaker": "officials", "type": "indirect", "required": True},
    ])
    report = score(record, coded(quotes=(quote("We will not give up,", "direct", lavrov), quote("the talks would go on", "indirect", None))))
    direct = report["quotes_direct"]
    assert (direct["recall"], direct["precision"], direct["speaker_acc"], direct["speaker_scored"]) == (1.0, 1.0, 1.0, 1)
    # "officials" is no name: the quote is found, its speaker not scored
    assert (report["quotes_indirect"]["recall"], report["quotes_indirect"]["speaker_scored"]) == (1.0, 0)


def test_quote_mostly_outside_the_gold_is_wrong() -> None:
    record = gold(quotes=[{"quote": "up", "speaker": "Sergey Lavrov", "type": "direct", "required": True}])
    report = score(record, coded(quotes=(quote("We will not give up,", "direct", None),)))
    assert (report["quotes_direct"]["recall"], report["quotes_direct"]["precision"]) == (0.0, 0.0)


def test_actor_surface_matches_inside_or_around() -> None:
    lavrov = mention("Lavrov", "RUSGOV", "RUS", "Sergey Lavrov", "person")
    report = score(gold(actors={"Mr. Lavrov": "Sergey Lavrov", "Iran": "Iran"}), coded(actors=(lavrov,)))
    assert (report["actors"]["right"], report["actors"]["n"]) == (1, 2)


def test_boilerplate_removed_when_nine_tenths_are_cut() -> None:
    record = gold(boilerplate=["Subscribe to our daily newsletter."])
    assert score(record, coded(removed=("Subscribe to our daily newsletter",)))["boilerplate"]["removed"] == 1
    half = score(record, coded(removed=("Subscribe to our", "Beijing")))["boilerplate"]
    assert half["removed"] == 0 and half["precision"] == round(len("Subscribe to our") / len("Subscribe to ourBeijing"), 3)


def test_gold_files_concatenate_and_errors_name_the_line(tmp_path: Path) -> None:
    one = tmp_path / "one.json"
    one.write_text(json.dumps(gold()), encoding="utf-8")
    many = tmp_path / "many.jsonl"
    many.write_text(json.dumps({**gold(), "id": "a2"}) + "\n\n" + json.dumps({**gold(), "id": "a3"}) + "\n", encoding="utf-8")
    assert [g.id for g in load_article_gold([one, many])] == ["a1", "a2", "a3"]
    assert [g.id for g in load_article_gold([one, many], limit=2)] == ["a1", "a2"]
    bad = tmp_path / "bad.jsonl"
    bad.write_text(json.dumps(gold()) + "\n" + json.dumps({**gold(events=[{"source": "USA", "target": None}])}) + "\n", encoding="utf-8")
    with pytest.raises(GoldFormatError, match=r"bad\.jsonl:2: .*roots"):
        load_article_gold([bad])
