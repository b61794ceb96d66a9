"""The word lists of the events coder, read from ``events/data/coding_words.tsv``."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Mapping

from dragoman.knowledge import packaged_text, read_rows
from dragoman.records import Actor

_FILE = "coding_words.tsv"
_LISTS = frozenset({
    "be", "passive-bridge", "adjectival", "attributive-before", "reporting", "troops", "state-organ", "preposition",
    "noun-modifier", "bystander-verb", "subordinator", "alleging", "rejecting", "noun-phrase-tag", "light-verb",
    "attack-noun", "bomb-kind", "crowd", "taking-part", "armed-sector", "party-noun", "party-modifier", "protest-cue", "protest-held",
})


@dataclass(frozen=True, slots=True)
class EventWords:
    """Each list of ``coding_words.tsv`` (its header says what each is for)."""

    be: frozenset[str]
    passive_bridge: frozenset[str]  # the "be" forms and the words that may follow them
    adjectival: frozenset[str]
    attributive_before: frozenset[str]
    reporting: frozenset[str]
    troops: frozenset[str]
    state_organs: frozenset[str]
    prepositions: frozenset[str]
    noun_modifiers: frozenset[str]
    bystander_verbs: frozenset[str]
    subordinators: frozenset[str]
    alleging: frozenset[str]
    rejecting: frozenset[str]
    noun_phrase_tags: frozenset[str]
    light_verbs: frozenset[tuple[str, str]]  # (preposition, word): "engaged in"
    attack_nouns: Mapping[str, str | None]  # lemma -> the CAMEO code its weapon gives (None: keep the code)
    bomb_kinds: Mapping[str, str]  # "roadside" -> 1833
    crowds: frozenset[str] = frozenset()  # nouns of a crowd: "hundreds of people marched in Tokyo" protest as the place's civilians
    taking_part: frozenset[str] = frozenset()  # "At a news conference alongside X, Y said": Y takes part in the occasion
    armed_sectors: frozenset[str] = frozenset()  # sectors of non-state armed groups (REB, INS ...)
    party_nouns: frozenset[str] = frozenset()  # "the warring sides": the parties of a conflict or talks
    party_modifiers: frozenset[str] = frozenset()  # the words before them that make them so ("warring", "both")
    protest_cues: frozenset[str] = frozenset()  # words of a protest whose "against X" names the party protested
    protest_held: frozenset[str] = frozenset()  # verbs saying a protest noun took place: "protests were held in Paris"

    def armed_group(self, actor: Actor) -> bool:
        """Is the actor a non-state armed group: a transnational militant group (IMG...) or an armed sector?"""
        return (actor.code or "").startswith("IMG") or actor.sector in self.armed_sectors


def load_event_words() -> EventWords:
    lists: dict[str, set[str]] = {name: set() for name in _LISTS}
    light: set[tuple[str, str]] = set()
    attack: dict[str, str | None] = {}
    bombs: dict[str, str] = {}
    for row in read_rows(packaged_text("dragoman.events", _FILE), _FILE, ("list", "word", "value")):
        name, word, value = row["list"], row["word"], row["value"]
        if name not in _LISTS:
            raise row.error(f"unknown list {name!r}; expected one of {', '.join(sorted(_LISTS))}")
        if name == "light-verb":
            light.add((value, word))
        elif name == "attack-noun":
            attack[word] = value or None
        elif name == "bomb-kind":
            bombs[word] = value
        lists[name].add(word)
    words = {name: frozenset(found) for name, found in lists.items()}
    return EventWords(
        words["be"], words["be"] | words["passive-bridge"], words["adjectival"], words["attributive-before"], words["reporting"],
        words["troops"], words["state-organ"], words["preposition"], words["noun-modifier"], words["bystander-verb"],
        words["subordinator"], words["alleging"], words["rejecting"], words["noun-phrase-tag"], frozenset(light), attack, bombs,
        words["crowd"], words["taking-part"], words["armed-sector"],
        words["party-noun"], words["party-modifier"], words["protest-cue"], words["protest-held"],
    )
