"""Phoenix agent words as dragoman sector words (``sectors.phoenix.tsv``, written only on request).

``FARMER [~AGR]``, ``ARMED_GANG [~UAF]``: the agents file pairs phrases with CAMEO agent codes;
the ones whose code is one of dragoman's state or armed sectors, written as a plain phrase of at
most three words ending in an English noun, with no title word, become sector words. Society
sectors (CVL, ELI, REF, BUS ...) are left out: alone, their words made actors of "girls",
"actors" and "expatriates" and lowered event precision on the gold articles (docs/actors-kb.md).
"""

from __future__ import annotations

import re

from lemminflect import getAllLemmas, getInflection

from dragoman.actors.knowledge import KnowledgeBase, SectorWord
from dragoman.actors.phoenix_dictionary import read_agents
from dragoman.actors.phoenix_names import Vocabulary
from dragoman.actors.phoenix_rows import Report

# dragoman's sectors (sectors.tsv) and the actor kind each makes
SECTOR_KINDS = {**{s: "state" for s in ("GOV", "MIL", "COP", "JUD", "LEG", "SPY")},
                **{s: "group" for s in ("REB", "INS", "SEP", "UAF", "CRM", "RAD")},
                **{s: "organization" for s in ("OPP", "BUS", "CVL", "LAB", "MED", "NGO", "EDU", "REL", "HLH", "AGR", "ELI", "REF", "ENV")}}


def _plurals(phrase: str) -> list[str]:
    """The plural of a phrase's last word (lemminflect's, else PETRARCH's +S / Y → IES / SS → SSES);
    none when the word is a plural already ("militiamen", "forces")."""
    *head, last = phrase.split()
    lemmas = getAllLemmas(last).get("NOUN", ())
    if lemmas and last not in lemmas:
        return []
    found = getInflection(last, "NNS")
    if found:
        plural = found[0]
    elif last.endswith("ss"):
        plural = last + "es"
    elif last.endswith("y") and last[-2:-1] not in set("aeiou"):
        plural = last[:-1] + "ies"
    else:
        plural = last + "s"
    return [" ".join([*head, plural])] if plural != last else []


def convert_agents(text: str, kb: KnowledgeBase, vocab: Vocabulary, report: Report) -> list[SectorWord]:
    """Agent words as sector words: one code of dragoman's state or armed sectors, a plain phrase
    of at most three words that ends in an English noun, no title word, not known yet."""
    rows: dict[str, SectorWord] = {}
    agents = read_agents(text)
    report.counts["agent phrases read"] = len(agents)
    title_words = {w for t in vocab.titles for w in t.split()}
    for agent in agents:
        if agent.code not in SECTOR_KINDS:
            report.drop("agent", "a compound or religious code dragoman's sector words do not carry", example=f"{agent.phrase} ~{agent.code}")
            continue
        if SECTOR_KINDS[agent.code] == "organization":
            report.drop("agent", "a society sector (CVL, ELI, REF, BUS ...): alone these words made actors of "
                        "\"girls\", \"actors\", \"expatriates\" and lowered event precision", example=f"{agent.phrase} ~{agent.code}")
            continue
        if " " in agent.phrase.strip():
            report.drop("agent", "words that may stand apart (a space in the phrase)", example=agent.phrase)
            continue
        singular = " ".join(agent.phrase.replace("_", " ").lower().split())
        forms = [singular] + ([" ".join(p.replace("_", " ").lower().split()) for p in agent.plurals] if agent.plural_given else _plurals(singular))
        for word in forms:
            words = word.split()
            if not word or not re.fullmatch(r"[a-z][a-z '\-]*", word):
                report.drop("agent", "not a plain phrase (digits, punctuation, substitution marks)", example=word)
            elif len(words) > 3:
                report.drop("agent", "longer than three words", example=word)
            elif set(words) & title_words:
                report.drop("agent", "a title word in it (dragoman's titles.tsv reads titles)", example=word)
            elif not getAllLemmas(words[-1]).get("NOUN"):
                report.drop("agent", "its last word is no English noun (a typo or a fragment)", example=word)
            elif word in kb.sectors or word in rows:
                report.drop("agent", "a sector word dragoman already has")
            elif word in vocab.places or word in vocab.org_names:
                report.drop("agent", "a country or organisation name", example=word)
            else:
                rows[word] = SectorWord(word, agent.code, SECTOR_KINDS[agent.code])
    report.counts["sector words converted (written with --sectors only)"] = len(rows)
    return list(rows.values())
