"""dragoman: reads news and turns it into political event data.

Public API: load settings, load the pipeline once, code articles (or trace what each stage returns).
"""

from dragoman.pipeline import Pipeline, Trace, code_article, code_inputs, load_pipeline, trace
from dragoman.records import Actor, ActorMention, Article, CodedArticle, Duplicate, Event, Place, Quote, Rejection, RemovedSpan, Span
from dragoman.settings import Settings, load_settings

__version__ = "0.1.0"

__all__ = [
    "Actor", "ActorMention", "Article", "CodedArticle", "Duplicate", "Event", "Pipeline", "Place", "Quote", "Rejection", "RemovedSpan",
    "Settings", "Span", "Trace", "__version__", "code_article", "code_inputs", "load_pipeline", "load_settings", "trace",
]
