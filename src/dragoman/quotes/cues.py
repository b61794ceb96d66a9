"""The reporting-cue lexicon: verbs, participles, nouns, phrases and naming verbs.

The packaged list is ``quotes/data/cues.tsv`` (format documented in its header and in
``docs/quotes.md``); a user file with the same columns extends it.
"""

from __future__ import annotations

from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from dragoman.errors import DataFileError

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
    titles: frozenset[str] = frozenset()  # words trimmed from a speaker name's edges (data/titles.txt)

    def is_verb(self, lower: str, lemma: str = "") -> bool:
        return lower in self.verbs or (bool(lemma) and lemma in self.verb_lemmas and lower not in self.nouns)

    def is_naming(self, lower: str, lemma: str = "") -> bool:
        return lower in self.naming or (bool(lemma) and lemma in self.naming_lemmas)


def parse_cues(text: str, origin: str) -> dict[str, set[str]]:
    """Parse cue-file text into ``{class: forms}`` plus ``{class + '_lemmas': lemmas}``."""
    table: dict[str, set[str]] = {name: set() for name in _CLASSES}
    table.update({f"{name}_lemmas": set() for name in _CLASSES})
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.rstrip("\n")
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        cells = line.split("\t")
        if len(cells) != 3 or cells[1] not in _CLASSES:
            raise DataFileError(
                f"{origin}:{number}: expected 'lemma<TAB>class<TAB>forms' with class one of "
                f"{list(_CLASSES)}, found {line!r}; fix the line or comment it out with #"
            )
        lemma, cls, forms = cells
        table[f"{cls}_lemmas"].add(lemma.strip().lower())
        table[cls].update(form.strip().lower() for form in forms.split(",") if form.strip())
    return table


def load_cues(user_file: str | Path | None = None) -> CueLexicon:
    """The packaged cue lexicon, extended by ``user_file`` when given."""
    packaged = resources.files("dragoman.quotes").joinpath("data/cues.tsv").read_text(encoding="utf-8")
    table = parse_cues(packaged, "quotes/data/cues.tsv")
    if user_file:
        extra = parse_cues(Path(user_file).read_text(encoding="utf-8"), str(user_file))
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
    """Words stripped from the edges of a capitalised speaker name (``quotes/data/titles.txt``)."""
    text = resources.files("dragoman.quotes").joinpath("data/titles.txt").read_text(encoding="utf-8")
    return frozenset(line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#"))
