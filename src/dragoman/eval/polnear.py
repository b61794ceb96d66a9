"""Score quote extraction against PolNeAR attributions, as the reference scorer does.

PolNeAR records (``id``, ``text``, ``quotes`` with ``type``, ``quote_spans``, ``speaker`` and
``cue``) are article gold with quotes only, so they are scored by the article scorer's quote
rules (``eval/articles.py``, the conventions of ``../shared/gold/score.py``): groups
``quotes_direct``, ``quotes_direct_mixed``, ``quotes_indirect``, and ``quotes_indirect_speech``
(the indirect attributions whose cue is a verb of speaking or writing, or "according to";
``eval/data/speech_cues.tsv``). Each group reports recall, precision and the speaker accuracy
of the found quotes whose gold speaker is a name.
"""

from __future__ import annotations

from typing import Callable, Iterable, Mapping

from dragoman.eval.articles import gold_article, score_article_gold
from dragoman.records import CodedArticle, Rejection


def evaluate_polnear(
    records: Iterable[Mapping[str, object]],
    code: Callable[[Mapping[str, object]], CodedArticle | Rejection],
    source: str = "polnear",
) -> dict[str, object]:
    """The quote figures of ``code`` (the whole pipeline, or a part of it, on one record as
    ``dragoman code`` reads it: text, date, title) on PolNeAR ``records``."""
    golds = []
    results: list[CodedArticle | Rejection] = []
    for number, record in enumerate(records, start=1):
        gold = gold_article(record, f"{source}:{number}")
        golds.append(gold)
        results.append(code(record))
    report = score_article_gold(golds, results)
    return {"articles": len(golds), **{k: v for k, v in report.items() if k != "events_cameo_root"}}
