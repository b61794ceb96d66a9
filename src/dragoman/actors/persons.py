"""People the knowledge base does not know: named by NER or by news cues, with affiliation."""

from __future__ import annotations

import re
from typing import Mapping

from spacy.tokens import Doc

from dragoman.actors.implied import PENDING
from dragoman.actors.knowledge import KnowledgeBase, Person, name_key
from dragoman.actors.resolve import person_actor
from dragoman.records import Actor, ActorMention, Article, RemovedSpan, Span

STAGE = "actors.persons.v1"
_SPEECH = frozenset({"said", "says", "told", "added", "wrote", "warned", "asked", "explained", "argued", "noted", "insisted", "stated", "tweeted", "according"})
_APPOSITION_OPENERS = frozenset({"a", "an", "the", "who", "of", "from", "whose", "director", "head", "chief", "spokesman", "spokeswoman", "spokesperson", "senior", "professor", "former"})
_NOT_NAME = frozenset(
    "The A An In On At For Of And But Or If When While After Before Since As By With From To Under Despite However Last Next This That "
    "Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May June July August September October November December "
    "President Prime Minister Supreme Leader Foreign Defence Defense Secretary General Ayatollah King Queen Mr Mrs Ms Dr".split()
)
_ORG_WORDS = frozenset(
    "Foundation Center Centre Institute Council University Party Ministry Company Group Bank Agency Organization Organisation Committee Times News Post "
    "Forces Army Union Association Fund Court Assembly Parliament Congress Senate House Office Department Service Edition Sea Ocean River Street".split()
)
_SENTENCE_ADVERBS = frozenset("later earlier meanwhile then now still also yesterday today tomorrow tonight instead separately similarly finally overall".split())
_JOB_WORDS = frozenset("director adviser advisor manager aide strategist counsel secretary official spokesman spokeswoman spokesperson chairman".split())
# Titles (canonical, as in titles.tsv) that do not make their holder an officer of a state.
_NOT_STATE_TITLES = frozenset(
    {"spokesman", "spokeswoman", "spokesperson", "chief executive", "ceo", "chairman", "chairwoman", "chairperson", "chair", "@leader",
     "secretary-general", "director-general", "managing director", "high representative", "high commissioner", "commission president",
     "ambassador", "envoy", "special envoy", "special representative", "mayor", "speaker", "party chief", "party leader", "general secretary"}
)
_NAME_TOKEN = re.compile(r"^[A-Z][a-z]+(?:[-'’][A-Z]?[a-z]+)?$")


def _span(article: Article, doc: Doc, start: int, end: int) -> Span:
    s, e = doc[start].idx, doc[end - 1].idx + len(doc[end - 1].text)
    return Span(article.id, s, e, article.text[s:e])


def _affiliation(doc: Doc, end: int) -> str | None:
    """The apposition after a name: ", an analyst at the Center for ... in Vienna"."""
    if end + 1 >= len(doc) or doc[end].text != "," or doc[end + 1].lower_ not in _APPOSITION_OPENERS:
        return None
    stop = end + 1
    while stop < len(doc) and doc[stop].text not in {",", ".", ";", "”", "“", "\"", "—", "–"} and not doc[stop].is_sent_start:
        stop += 1
    text = doc[end + 1 : stop].text.strip()
    return text or None


def _candidates_by_cue(doc: Doc, taken: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Runs of 2-4 capitalised name tokens next to a speech verb or an apposition."""
    out: list[tuple[int, int]] = []
    tagged = doc.has_annotation("TAG")

    def name_token(k: int) -> bool:
        token = doc[k]
        if not _NAME_TOKEN.match(token.text) or token.text in _NOT_NAME:
            return False
        if tagged:
            return token.pos_ == "PROPN"
        # untagged: a capitalised common word opening a sentence ("Later Notte added") is no name
        return not (token.is_sent_start and (token.is_stop or token.lower_ in _SENTENCE_ADVERBS))

    i = 0
    n = len(doc)
    while i < n:
        if not name_token(i):
            i += 1
            continue
        j = i
        while j < n and j - i < 4 and name_token(j):
            j += 1
        if j - i >= 2 and doc[j - 1].text not in _ORG_WORDS and not any(s < j and i < e for s, e in taken):
            before = doc[i - 1].lower_ if i > 0 else ""
            after = doc[j].lower_ if j < n else ""
            after2 = doc[j + 1].lower_ if j + 1 < n else ""
            if before in _SPEECH or after in _SPEECH or (after == "," and (after2 in _APPOSITION_OPENERS or after2 in _SPEECH)):
                out.append((i, j))
        i = max(j, i + 1)
    return out


def _part_of_longer_name(doc: Doc, i: int) -> bool:
    """"Lopez-Cantera", "Clinton campaign manager Robby Mook": the surname is not the person here."""
    if (i + 1 < len(doc) and doc[i + 1].text in {"-", "–"}) or (i > 0 and doc[i - 1].text in {"-", "–"}):
        return True
    j = i + 1
    while j < len(doc) and j - i <= 3 and doc[j].is_lower and doc[j].is_alpha:
        j += 1
    return j > i + 1 and j < len(doc) and bool(_NAME_TOKEN.match(doc[j].text))


def _name_run(doc: Doc, start: int, end: int, titles: Mapping[str, str]) -> tuple[int, int] | None:
    """An NER person run cleaned up: a leading title dropped ("President Omar" → "Omar"), the
    name's remaining capitalised tokens added ("Omar El Bashir"); None when it is no person's name
    ("Clinton Communications Director Jennifer Palmieri": a run followed by a job title modifies
    the name after it)."""
    first = start
    while start < end and (doc[start].text in _NOT_NAME or doc[start].lower_ in titles or doc[start].lower_ in _JOB_WORDS):
        start += 1
    tagged = doc.has_annotation("TAG")
    while end < len(doc) and _NAME_TOKEN.match(doc[end].text) and doc[end].text not in _NOT_NAME and (not tagged or doc[end].pos_ == "PROPN") \
            and doc[end].lower_ not in titles and doc[end].lower_ not in _JOB_WORDS:
        end += 1
    if end - start < (1 if start > first and doc[start - 1].lower_ in titles else 2):
        return None  # one word is a name only after a title: "President Suharto"
    if end + 1 < len(doc) and (doc[end].lower_ in titles or doc[end].lower_ in _JOB_WORDS) and doc[end + 1].text[:1].isupper():
        return None
    return start, end


def _state_title_before(doc: Doc, start: int, titles: Mapping[str, str]) -> bool:
    """Is the name at ``start`` preceded by a state office ("President", "Vice-President",
    "Interior Minister")? Titles of spokespeople, executives, envoys and IGO heads are not."""
    for width in (1, 2, 3):
        if start - width < 0:
            break
        words = doc[start - width : start].text.lower()
        title = titles.get(words)
        if title is not None:
            return title not in _NOT_STATE_TITLES
    return False


def find_misspelt_person(kb: KnowledgeBase, name: str) -> Person | None:
    """The KB person whose name or alias differs from ``name`` by at most one letter, once
    accents, hyphens and Arabic articles are set aside ("Abdelaziz Bouteflicka", "Omar El Bashir",
    "Laurent Gbago"). Names under 10 letters or whose first words differ never match; a person
    whose name is the same once folded wins over others one letter away ("Ibrahim Al-Ja’afari" is
    Ibrahim al-Jaafari, not Ibrahim al-Jafari)."""
    key = name_key(name)
    if len(key) < 10:
        return None
    first = key.split()[0]
    near = [(k, p) for k, p in kb.people_by_first_word.get(first, ()) if abs(len(k) - len(key)) <= 1 and _within_one_edit(k, key)]
    exact = {p.id: p for k, p in near if k == key}
    hits = exact or {p.id: p for _, p in near}
    return next(iter(hits.values())) if len(hits) == 1 else None


def _within_one_edit(a: str, b: str) -> bool:
    if a == b:
        return True
    if len(a) > len(b):
        a, b = b, a
    i = 0
    while i < len(a) and a[i] == b[i]:
        i += 1
    return a[i:] == b[i + 1 :] if len(a) < len(b) else a[i + 1 :] == b[i + 1 :]


def find_unknown_persons(doc: Doc, article: Article, removed: tuple[RemovedSpan, ...], known: list[ActorMention], kb: KnowledgeBase | None = None) -> list[ActorMention]:
    """Persons not in the knowledge base, then later mentions of their surnames.

    Uses the NER's PERSON entities when the pipeline has them, and capitalised
    names beside a speech verb or an apposition. Surname-only mentions of any
    person named in full earlier (KB or not) are linked to that person.
    """
    skip = [(r.span.start, r.span.end) for r in removed]
    taken = [(m.span.start, m.span.end) for m in known]

    def free(start_char: int, end_char: int) -> bool:
        return not any(s < end_char and start_char < e for s, e in taken + skip)

    found: list[ActorMention] = []
    titles = kb.titles if kb is not None else {}
    # NER's PERSON entities (trained model) and names beside a speech verb or an apposition
    token_runs = [run for e in doc.ents if e.label_ == "PERSON" and (run := _name_run(doc, e.start, e.end, titles)) is not None]
    expanded = [doc.char_span(s, e, alignment_mode="expand") for s, e in taken]
    cued = [_name_run(doc, s, e, titles) for s, e in _candidates_by_cue(doc, [(x.start, x.end) for x in expanded if x is not None])]
    token_runs += [run for run in cued if run is not None and run not in token_runs]
    token_runs.sort()
    for start, end in token_runs:
        span = _span(article, doc, start, end)
        if not free(span.start, span.end):
            continue
        known_person = find_misspelt_person(kb, span.text) if kb is not None else None
        if known_person is not None:
            found.append(ActorMention(span, person_actor(kb, known_person, article.date), "person.misspelt", STAGE))  # type: ignore[arg-type]
        elif _state_title_before(doc, start, titles):
            # "President Suharto", "Vice-President Moody Awori": an office holder of the country the text implies
            actor = Actor(None, span.text, None, "person", "GOV", None, _affiliation(doc, end))
            found.append(ActorMention(span, actor, f"person.titled{PENDING}", STAGE))
        else:
            actor = Actor(None, span.text, None, "person", None, None, _affiliation(doc, end))
            found.append(ActorMention(span, actor, "person.unknown", STAGE))
        taken.append((span.start, span.end))

    surnames: dict[str, tuple[int, Actor]] = {}
    for mention in sorted([*known, *found], key=lambda m: m.span.start):
        if mention.actor.kind == "person" and mention.actor.name and " " in mention.actor.name:
            surnames.setdefault(mention.actor.name.split()[-1], (mention.span.end, mention.actor))
    for token in doc:
        hit = surnames.get(token.text)
        if hit is None or token.idx < hit[0] or _part_of_longer_name(doc, token.i):
            continue
        end_char = token.idx + len(token.text)
        if not free(token.idx, end_char):
            continue
        found.append(ActorMention(Span(article.id, token.idx, end_char, token.text), hit[1], "person.surname", STAGE))
        taken.append((token.idx, end_char))
    return found
