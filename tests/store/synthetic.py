"""Hand-built coded articles for store tests (no pipeline needed)."""

from __future__ import annotations

import datetime as dt

from dragoman.records import Actor, ActorMention, Article, CodedArticle, Event, MentionSource, Quote, RemovedSpan, Span

COUNTRIES = ("TUR", "RUS", "IRN", "UKR", "USA", "SYR")
QUAD = {"01": 1, "04": 1, "05": 1, "06": 2, "07": 2, "11": 3, "12": 3, "17": 4, "19": 4}


def mention(doc: str, text: str, start: int, code: str) -> ActorMention:
    return ActorMention(Span(doc, start, start + len(text), text), Actor(code, f"name of {code}", code[:3], "state"), "test.rule", "test", MentionSource.PERSON)


def coded_article(n: int, events: int = 3, day: dt.date = dt.date(2022, 7, 20)) -> CodedArticle:
    """Article ``n``: ``events`` sentences "AAA acted on BBB." with one event each, and one quote."""
    doc = f"doc{n:06d}"
    parts, evs = [], []
    pos = 0
    mentions = []
    for i in range(events):
        a, b = COUNTRIES[(n + i) % len(COUNTRIES)], COUNTRIES[(n + i + 1 + i % 2) % len(COUNTRIES)]
        root = tuple(QUAD)[(n * 7 + i) % len(QUAD)]
        sentence = f"{a} acted on {b}. "
        src, tgt = mention(doc, a, pos, a), mention(doc, b, pos + len(a) + 10, b)
        mentions += [src, tgt]
        evidence = Span(doc, pos, pos + len(sentence) - 2, sentence[:-2])
        evs.append(Event(src, tgt, root + "0", root, "CONSULT", float((n + i) % 21 - 10), QUAD[root],
                         day + dt.timedelta(days=(n * 3 + i) % 400), None, (evidence,), "test.pattern", 0.9, "test"))
        parts.append(sentence)
        pos += len(sentence)
    quote_text = "We will talk"
    text = "".join(parts) + f'"{quote_text}," {COUNTRIES[n % 6]} said. Subscribe now.'
    qstart = pos + 1
    quote = Quote(Span(doc, qstart, qstart + len(quote_text), quote_text), "direct", mentions[0] if mentions else None, None, "test")
    rstart = text.index("Subscribe")
    removed = RemovedSpan(Span(doc, rstart, len(text), text[rstart:]), "promo", "test")
    article = Article(doc, text, f"synthetic/{doc}.txt", f"Article {n}", day)
    return CodedArticle(article, (removed,), tuple(mentions), tuple(evs), (quote,))
