"""atheris harness over the whole pipeline: any text codes or is rejected, spans point into it (`make fuzz`).

Run: ``python fuzz/pipeline_target.py -max_total_time=300``. The pipeline is loaded once
(a few seconds) before fuzzing starts; dragoman's own modules are instrumented, the libraries not.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import sys
from typing import Iterator

import atheris

with atheris.instrument_imports(include=["dragoman"]):
    from dragoman.pipeline import code_article, load_pipeline
    from dragoman.records import Article, CodedArticle, Span
    from dragoman.settings import load_settings

PIPELINE = load_pipeline(load_settings())


def _spans(value: object) -> Iterator[Span]:
    if isinstance(value, Span):
        yield value
    elif isinstance(value, tuple):
        for v in value:
            yield from _spans(v)
    elif dataclasses.is_dataclass(value) and not isinstance(value, (type, Article)):
        for f in dataclasses.fields(value):
            yield from _spans(getattr(value, f.name))


def test_one_input(data: bytes) -> None:
    text = atheris.FuzzedDataProvider(data).ConsumeUnicodeNoSurrogates(4000)
    coded = code_article(PIPELINE, Article("fuzz", text, "fuzz", date=dt.date(2022, 7, 19)))
    if isinstance(coded, CodedArticle):
        for span in _spans(coded):
            assert span.text == text[span.start : span.end], span


if __name__ == "__main__":
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()
