"""Place expressions in a sentence, found on plain text with offsets (no parse needed).

Only prepositional locatives count: a run of capitalised words right after
"in", "at", "near", "outside", "across", "from", "to"… ("in Tehran", "to
Istanbul", "from Kyiv"), optionally through "the", a direction ("in northern
Syria") or a head noun ("in the northern Syrian town of Tel Rifaat"). So
"Turkey hosted talks" (an actor) and "a Washington-based group" give nothing.

Within the run the longest prefix the gazetteer knows is taken, but only if
the run ends there or continues with a date word ("in Tehran Monday");
otherwise the run is a longer name the gazetteer lacks ("to Paris Hilton",
"near Jordan Peterson") and nothing is geocoded. Coordinated names follow
("in Tel Rifaat and Manbij", "in Kyiv, Kharkiv and Odesa").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Sequence

from dragoman.knowledge import packaged_words, time_words
from dragoman.places.gazetteer import Gazetteer
from dragoman.records import Article, Place

__all__ = [
    "LOCATIVE_PREPOSITIONS", "DIRECTIONAL_PREPOSITIONS", "PlacePhrase", "event_place", "find_places",
    "locative_places", "place_phrases",
]

# "on"/"against" introduce a place only after a noun of attack (data/attack_nouns.txt): "airstrikes on Aleppo"
_ATTACKED_PREPOSITIONS = frozenset({"on", "against"})
_WORD_BEFORE_RE = re.compile(r"([A-Za-z-]+)\s*$")

LOCATIVE_PREPOSITIONS = frozenset({
    "in", "at", "near", "outside", "inside", "across", "around", "throughout", "within",
    "off", "along", "outside of", "near to", "close to", "on the outskirts of",
})
DIRECTIONAL_PREPOSITIONS = frozenset({"to", "from", "into", "toward", "towards", "via"})

_PREP_RE = re.compile(
    r"(?<![\w-])(?P<prep>(?i:on the outskirts of|outside of|near to|close to|in|at|near|outside|inside"
    r"|across|around|throughout|within|off|along|to|from|into|toward|towards|via|on|against))\s+"
)
_DIRECTION = (
    r"(?i:(?:far[- ])?(?:north|south|east|west|northern|southern|eastern|western|central"
    r"|north[- ]?(?:east|west)(?:ern)?|south[- ]?(?:east|west)(?:ern)?))"
)
# Optional material between the preposition and the name.
_LEAD_RE = re.compile(
    r"(?:(?i:the)\s+)?"
    r"(?:(?:" + _DIRECTION + r"|[A-Z][a-z]+(?:n|i|ese|ish))\s+){0,2}"
    r"(?:(?i:city|town|village|port|capital|province|region|district|state|governorate|oblast"
    r"|area|enclave|territory|island|suburb|neighbou?rhood|border town|border city|port city"
    r"|coastal city|stronghold|outskirts|heart|centre|center)\s+of\s+)"
)
_THE_DIRECTION_RE = re.compile(r"(?:(?i:the)\s+)?(?:(?P<dir>" + _DIRECTION + r")\s+)?")
_TOKEN_RE = re.compile(
    r"(?P<cap>(?:(?:al|el|ad|as|ar|an|ash|ad-Dawlah)-)?[A-Z][\w]*(?:[-'’][\w]+)*)"
    r"|(?P<conn>(?:of|the|de|del|da|do|al|el|la|le|du|upon|sur|and|or)\b)"
    r"|(?P<comma>,)"
)
_SPACE_RE = re.compile(r"[ \t]+|(?=,)")
_POSSESSIVE_RE = re.compile(r"['’]s?$")
_DATE_WORDS = time_words("place_stop")
_NAME_JOINERS = frozenset({"of", "the", "de", "del", "da", "do", "al", "el", "la", "le", "du", "upon", "sur"})
_CLAUSE_BREAK_RE = re.compile(
    r"[;:\"“”()]|\s[–—-]\s|,\s+(?:and|but|while|which|who|whom|where|whereas|although|though|after"
    r"|before|when|as|because|since|until)\b|\b(?:said|says|told|added)\b"
)


@dataclass(frozen=True, slots=True)
class PlacePhrase:
    """A geocoded place phrase and the preposition that introduced it ("in", "to"…)."""

    place: Place
    preposition: str

    @property
    def locative(self) -> bool:
        return self.preposition in LOCATIVE_PREPOSITIONS


def find_places(
    sentence_text: str, sentence_start: int, article: Article, gazetteer: Gazetteer
) -> tuple[Place, ...]:
    """Geocoded place phrases after locative prepositions in one sentence, in text order.

    ``sentence_start`` is the sentence's offset in ``article.text``; each
    ``Place.span`` points into ``article.text`` and covers the name (with a
    direction word: "northern Syria").
    """
    return tuple(m.place for m in _find(sentence_text, sentence_start, article, gazetteer))


def place_phrases(
    sentence_text: str, sentence_start: int, article: Article, gazetteer: Gazetteer
) -> tuple[PlacePhrase, ...]:
    """:func:`find_places` with each place's preposition, in text order."""
    return tuple(_find(sentence_text, sentence_start, article, gazetteer))


def locative_places(
    sentence_text: str, sentence_start: int, article: Article, gazetteer: Gazetteer
) -> tuple[Place, ...]:
    """:func:`find_places` limited to phrases after a locative preposition ("in", "at", "near"…)."""
    return tuple(m.place for m in _find(sentence_text, sentence_start, article, gazetteer)
                 if m.preposition in LOCATIVE_PREPOSITIONS or m.preposition in _ATTACKED_PREPOSITIONS)


@lru_cache(maxsize=1)
def _attack_nouns() -> frozenset[str]:
    return frozenset(w.lower() for w in packaged_words("dragoman.places", "attack_nouns.txt"))


def _after_attack_noun(text: str, position: int) -> bool:
    """Is the word right before ``position`` a noun of attack ("airstrikes on", "the assault against")?"""
    before = _WORD_BEFORE_RE.search(text, 0, position)
    return before is not None and before.group(1).lower() in _attack_nouns()


def event_place(
    sentence_text: str,
    sentence_start: int,
    article: Article,
    gazetteer: Gazetteer,
    anchor: int,
    exclude: Sequence[tuple[int, int]] = (),
) -> Place | None:
    """The place phrase of the event whose trigger sits at ``anchor`` (an offset in ``article.text``).

    Takes the place phrases in the anchor's clause (no ";", quote, dash,
    ", which/while/but…" or "said" between them and the anchor), preferring
    locatives ("in", "at", "near"…) to directions ("to", "from"), then the
    nearest. A phrase overlapping a span of ``exclude`` (the event's own actors:
    "Iran sold drones to Russia") is no place of the event. ``None`` when the clause has none.
    The pipeline uses it only for a Doc without a dependency parse; with one,
    :func:`dragoman.places.attachment.attached_place` decides.
    """
    best: tuple[int, int, Place] | None = None
    for match in _find(sentence_text, sentence_start, article, gazetteer):
        span = match.place.span
        assert span is not None
        if any(span.start < end and start < span.end for start, end in exclude):
            continue
        if span.start >= anchor:
            between = article.text[anchor:span.start]
            distance = span.start - anchor
        else:
            between = article.text[span.end:anchor]
            distance = anchor - span.end
        if _CLAUSE_BREAK_RE.search(between):
            continue
        tier = 0 if match.preposition in LOCATIVE_PREPOSITIONS else 1
        if best is None or (tier, distance) < best[:2]:
            best = (tier, distance, match.place)
    return best[2] if best is not None else None


def _find(
    sentence_text: str, sentence_start: int, article: Article, gazetteer: Gazetteer
) -> list[PlacePhrase]:
    found: list[PlacePhrase] = []
    for prep_match in _PREP_RE.finditer(sentence_text):
        preposition = " ".join(prep_match.group("prep").lower().split())
        if preposition in _ATTACKED_PREPOSITIONS and not _after_attack_noun(sentence_text, prep_match.start()):
            continue
        position = prep_match.end()
        lead = _LEAD_RE.match(sentence_text, position)
        if lead is not None:
            position = lead.end()
        direction = _THE_DIRECTION_RE.match(sentence_text, position)
        direction_start: int | None = None
        names: list[tuple[int, int, str]] = []
        if direction is not None and direction.group("dir"):
            if direction.group("dir")[0].isupper():  # "North Korea", "West Bank"
                names = _names(sentence_text, direction.start("dir"), gazetteer, preposition)
            if not names:
                direction_start = direction.start("dir")
                names = _names(sentence_text, direction.end(), gazetteer, preposition)
        else:
            if direction is not None:
                position = direction.end()
            names = _names(sentence_text, position, gazetteer, preposition)
        for start, end, name in names:
            entry = gazetteer.lookup(name)
            if entry is None:
                break
            if direction_start is not None:
                start, direction_start = direction_start, None
            absolute_start = sentence_start + start
            absolute_end = sentence_start + end
            span = article.span(absolute_start, absolute_end)
            place = Place(entry.name, entry.country, entry.lat, entry.lon, span)
            found.append(PlacePhrase(place, preposition))
    return found


def _tokens(text: str, position: int) -> list[tuple[str, int, int]]:
    """Name-ish tokens from ``position``: (kind, start, end) with kind cap/conn/comma."""
    tokens: list[tuple[str, int, int]] = []
    while position < len(text):
        match = _TOKEN_RE.match(text, position)
        if match is None:
            break
        kind = match.lastgroup or ""
        tokens.append((kind, match.start(), match.end()))
        position = match.end()
        gap = _SPACE_RE.match(text, position)
        if gap is None:
            break
        position = gap.end()
    return tokens


def _names(
    text: str, position: int, gazetteer: Gazetteer, preposition: str
) -> list[tuple[int, int, str]]:
    """Known names in the run of capitalised words at ``position``, with coordination."""
    tokens = _tokens(text, position)
    names: list[tuple[int, int, str]] = []
    i = 0
    while i < len(tokens) and tokens[i][0] == "cap":
        best: tuple[int, int, str] | None = None
        next_index = i
        for j in range(len(tokens), i, -1):
            kind, _, end = tokens[j - 1]
            if kind != "cap":
                continue
            start = tokens[i][1]
            name = text[start:end]
            possessive = _POSSESSIVE_RE.search(name)
            if possessive is not None:
                if preposition in DIRECTIONAL_PREPOSITIONS:
                    continue
                name = name[: possessive.start()]
                end = start + len(name)
            if j < len(tokens) and not _may_follow(text, tokens[j]):
                continue
            if name.lower() in _DATE_WORDS or gazetteer.lookup(name) is None:
                continue
            best = (start, end, name)
            next_index = j
            break
        if best is None:
            break
        names.append(best)
        i = next_index
        # Coordination: ", X", " and X", ", and X".
        saw_joiner = False
        while i < len(tokens) and tokens[i][0] in ("comma", "conn"):
            word = text[tokens[i][1]:tokens[i][2]].lower()
            if tokens[i][0] == "conn" and word not in ("and", "or"):
                break
            saw_joiner = True
            i += 1
        if not saw_joiner:
            break
    return names


def _may_follow(text: str, token: tuple[str, int, int]) -> bool:
    """Whether a name may stop before ``token`` (else the run is one longer unknown name)."""
    kind, start, end = token
    if kind == "comma":
        return True
    word = text[start:end].lower()
    if kind == "conn":
        return word in ("and", "or") or word not in _NAME_JOINERS
    return word in _DATE_WORDS
