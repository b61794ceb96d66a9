"""NLP: one function from an Article to a spaCy Doc.

Reads ``Article.text`` and the removed spans; adds tokens, sentences and, with the
trained model, tags, lemmas, dependencies and entities.
"""

from dragoman.nlp.pipeline import NlpBackend, load_auto, load_blank, load_trained, packaged_model_path, parse_article

__all__ = ["NlpBackend", "load_auto", "load_blank", "load_trained", "packaged_model_path", "parse_article"]
