"""Phoenix dictionary phrases as news writes names, and the tests that keep or drop them.

``ABDEL_FATTAH_EL-SISI`` → "Abdel Fattah el-Sisi", ``UN_HIGH_COMMISSION_FOR_REFUGEES_`` →
"UN High Commission for Refugees". The rules (docs/actors-kb.md, "Phoenix dictionaries"):

* words are capitalised; Arabic articles (al, el, ad, as, ash, az, ar, at) inside a name are
  lower case and joined to the next word with a hyphen ("el-Sisi", "al-Assad"); other particles
  (bin, ibn, de, del, da, dos, van, von, ul ...) are lower case except as the first word;
* initials ("V.", "R.K."), roman numerals (II, III, IV), words with digits stay as written;
  "Mc" and one-letter apostrophe prefixes take a capital after them ("McCain", "O'Neill");
* in organisation names, function words (of, the, and, for ...) are lower case, words without a
  vowel or with a digit or dot are abbreviations (upper case), and a word the knowledge base
  already writes in a form of its own ("US", "UN", "NATO") takes that form.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Callable, Iterable, Mapping

from lemminflect import getAllLemmas

from dragoman.actors.phoenix_dictionary import phrase_words
from dragoman.knowledge import time_words

ARTICLES = frozenset({"al", "el", "ad", "as", "ash", "az", "ar", "at"})
PARTICLES = frozenset({"bin", "bint", "ibn", "de", "del", "della", "der", "den", "di", "da", "do", "dos", "das", "du",
                       "van", "von", "ten", "ter", "y", "e", "ul", "ud"}) | ARTICLES
_NAME_WORDS = frozenset({"abu", "umm", "ali", "bin", "ibn", "ben"})  # short name words, not abbreviations
_ROMAN = frozenset({"II", "III", "IV", "VI", "VII", "VIII"})
_SUFFIXES = {"JR": "Jr.", "JR.": "Jr.", "SR": "Sr.", "SR.": "Sr."}
FUNCTION_WORDS = frozenset({"of", "the", "and", "for", "in", "on", "to", "a", "an", "at", "by", "with", "from", "against",
                            "la", "le", "les", "des", "du", "de", "del", "y", "et", "und", "or"})
_VOWELS = frozenset("AEIOUaeiou")


def _cap(word: str) -> str:
    """One word without hyphens: "NEILL" → "Neill", "O'NEILL" → "O'Neill", "MCCAIN" → "McCain"."""
    if not word:
        return word
    if any(ch.isdigit() for ch in word) or word in _ROMAN:
        return word
    if word.upper() in _SUFFIXES:
        return _SUFFIXES[word.upper()]
    if "." in word and len(word.replace(".", "")) <= 3:
        return word.upper()  # initials: "V.", "R.K."
    if "'" in word:
        parts = word.split("'")
        out = [_cap(parts[0])]
        for before, part in zip(parts, parts[1:]):
            out.append(_cap(part) if len(before) == 1 else part.lower())
        return "'".join(out)
    if word.upper().startswith("MC") and len(word) > 3:
        return "Mc" + word[2:3].upper() + word[3:].lower()
    return word[:1].upper() + word[1:].lower()


def _cased_word(word: str) -> str:
    """One word of a person's name, hyphenated parts cased one by one ("el-Sisi", "Zia-ul-Haq")."""
    parts = word.split("-")
    return "-".join(part.lower() if len(parts) > 1 and part.lower() in PARTICLES else _cap(part) for part in parts)


def person_case(phrase: str) -> str:
    """A person's name in news case: ``ABDEL_FATTAH_EL_SISI`` → "Abdel Fattah el-Sisi"."""
    words = phrase_words(phrase)
    out: list[str] = []
    i = 0
    while i < len(words):
        word = words[i]
        low = word.lower()
        if low in ARTICLES and i + 1 < len(words):
            out.append(f"{low}-{_cased_word(words[i + 1])}")
            i += 2
            continue
        out.append(low if low in PARTICLES and 0 < i < len(words) - 1 else _cased_word(word))
        i += 1
    return " ".join(out)


def org_case(phrase: str, known: Mapping[str, str] | None = None, common: Callable[[str], bool] | None = None) -> tuple[str, tuple[str, ...]]:
    """An organisation's name in news case and the abbreviations written after it in brackets:
    ``ADEN_ABYAN_ISLAMIC_ARMY_(AAIA)_`` → ("Aden Abyan Islamic Army", ("AAIA",)). A bracket that
    holds more than one word or a known name ("(GREECE)") is left out."""
    known = known or {}
    is_common = common or (lambda w: False)
    inside = re.findall(r"\(([^)]*)\)", phrase)
    rest = re.sub(r"\([^)]*\)", " ", phrase)
    abbreviations = tuple(a.strip("_ ").upper() for a in inside
                          if a.strip("_ ") and len(phrase_words(a)) == 1 and a.strip("_ ").upper() not in known and len(a.strip("_ ")) <= 8)
    words = phrase_words(rest)
    if len(words) > 1 and words[0].lower() == "the":
        words = words[1:]
    single = len(words) == 1
    out: list[str] = []
    i = 0
    while i < len(words):
        word = words[i]
        low = word.lower()
        if word.upper() in known:
            out.append(known[word.upper()])
        elif low in ARTICLES and i + 1 < len(words):
            out.append(f"{low}-{_org_word(words[i + 1], single=False, known=known, common=is_common)}")
            i += 2
            continue
        elif "-" in word and word.split("-")[0].lower() in ARTICLES:
            head, _, tail = word.partition("-")
            out.append(f"{head.lower()}-{_org_word(tail, single=False, known=known, common=is_common)}")
        elif i > 0 and low in FUNCTION_WORDS:
            out.append(low)
        else:
            out.append(_org_word(word, single=single, known=known, common=is_common))
        i += 1
    return " ".join(out), abbreviations


def _org_word(word: str, *, single: bool, known: Mapping[str, str], common: Callable[[str], bool]) -> str:
    if word.upper() in known:
        return known[word.upper()]
    if "/" in word:
        return "/".join(_org_word(part, single=False, known=known, common=common) for part in word.split("/"))
    letters = [ch for ch in word if ch.isalpha()]
    if not letters:
        return word
    if re.fullmatch(r"\d+(ST|ND|RD|TH)", word.upper()):
        return word.lower()  # "23rd"
    if any(ch.isdigit() for ch in word) or ("." in word and len(letters) <= 3) or "&" in word or not _VOWELS & set(word):
        return word.upper()
    if len(letters) <= 3 and not common(word.lower()) and word.lower() not in FUNCTION_WORDS | PARTICLES | _NAME_WORDS:
        return word.upper()  # "ETA", "PLA", "KRG"
    if single and len(letters) <= 5 and not common(word.lower()):
        return word.upper()  # a one-word name of five letters or fewer: "NATO", "IAEA", "HAMAS"
    return _cased_word(word)


def is_common_word(word: str) -> bool:
    """A word of the English lexicon (lemminflect's): "allen", "mubarak" are not, "rice", "bush" are."""
    w = word.lower().strip(".'")
    return bool(w) and w.isalpha() and bool(getAllLemmas(w))


@dataclass(frozen=True, slots=True)
class Vocabulary:
    """What the knowledge base already knows, in lower case: to strip titles from aliases and to
    keep Phoenix names from shadowing dragoman's own."""

    titles: frozenset[str]  # title phrases (titles.tsv surfaces) and title or honorific words
    places: frozenset[str]  # country names, aliases, adjectives, capitals
    org_names: frozenset[str]  # organisation names and aliases
    connectors: frozenset[str]  # words that may sit between titles: "former", "acting", "of", "the" ...
    org_words: frozenset[str]  # words that make a phrase an organisation or a description: "army", "government"


def title_prefix(name: str, vocab: Vocabulary) -> tuple[str, bool]:
    """The name without the titles, places, organisations and connectors before it, and whether a
    title was among them: "Russian President Mikhail Gorbachev" → ("Mikhail Gorbachev", True)."""
    words = [w for w in re.split(r"[\s_]+", name.replace(",", " ")) if w]
    i = 0
    titled = False
    while i < len(words):
        step = 0
        for width in (4, 3, 2, 1):
            if i + width > len(words):
                continue
            chunk = " ".join(words[i : i + width]).lower()
            parts = chunk.replace("-", " ").split()
            if chunk in vocab.titles or (width == 1 and all(p in vocab.titles for p in parts)):
                titled, step = True, width
                break
            if chunk in vocab.places or chunk in vocab.org_names or (width == 1 and all(p in vocab.connectors | vocab.places for p in parts)):
                step = width
                break
        if not step:
            break
        i += step
    if i == 0:
        return name, False
    return " ".join(words[i:]), titled


def words_of(name: str) -> list[str]:
    return [w for w in re.split(r"[\s\-_]+", name.lower()) if w]


_CALENDAR = time_words("dictionary")


def all_common(name: str, vocab: Vocabulary, common: Callable[[str], bool]) -> bool:
    """Every word of the name is a common English word, a function word, a place word, a month or
    day or a number ("May 15", "380")."""
    words = [w.strip(".,'") for w in words_of(name)]
    return bool(words) and all(w in FUNCTION_WORDS or w in vocab.places or w in _CALENDAR or w.isdigit() or common(w) for w in words if w)


def known_forms(names: Iterable[str]) -> dict[str, str]:
    """One-word names the knowledge base writes in a form of its own, keyed by their upper case:
    "US", "U.S.", "NATO", "McDonald's" (not plain capitalised words, which casing rebuilds)."""
    out: dict[str, str] = {}
    for name in names:
        if " " in name or not name:
            continue
        if name != name[:1].upper() + name[1:].lower():
            out.setdefault(name.upper(), name)
    return out
