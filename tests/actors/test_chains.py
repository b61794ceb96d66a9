"""Entity chains: one id per actor through the article, in the output contract and the store."""

from __future__ import annotations

import datetime as dt

from dragoman.actors.chains import assign_entities, entities_of
from dragoman.contract import article_to_json
from dragoman.pipeline import Pipeline, code_article
from dragoman.records import Actor, ActorMention, Article, CodedArticle, MentionRole, MentionSource, Span


def _m(start: int, text: str, actor: Actor, rule: str, antecedent: Span | None = None) -> ActorMention:
    found_by = MentionSource.SURNAME if rule == "person.surname" else MentionSource(rule.split(".")[0])
    role = MentionRole.PLACE if rule.endswith(".place") else MentionRole.ACTOR
    return ActorMention(Span("a", start, start + len(text), text), actor, rule, "test", found_by, role, antecedent)


def test_mentions_join_by_reference_and_by_identity() -> None:
    kim = Actor("PRKGOV", "Kim Jong Un", "PRK", "person", "GOV", "kim-jong-un")
    syr = Actor("SYRGOV", "Government of Syria", "SYR", "state", "GOV")
    first = _m(0, "Kim Jong Un", kim, "person.name")
    mentions = (
        first,
        _m(20, "Mr. Kim", kim, "person.surname", first.span),
        _m(30, "Syria", Actor("SYR", "Syria", "SYR", "state"), "country.place"),
        _m(40, "Damascus", syr, "capital.name"),
        _m(60, "he", kim, "pronoun.he", Span("a", 20, 27, "Mr. Kim")),
        _m(70, "Syrian officials", syr, "adjective.sector"),
        _m(90, "Kim Jong Un", kim, "person.name"),
    )
    chained = assign_entities(mentions)
    assert [m.entity for m in chained] == [1, 1, None, 2, 1, 2, 1]
    entities = entities_of(chained)
    assert [(e.id, e.actor.name, e.mentions, e.first.text) for e in entities] == [
        (1, "Kim Jong Un", 4, "Kim Jong Un"), (2, "Government of Syria", 2, "Damascus")]


def test_chains_are_in_the_output_and_quote_speakers_use_them(pipeline: Pipeline) -> None:
    text = ("North Korean leader Kim Jong Un fired two missiles on Monday. "
            "\u201cWe will not stop,\u201d Mr. Kim said. South Korean officials condemned the launch.")
    coded = code_article(pipeline, Article("k", text, "test", date=dt.date(2016, 5, 1)))
    assert isinstance(coded, CodedArticle)
    out = article_to_json(coded)
    kim = [a for a in out["actors"] if a["name"] == "Kim Jong Un"]
    assert len(kim) >= 2 and len({a["entity"] for a in kim}) == 1
    entity = next(e for e in out["entities"] if e["id"] == kim[0]["entity"])
    assert entity["code"] == "PRKGOV" and entity["mentions"] == len(kim)
    [quote] = [q for q in out["quotes"] if q["kind"] == "direct"]
    assert quote["speaker"]["name"] == "Kim Jong Un" and quote["speaker"]["entity"] == kim[0]["entity"]


def _names(pipeline: Pipeline, text: str, day: dt.date) -> dict[str, str | None]:
    coded = code_article(pipeline, Article("k", text, "test", date=day))
    assert isinstance(coded, CodedArticle)
    return {m.span.text: m.actor.name for m in coded.actors}


def test_incoming_holder_is_the_successor_not_the_incumbent(pipeline: Pipeline) -> None:
    # three days before the inauguration the president is Obama; "the incoming president" and "the new U.S. leader" are Trump
    text = ("Donald Trump met advisers. Ukrainian President Petro Poroshenko spoke on Monday. "
            "In the weekend interview, the incoming president suggested sanctions on Russia might be lifted. "
            "Poroshenko warned the new U.S. leader.")
    names = _names(pipeline, text, dt.date(2017, 1, 17))
    assert names["president"] == "Donald Trump"
    assert names["U.S. leader"] == "Donald Trump"
    # the same words after the inauguration name the holder of the day
    assert _names(pipeline, "The U.S. president spoke.", dt.date(2017, 6, 1))["U.S. president"] == "Donald Trump"


def test_a_document_refers_back_to_its_issuer(pipeline: Pipeline) -> None:
    text = "The State Department's annual report on religious freedom was released on Wednesday. The report denounced Iran."
    coded = code_article(pipeline, Article("k", text, "test", date=dt.date(2016, 8, 10)))
    assert isinstance(coded, CodedArticle)
    report = next(m for m in coded.actors if m.span.text == "report" and m.span.start > 60)
    assert report.actor.code == "USAGOVSTA"
    assert any(e.root == "11" and e.source.actor.code == "USAGOVSTA" for e in coded.events)


def test_a_pronoun_outside_a_quotation_does_not_take_a_name_inside_it(pipeline: Pipeline) -> None:
    text = ("Saudi Foreign Minister Adel al-Jubeir spoke to reporters on Saturday. "
            "“There will be no Bashar al-Assad in the future,” he told a German newspaper.")
    coded = code_article(pipeline, Article("k", text, "test", date=dt.date(2016, 2, 14)))
    assert isinstance(coded, CodedArticle)
    he = next(m for m in coded.actors if m.span.text == "he")
    assert he.actor.name == "Adel al-Jubeir"


def test_a_sector_placed_in_a_region_is_named_by_it(pipeline: Pipeline) -> None:
    names = {m.span.text: (m.actor.name, m.actor.code) for m in code_article(
        pipeline, Article("k", "Six newspapers in New Jersey criticized him. Police in Texas arrested a man.", "test", date=dt.date(2016, 2, 1))).actors}  # type: ignore[union-attr]
    assert names["newspapers"] == ("Media of New Jersey", "USAMED")
    assert names["Police"] == ("Police of Texas", "USACOP")


def test_an_adjective_before_a_description_head_is_no_reference(pipeline: Pipeline) -> None:
    text = "Islamic State militants attacked the town. The international coalition is assisting the Iraqi government."
    coded = code_article(pipeline, Article("k", text, "test", date=dt.date(2016, 1, 1)))
    assert isinstance(coded, CodedArticle)
    assert not any(m.span.text.endswith("coalition") and m.actor.code == "IMGINSISI" for m in coded.actors)
