"""The reporting-cue lexicon: verbs, participles, nouns, phrases and naming verbs.

The packaged list is ``quotes/data/cues.tsv`` (format documented in its header and in
``docs/quotes.md``); a user file with the same columns extends it.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from dragoman.knowledge import packaged_text, read_rows, title_words, user_text

_CLASSES = ("verb", "participle", "noun", "phrase", "naming", "exclude")


@dataclass(frozen=True, slots=True)
class CueLexicon:
    """Reporting cues by class; every form is lower-case."""

    verbs: frozenset[str]
    verb_lemmas: frozenset[str]
    participles: frozenset[str]
    nouns: frozenset[str]
    phrases: tuple[tuple[str, ...], ...]
    naming: frozenset[str]
    naming_lemmas: frozenset[str]
    exclusions: frozenset[str] = frozenset()
    titles: frozenset[str] = frozenset()  # words trimmed from a speaker name's edges (knowledge/data/titles.tsv)

    def is_verb(self, lower: str, lemma: str = "") -> bool:
        return lower in self.verbs or (bool(lemma) and lemma in self.verb_lemmas and lower not in self.nouns)

    def is_naming(self, lower: str, lemma: str = "") -> bool:
        return lower in self.naming or (bool(lemma) and lemma in self.naming_lemmas)


def parse_cues(text: str, origin: str) -> dict[str, set[str]]:
    """Parse cue-file text into ``{class: forms}`` plus ``{class + '_lemmas': lemmas}``."""
    table: dict[str, set[str]] = {name: set() for name in _CLASSES}
    table.update({f"{name}_lemmas": set() for name in _CLASSES})
    for row in read_rows(text, origin, ("lemma", "class", "forms"), header=False):
        if row.width != 3 or row["class"] not in _CLASSES:
            line = "\t".join(row.cells.values())
            raise row.error(f"expected 'lemma<TAB>class<TAB>forms' with class one of "
                            f"{list(_CLASSES)}, found {line!r}; fix the line or comment it out with #")
        lemma, cls, forms = row["lemma"], row["class"], row["forms"]
        table[f"{cls}_lemmas"].add(lemma.lower())
        table[cls].update(form.strip().lower() for form in forms.split(",") if form.strip())
    return table


def load_cues(user_file: str | Path | None = None) -> CueLexicon:
    """The packaged cue lexicon, extended by ``user_file`` when given."""
    table = parse_cues(packaged_text("dragoman.quotes", "cues.tsv"), "quotes/data/cues.tsv")
    if user_file:
        extra = parse_cues(user_text(Path(user_file), "cues file"), str(user_file))
        for key, values in extra.items():
            table[key].update(values)
    return CueLexicon(
        verbs=frozenset(table["verb"]),
        verb_lemmas=frozenset(table["verb_lemmas"]),
        participles=frozenset(table["participle"]),
        nouns=frozenset(table["noun"]),
        phrases=tuple(sorted(tuple(p.split()) for p in table["phrase"])),
        naming=frozenset(table["naming"]),
        naming_lemmas=frozenset(table["naming_lemmas"]),
        exclusions=frozenset(table["exclude"]),
        titles=load_titles(),
    )


def load_titles() -> frozenset[str]:
    """Words stripped from the edges of a capitalised speaker name (``knowledge/data/titles.tsv``, list ``name_edge``)."""
    return title_words("name_edge")
