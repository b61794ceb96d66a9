"""dragoman's NER label conventions, shared by the training data and the gazetteer ruler.

The labels are PERSON, ORG, GPE, LOC and NORP (``docs/model.md``). Two rules decide
a span's label beyond its entity type, and both the training-data converter
(``training/convert.py``) and :mod:`dragoman.nlp.gazetteer_ruler` read them here so the
model and the ruler follow one convention:

* **GPE vs LOC**: a place is LOC when its name (without a leading "the") is a
  continent, region, sea or similar (:data:`LOC_NAMES`) or contains a
  geographic-feature or facility word (:data:`LOC_WORDS`); otherwise GPE.
* **NORP**: capitalised demonyms and group words (:data:`NORP_SEED` is the seed
  list); a plural group word names people, not an organisation ("Democrats",
  "Americans" are NORP, as GUM's plural proper-noun person heads are).
* **Titles**: title and role words (:data:`TITLES`) are not part of a PERSON name
  ("Senator John Cornyn" is PERSON "John Cornyn").
"""

from __future__ import annotations

from typing import Iterable, Literal

from dragoman.knowledge import packaged_word_lists, title_words

_LISTS = packaged_word_lists("dragoman.nlp", "labels.tsv", ("loc_word", "loc_name", "norp_seed"))
"""The lists of ``nlp/data/labels.tsv`` (its header says what each is for)."""

__all__ = ["LOC_NAMES", "LOC_WORDS", "NORP_SEED", "TITLES", "is_plural_group_word", "place_label"]

# Words marking a place name as a geographic feature or facility (LOC), not a
# political unit (GPE).
LOC_WORDS: frozenset[str] = frozenset(_LISTS["loc_word"])

# Continents, regions, seas and similar names that are LOC (lower case).
LOC_NAMES: frozenset[str] = frozenset(_LISTS["loc_name"])

# Seed demonyms and group names (lower case), NORP when capitalised; the training
# data extends them with UNER's single-word OTH adjectives and plural proper nouns.
NORP_SEED: frozenset[str] = frozenset(_LISTS["norp_seed"])

# Titles and roles, lower case: never part of a PERSON name (knowledge/data/titles.tsv, list not_in_name).
TITLES: frozenset[str] = title_words("not_in_name")


def place_label(words: Iterable[str]) -> Literal["GPE", "LOC"]:
    """GPE or LOC for a place name given as its words ("Gaza Strip" → LOC, "Gaza" → GPE)."""
    forms = [w.lower() for w in words]
    text = " ".join(forms)
    if text.startswith("the "):
        text = text[4:]
    if text in LOC_NAMES or any(form in LOC_WORDS for form in forms):
        return "LOC"
    return "GPE"


def is_plural_group_word(word: str) -> bool:
    """A capitalised plural of a seed group word ("Democrats", "Kurds"): NORP, not ORG."""
    lower = word.lower()
    return word[:1].isupper() and lower.endswith("s") and lower in NORP_SEED and lower[:-1] in NORP_SEED
