"""NLP: one function from an Article to a spaCy Doc.

Reads ``Article.text`` and the removed spans; adds tokens, sentences and, with the
trained model, tags, lemmas, dependencies and entities (the statistical NER plus
an entity ruler fed by the actor knowledge base and the gazetteer, see
:mod:`dragoman.nlp.gazetteer_ruler`).
"""

from dragoman.nlp.gazetteer_ruler import add_gazetteer_ruler, gazetteer_patterns, load_user_patterns, merge_patterns, ruler_patterns
from dragoman.nlp.pipeline import NlpBackend, load_auto, load_blank, load_trained, packaged_model_path, parse_article, parse_articles
from dragoman.nlp.sentences import load_abbreviations

__all__ = [
    "NlpBackend", "add_gazetteer_ruler", "gazetteer_patterns", "load_abbreviations", "load_auto", "load_blank", "load_trained",
    "load_user_patterns", "merge_patterns", "packaged_model_path", "parse_article", "parse_articles", "ruler_patterns",
]
