"""NLP: one function from an Article to a spaCy Doc.

Reads ``Article.text`` and the removed spans; adds tokens, sentences and, with the
trained model, tags, lemmas, dependencies and entities (the statistical NER plus
an entity ruler fed by the actor knowledge base and the gazetteer, see
:mod:`dragoman.nlp.gazetteer_ruler`). Hard caps on hostile text (:mod:`dragoman.nlp.caps`) add
removed spans: a run too long to tokenize, a sentence too long or too crowded for the later stages.
"""

from dragoman.nlp.caps import STAGE as CAPS_STAGE, NlpCaps, capped_spans, with_capped
from dragoman.nlp.gazetteer_ruler import TokenizedPatterns, add_gazetteer_ruler, gazetteer_patterns, load_ruler_patterns, load_user_patterns, merge_patterns, ruler_patterns
from dragoman.nlp.pipeline import NlpBackend, load_auto, load_blank, load_trained, packaged_model_path, parse_article, parse_articles
from dragoman.nlp.sentences import load_abbreviations

__all__ = [
    "CAPS_STAGE", "NlpBackend", "NlpCaps", "TokenizedPatterns", "add_gazetteer_ruler", "capped_spans", "gazetteer_patterns", "load_abbreviations", "load_auto",
    "load_blank", "load_ruler_patterns", "load_trained", "load_user_patterns", "merge_patterns", "packaged_model_path", "parse_article", "parse_articles", "ruler_patterns", "with_capped",
]
