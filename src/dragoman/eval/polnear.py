"""Score quote extraction against PolNeAR attributions.

A gold attribution's text is the union of its ``quote_spans`` minus quotation marks and
edge spaces; a predicted quote's text is its span. Matching is character overlap, each
side measured against its own length (the usual soft span score):

* a gold quote is found when the predicted quotes of the same group cover >= ``overlap``
  of its characters (several predictions may share it: a quote split by "he said");
* a predicted quote is correct when gold quotes of the same group cover >= ``overlap``
  of its characters.

Groups: ``direct`` + ``mixed`` (kinds interchangeable, as annotators disagree on them) and
``indirect``. The speaker of a found gold quote is right when the gold speaker's surname
(last capitalised word of its first comma-separated part, possessive dropped) is a word
of the resolved speaker name or of the speaker span; only gold speakers that are names
(not pronouns, not descriptions such as "the judge" or "The email", whose only capital is
the determiner that opens them) are scored.
"""

from __future__ import annotations

import re
from typing import Callable, Iterable, Mapping

from dragoman.records import Article, Quote

_MARKS = frozenset("\"“”‘’«»'")
_PRONOUNS = frozenset({"he", "she", "they", "we", "i", "it", "you", "his", "her", "their"})
_OFFICES = frozenset(
    "secretary minister director president governor mayor chairman chairwoman chair head leader chief member "
    "speaker attorney commissioner ambassador spokesman spokeswoman spokesperson professor dean".split()
)
_GROUPS = {"direct": "direct", "mixed": "direct", "indirect": "indirect"}
# Capitalised only because they open the gold speaker: "The judge", "One strategist", "Another",
# "Several". They are descriptions, not surnames.
_DETERMINERS = frozenset("the a an one another some several many most both all each other others this that these those two three".split())


def gold_chars(text: str, spans: Iterable[Iterable[int]]) -> frozenset[int]:
    """Character offsets of a gold quote, quotation marks and spaces excluded."""
    chars: set[int] = set()
    for start, end in spans:
        chars.update(i for i in range(start, end) if text[i] not in _MARKS and not text[i].isspace())
    return frozenset(chars)


def pred_chars(text: str, quote: Quote) -> frozenset[int]:
    return frozenset(i for i in range(quote.span.start, quote.span.end) if text[i] not in _MARKS and not text[i].isspace())


def _head(speaker: str) -> str:
    """The part of a gold speaker that names them: the first comma part, or the next one when
    the first only describes ("Sanders's campaign manager, Jeff Weaver"); "X of Place" cut."""
    parts = [re.sub(r"\([^)]*\)", " ", p).strip() for p in speaker.split(",")]  # "(D-Conn.)" dropped
    head = parts[0]
    names = [w for w in head.split() if w[:1].isupper() and not w.endswith(("'s", "’s", "s'"))]
    if len(parts) > 1 and not names[1:] and (not names or names[0].lower() in _DETERMINERS):
        head = parts[1] or head
    before, of, _ = head.partition(" of ")
    last = before.split()[-1] if before.split() else ""
    if of and last[:1].isupper() and last.lower() not in _OFFICES and len(before.split()) >= 2:
        head = before  # "Patricia Moran of Cheyenne", not "Secretary of State John Kerry"
    return head


def surname(speaker: str | None) -> str | None:
    """The surname of a gold speaker that is a name, else None ("he", "the group", no speaker)."""
    if not speaker:
        return None
    words = [w.strip(".()\"“”") for w in _head(speaker).split()]
    words = [w[:-2] if w.endswith(("'s", "’s")) else w.rstrip("'’") for w in words]
    caps = [w for w in words if w[:1].isupper() and w.lower() not in _PRONOUNS and w.lower() not in _DETERMINERS]
    if not caps:
        return None
    return caps[-1]


def speaker_matches(gold_speaker: str | None, quote: Quote) -> bool:
    name = surname(gold_speaker)
    if name is None or quote.speaker is None:
        return False
    words: set[str] = set()
    for source in (quote.speaker.actor.name or "", quote.speaker.span.text):
        for word in source.split():
            word = word.strip(".,;:()\"“”")
            if word.endswith(("'s", "’s")):
                word = word[:-2]
            words.add(word.rstrip("'’").lower())
    return name.lower() in words


def _score(hits: int, total: int) -> float:
    return hits / total if total else 0.0


def evaluate_polnear(
    records: Iterable[Mapping[str, object]],
    code: Callable[[Article], tuple[Quote, ...]],
    overlap: float = 0.5,
) -> dict[str, object]:
    """Recall and precision per group at ``overlap``, and speaker accuracy on direct+mixed.

    ``records`` are PolNeAR JSONL records (``id``, ``text``, ``quotes``); ``code`` turns an
    Article into quotes (the whole pipeline, or a part of it).
    """
    counts = {g: {"gold": 0, "found": 0, "pred": 0, "correct": 0} for g in ("direct", "indirect")}
    named = right = 0
    articles = 0
    for record in records:
        text = str(record["text"])
        article = Article(str(record["id"]), text, "polnear")
        quotes = code(article)
        articles += 1
        golds = [q for q in record["quotes"] if isinstance(q, dict)]  # type: ignore[attr-defined]
        for group in ("direct", "indirect"):
            gold = [(g, gold_chars(text, g["quote_spans"])) for g in golds if _GROUPS.get(g["type"]) == group]
            preds = [(p, pred_chars(text, p)) for p in quotes if _GROUPS[p.kind] == group]
            gold_union = frozenset().union(*(c for _, c in gold)) if gold else frozenset()
            pred_union = frozenset().union(*(c for _, c in preds)) if preds else frozenset()
            c = counts[group]
            c["gold"] += len(gold)
            c["pred"] += len(preds)
            c["correct"] += sum(1 for _, chars in preds if chars and len(chars & gold_union) >= overlap * len(chars))
            for g, chars in gold:
                if not chars or len(chars & pred_union) < overlap * len(chars):
                    continue
                c["found"] += 1
                if group != "direct" or surname(g.get("speaker")) is None:
                    continue
                named += 1
                best = max(preds, key=lambda pc: len(pc[1] & chars))[0]
                right += speaker_matches(g.get("speaker"), best)
    result: dict[str, object] = {"articles": articles, "overlap": overlap}
    for group, c in counts.items():
        label = "direct+mixed" if group == "direct" else group
        result[label] = {
            **c,
            "recall": round(_score(c["found"], c["gold"]), 4),
            "precision": round(_score(c["correct"], c["pred"]), 4),
        }
    result["speaker"] = {"named_gold_found": named, "right": right, "accuracy": round(_score(right, named), 4)}
    return result
