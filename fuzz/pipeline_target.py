"""atheris harness over the whole pipeline: any text codes or is rejected, spans point into it (`make fuzz`).

Run: ``python fuzz/pipeline_target.py -max_total_time=300``. The pipeline is loaded once
(a few seconds) before fuzzing starts; dragoman's own modules are instrumented, the libraries not.
"""

from __future__ import annotations

import datetime as dt
import sys

import atheris

with atheris.instrument_imports(include=["dragoman"]):
    from dragoman.pipeline import code_article, load_pipeline
    from dragoman.records import Article, CodedArticle, spans_of
    from dragoman.settings import load_settings

PIPELINE = load_pipeline(load_settings())


def test_one_input(data: bytes) -> None:
    text = atheris.FuzzedDataProvider(data).ConsumeUnicodeNoSurrogates(4000)
    coded = code_article(PIPELINE, Article("fuzz", text, "fuzz", date=dt.date(2022, 7, 19)))
    if isinstance(coded, CodedArticle):
        for span in spans_of(coded):
            assert span.text == text[span.start : span.end], span


if __name__ == "__main__":
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()
