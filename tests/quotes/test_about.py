"""What a quote is about (quotes/about.py): the resolved mentions inside it, the speaker's own left out."""

from __future__ import annotations

from dragoman.pipeline import Pipeline, code_article
from dragoman.quotes import add_about
from dragoman.records import Actor, ActorMention, Article, CodedArticle, MentionRole, MentionSource, Quote, Span

TEXT = ("Erdogan said that the Russians must leave Syria and that they had promised him as much. "
        "“I told him that his army is in Syria illegally, and we know it,” Erdogan added.")
ERDOGAN = Actor("TURGOV", "Recep Tayyip Erdogan", "TUR", "person")
RUSSIA = Actor("RUS", "Russia", "RUS", "state")
SYRIA = Actor("SYR", "Syria", "SYR", "state")


def _mention(text: str, nth: int, actor: Actor, found_by: MentionSource, entity: int | None,
             role: MentionRole = MentionRole.ACTOR) -> ActorMention:
    start = -1
    for _ in range(nth + 1):
        start = TEXT.index(text, start + 1)
    return ActorMention(Span("a", start, start + len(text), text), actor, f"{found_by.value}.test", "test", found_by, role, entity=entity)


def _quote(first: str, last: str, speaker: ActorMention | None) -> Quote:
    start, end = TEXT.index(first), TEXT.index(last) + len(last)
    return Quote(Span("a", start, end, TEXT[start:end]), "direct", speaker, None, "test")


SPEAKER = _mention("Erdogan", 0, ERDOGAN, MentionSource.PERSON, 1)
MENTIONS = (
    SPEAKER,
    _mention("Russians", 0, RUSSIA, MentionSource.ADJECTIVE, 2),
    _mention("Syria", 0, SYRIA, MentionSource.COUNTRY, None, MentionRole.PLACE),   # a place: no chain, but a code
    _mention("they", 0, RUSSIA, MentionSource.PRONOUN, 2),                          # resolved to Russia
    _mention("him", 0, ERDOGAN, MentionSource.PRONOUN, 1),                          # the speaker himself
    _mention("I", 0, ERDOGAN, MentionSource.PRONOUN, 3),                            # first person: the speaker, whatever it resolved to
    _mention("his", 0, Actor(None, None, None, "group"), MentionSource.PRONOUN, None),  # resolved to nothing
    _mention("Syria", 1, SYRIA, MentionSource.COUNTRY, None, MentionRole.PLACE),
    _mention("we", 0, RUSSIA, MentionSource.PRONOUN, 2),
    _mention("Erdogan", 1, ERDOGAN, MentionSource.SURNAME, 1),
)


def test_a_quote_is_about_the_resolved_actors_inside_it_not_its_speaker() -> None:
    reported = _quote("the Russians", "as much", SPEAKER)
    direct = _quote("I told", "know it", MENTIONS[-1])
    about = {q.span.text: [(m.span.text, m.actor.code, m.entity) for m in q.about] for q in add_about((reported, direct), MENTIONS)}
    # "him" is Erdogan's own chain; "they" counts as Russia; Syria, a place, counts
    assert about[reported.span.text] == [("Russians", "RUS", 2), ("Syria", "SYR", None), ("they", "RUS", 2)]
    # "I" and "we" are the speaker; "his" resolved to nothing; the speaker's surname after the quote is outside it
    assert about[direct.span.text] == [("Syria", "SYR", None)]


def test_without_a_speaker_every_resolved_mention_counts() -> None:
    [quote] = add_about((_quote("the Russians", "as much", None),), MENTIONS)
    assert [m.span.text for m in quote.about] == ["Russians", "Syria", "they", "him"]


def test_the_pipeline_sets_about(pipeline: Pipeline) -> None:
    text = "Turkish President Recep Tayyip Erdogan met Vladimir Putin in Sochi. “We expect Russia to keep its word,” Erdogan told reporters."
    coded = code_article(pipeline, Article("x", text, "test"))
    assert isinstance(coded, CodedArticle)
    [quote] = [q for q in coded.quotes if q.span.text.startswith("We expect")]
    assert quote.speaker is not None and quote.speaker.actor.name == "Recep Tayyip Erdogan"
    assert [(m.span.text, m.actor.country) for m in quote.about] == [("Russia", "RUS"), ("its", "RUS")]
    assert all(m.entity != quote.speaker.entity for m in quote.about)
