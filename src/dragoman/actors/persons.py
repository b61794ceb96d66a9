"""People the knowledge base does not know: named by NER or by news cues, with affiliation."""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Iterator, Mapping

from spacy.tokens import Doc, Token

from dragoman.actors.implied import PENDING
from dragoman.actors.knowledge import KnowledgeBase, Person, name_key
from dragoman.actors.resolve import person_actor
from dragoman.knowledge import packaged_text, read_rows, user_text
from dragoman.ranges import Covered
from dragoman.records import Actor, ActorMention, Article, MentionRole, MentionSource, RemovedSpan, Span

STAGE = "actors.persons.v1"
_CLASSES = ("surname_first", "particle", "kin", "speech", "apposition", "not_name", "org_word", "sentence_adverb", "job", "role", "rank", "honorific", "not_state_title", "verbal_act")


@dataclass(frozen=True, slots=True)
class PersonWords:
    """The word classes of ``actors/data/person_words.tsv`` (documented in its header)."""

    speech: frozenset[str]
    apposition: frozenset[str]
    not_name: frozenset[str]
    org_word: frozenset[str]
    sentence_adverb: frozenset[str]
    job: frozenset[str]
    role: frozenset[str]
    rank: frozenset[str]
    honorific: frozenset[str]
    not_state_title: frozenset[str]
    surname_first: frozenset[str]
    particle: frozenset[str]
    kin: frozenset[str]
    verbal_act: frozenset[str]
    given: frozenset[str] = frozenset()
    """Given names (lower case), from the knowledge base's people: see :func:`with_given_names`."""

    def strips(self, token: Token, titles: Mapping[str, str]) -> bool:
        """Is ``token`` a word that leads into a name but is not part of it ("President", "Colonel", "analyst")?"""
        lower = token.lower_
        return (token.text in self.not_name or lower in titles or lower in self.job or lower in self.rank
                or lower in self.honorific or lower in self.role)


def load_person_words(path: Path | None = None) -> PersonWords:
    """Read ``person_words.tsv`` (packaged, or ``path``); an unknown class is an error naming file and line."""
    text = packaged_text("dragoman.actors", "person_words.tsv") if path is None else user_text(path, "person words file")
    found: dict[str, set[str]] = {c: set() for c in _CLASSES}
    for row in read_rows(text, "person_words.tsv" if path is None else str(path), ("word", "class")):
        if row["class"] not in found:
            raise row.error(f"class {row['class']!r} is not one of {', '.join(_CLASSES)}")
        if not row["word"]:
            raise row.error("empty word")
        found[row["class"]].add(row["word"])
    return PersonWords(**{c: frozenset(words) for c, words in found.items()})


_INITIAL = re.compile(r"^[A-Z]\.$")
_NAME_TOKEN = re.compile(r"^[A-Z][a-z]+(?:[-'’][A-Z]?[a-z]+)?$")


def _affiliation(doc: Doc, end: int, words: PersonWords) -> str | None:
    """The apposition after a name: ", an analyst at the Center for ... in Vienna"."""
    if end + 1 >= len(doc) or doc[end].text != "," or doc[end + 1].lower_ not in words.apposition:
        return None
    stop = end + 1
    while stop < len(doc) and doc[stop].text not in {",", ".", ";", "”", "“", "\"", "—", "–"} and not doc[stop].is_sent_start:
        stop += 1
    text = doc[end + 1 : stop].text.strip()
    return text or None


def _cued(doc: Doc, start: int, end: int, titles: Mapping[str, str], words: PersonWords) -> bool:
    """Does the text around the run ``start:end`` say it is a person? A speech verb beside it ("said
    Carl Meacham", "Zakhilwal said"), "according to" before it, an apposition after it (", a
    spokesman"), or a role noun or rank directly before it ("barrister Colin Yeo", "Colonel Steve Warren")."""
    n = len(doc)
    before = doc[start - 1].lower_ if start > 0 else ""
    after = doc[end].lower_ if end < n else ""
    after2 = doc[end + 1].lower_ if end + 1 < n else ""
    if before in words.speech or after in words.speech or (after == "," and (after2 in words.apposition or after2 in words.speech)):
        return True
    if before == "to" and start > 1 and doc[start - 2].lower_ == "according":
        return True
    return (before in words.role or before in words.rank or before in words.honorific or before in words.job or before in titles
            or (before in words.kin and doc[start - 1].is_lower))


_NOT_PERSON_ENTITIES = frozenset({"ORG", "GPE", "LOC", "NORP", "FAC", "PRODUCT", "EVENT", "WORK_OF_ART", "LAW"})


def _acting_subject(token: Token) -> bool:
    """The word is the subject of a verb (with the trained parser)."""
    return token.dep_ in {"nsubj", "nsubj:pass"} and token.head.pos_ in {"VERB", "AUX"}


def _lone_speaker(doc: Doc, i: int, words: PersonWords) -> bool:
    """One capitalised word that is the subject of a speech verb right beside it ("Zakhilwal said",
    "warned Solmazturk"): a person named by surname, when the NER does not call it anything else."""
    token = doc[i]
    if token.ent_type_ in _NOT_PERSON_ENTITIES or token.text in words.not_name or token.is_sent_start and token.is_stop:
        return False
    verb = token.head
    beside = abs(verb.i - i) == 1 and verb.lower_ in words.speech and verb.lower_ != "according"
    return beside and token.dep_ in {"nsubj", "nsubj:pass"}


def with_given_names(words: PersonWords, kb: KnowledgeBase, min_people: int = 2) -> PersonWords:
    """``words`` with the given names of the knowledge base: the first word of the names of at least
    ``min_people`` people, less what is also a country, adjective, capital, title or word of another
    class ("Jordan", "General"). A capitalised run of two or three name words opening with one is a
    person ("Gary Fan", "Paul Tse") even where the NER and the text around it say nothing."""
    counts: dict[str, set[str]] = {}
    for person in kb.people.values():
        parts = person.name.split()
        if len(parts) >= 2 and _NAME_TOKEN.match(parts[0]):
            counts.setdefault(parts[0].lower(), set()).add(person.id)
    places = {n.lower() for c in kb.countries.values() for n in (c.name, *c.aliases, *c.adjectives, *c.capitals)}
    other = {w.lower() for w in words.not_name | words.org_word} | words.rank | words.honorific | words.role | words.job
    given = {w for w, ids in counts.items() if len(ids) >= min_people and w not in places and w not in kb.titles and w not in other}
    return replace(words, given=frozenset(given))


def _candidates_by_cue(doc: Doc, taken: list[tuple[int, int]], titles: Mapping[str, str], words: PersonWords) -> list[tuple[int, int]]:
    """Runs of 2-4 capitalised name tokens that the text around them marks as a person (:func:`_cued`)."""
    out: list[tuple[int, int]] = []
    tagged = doc.has_annotation("TAG")
    covered = Covered(len(doc), taken)

    def name_token(k: int) -> bool:
        token = doc[k]
        if not _NAME_TOKEN.match(token.text) or token.text in words.not_name or token.lower_ in words.rank or token.lower_ in words.honorific:
            return False
        if tagged:
            return token.pos_ == "PROPN"
        # untagged: a capitalised common word opening a sentence ("Later Notte added") is no name
        return not (token.is_sent_start and (token.is_stop or token.lower_ in words.sentence_adverb))

    i = 0
    n = len(doc)
    while i < n:
        if not name_token(i):
            i += 1
            continue
        j = i
        while j < n and j - i < 4 and name_token(j):
            j += 1
        named = _cued(doc, i, j, titles, words) or (j - i <= 3 and doc[i].lower_ in words.given)
        if j - i >= 2 and doc[j - 1].text not in words.org_word and not covered.overlaps(i, j) and named:
            out.append((i, j))
        elif j - i == 1 and (_lone_speaker(doc, i, words) or _after_role(doc, i, words)) and not covered.at(i):
            out.append((i, j))
        i = max(j, i + 1)
    return out


def _after_role(doc: Doc, i: int, words: PersonWords) -> bool:
    """Is the one capitalised word at ``i`` a name after a lower-case role noun or a rank ("analyst Muzhda",
    "Lieutenant Muath al-Kasaesbeh"), the word after it not continuing a name?"""
    return (i > 0 and ((doc[i - 1].is_lower and doc[i - 1].lower_ in words.role) or doc[i - 1].lower_ in words.rank)
            and not (i + 1 < len(doc) and doc[i + 1].text[:1].isupper() and not doc[i + 1].is_punct))


def _part_of_longer_name(doc: Doc, i: int) -> bool:
    """"Lopez-Cantera", "Clinton campaign manager Robby Mook": the surname is not the person here."""
    if (i + 1 < len(doc) and doc[i + 1].text in {"-", "–"}) or (i > 0 and doc[i - 1].text in {"-", "–"}):
        return True
    j = i + 1
    while j < len(doc) and j - i <= 3 and doc[j].is_lower and doc[j].is_alpha and not doc[j].is_stop:
        j += 1  # job words, not "of the" ("Meacham of the Center for ..." is Meacham)
    return j > i + 1 and j < len(doc) and bool(_NAME_TOKEN.match(doc[j].text))


def _name_run(doc: Doc, start: int, end: int, titles: Mapping[str, str], words: PersonWords, speaking: bool = False) -> tuple[int, int] | None:
    """An NER person run cleaned up: a leading title, rank or role dropped ("President Omar" → "Omar",
    "Colonel Steve Warren" → "Steve Warren"), the name's remaining capitalised tokens added ("Omar El
    Bashir"); None when it is no person's name ("Clinton Communications Director Jennifer Palmieri": a
    run followed by a job title modifies the name after it)."""
    first = start
    while start < end and words.strips(doc[start], titles):
        start += 1
    # a title inside the run ends what comes before it: "Chicago Alderman Jason Ervin" -> "Jason Ervin"
    inner = [k for k in range(start, end - 1) if words.strips(doc[k], titles) and doc[k].text[:1].isupper()]
    if inner:
        start = inner[-1] + 1
    # an NER run that swallowed what follows the name ("Elizabeth Quat of DAB"): cut at the first
    # lower-case word that is no name particle ("al", "bin", "van")
    cut = next((k for k in range(start + 1, end) if doc[k].is_lower and doc[k].is_alpha and doc[k].lower_ not in words.particle and not _joined(doc, k - 1)), None)
    if cut is not None:
        end = cut
    tagged = doc.has_annotation("TAG")
    while end < len(doc):
        if _joined(doc, end):
            end += 2  # "Hassan-Yari", "Chi-wai": the tokenizer splits hyphenated names
            continue
        if (doc[end].lower_ in words.particle and end + 2 < len(doc) and doc[end + 1].text in {"-", "‐"} and not doc[end].whitespace_
                and not doc[end + 1].whitespace_ and _NAME_TOKEN.match(doc[end + 2].text)):
            end += 3  # "Nimr al-Nimr": a particle glued to the surname by a hyphen
            continue
        if _INITIAL.match(doc[end].text) and end + 1 < len(doc) and _NAME_TOKEN.match(doc[end + 1].text):
            end += 1  # a middle initial: "Jason C. Ervin"
            continue
        if not (_NAME_TOKEN.match(doc[end].text) and doc[end].text not in words.not_name and (not tagged or doc[end].pos_ == "PROPN")
                and doc[end].lower_ not in titles and doc[end].lower_ not in words.job):
            break
        end += 1
    prev = doc[start - 1].lower_ if start > 0 else ""
    titled = (start > first and prev in titles) or prev in words.rank or prev in words.honorific or (start > 0 and _after_role(doc, start, words))
    if end - start < (1 if titled or speaking else 2):
        return None  # one word is a name only after a title ("President Suharto", "Mr. Kim") or as a speaker ("Zakhilwal said")
    if end + 1 < len(doc) and (doc[end].lower_ in titles or doc[end].lower_ in words.job) and doc[end + 1].text[:1].isupper():
        return None
    return start, end


def _joined(doc: Doc, k: int) -> bool:
    """Is token ``k`` a hyphen inside a name, written without spaces between two alphabetic parts?"""
    return (k + 1 < len(doc) and doc[k].text in {"-", "‐"} and not doc[k - 1].whitespace_ and not doc[k].whitespace_
            and doc[k - 1].is_alpha and doc[k - 1].text[:1].isupper() and doc[k + 1].is_alpha)


def _state_title_before(doc: Doc, start: int, titles: Mapping[str, str], words: PersonWords) -> bool:
    """Is the name at ``start`` preceded by a state office ("President", "Vice-President",
    "Interior Minister")? Titles of spokespeople, executives, envoys and IGO heads are not."""
    for width in (1, 2, 3):
        if start - width < 0:
            break
        title = titles.get(doc[start - width : start].text.lower())
        if title is not None:
            return title not in words.not_state_title
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


class _PeopleSeen:
    """The people the article has named in full so far, for linking later partial names to them.

    Indexed by the words of their names, each list in the order the people were added (named ones
    by position, then the ones found later, also by position): a partial name is looked up among
    the people whose names hold its words, not among all of them (quadratic in a long article).
    """

    def __init__(self, words: PersonWords, mentions: list[ActorMention]) -> None:
        self._words = words
        self._named: list[tuple[ActorMention, tuple[tuple[str, ...], ...]]] = []  # each mention with its folded names, read once
        self._last: dict[str, _Seen] = {}  # last word of a name -> the people
        self._first: dict[str, _Seen] = {}  # first word of a name -> the people
        self._first_surname_first: dict[str, _Seen] = {}  # the same, of people whose country writes the family name first
        self._any: dict[str, _Seen] = {}  # any word of a name -> the people
        for mention in sorted(mentions, key=lambda m: m.span.start):
            self.add(mention)

    def add(self, mention: ActorMention) -> None:
        names = tuple(tuple(n.split()) for n in {name_key(mention.span.text), name_key(mention.actor.name or "")} if n)
        if mention.actor.kind == "person" and len({w for n in names for w in n}) >= 2 and mention.found_by is not MentionSource.SURNAME:
            k = len(self._named)
            self._named.append((mention, names))
            surname_first = (mention.actor.country or "") in self._words.surname_first
            for index, keys in ((self._last, {n[-1] for n in names}), (self._first, {n[0] for n in names}),
                                (self._first_surname_first, {n[0] for n in names} if surname_first else set()),
                                (self._any, {w for n in names for w in n})):
                for key in keys:
                    index.setdefault(key, _Seen()).append(k, mention)

    def earlier(self, doc: Doc, start: int, end: int) -> ActorMention | None:
        """The latest person named before token ``start`` whose name holds the run ``start:end``: the
        surname alone (last word; the first word too after an honorific or title, or for people of
        countries that write the family name first: "Mr. Kim", "Wang"), or several of its words."""
        at = doc[start].idx
        run = name_key(doc[start:end].text).split()
        if not run:
            return None
        prev = doc[start - 1] if start > 0 else None
        # "Mr. Kim", "Lieutenant Muath", "pilot Muath", "his son Muath": the first name after a title, role or kin word
        honorific = prev is not None and (prev.lower_ in self._words.honorific or prev.lower_ in self._words.rank
                                          or (prev.is_lower and (prev.lower_ in self._words.role or prev.lower_ in self._words.kin)))
        if len(run) == 1:
            # every person of these lists matches: the latest one added that ends before the run wins
            word = run[0]
            lists = [self._last.get(word), (self._first if honorific else self._first_surname_first).get(word)]
            best = max((k for seen in lists if seen is not None if (k := seen.latest_before(at)) >= 0), default=-1)
            return self._named[best][0] if best >= 0 else None
        holding = [seen for w in run if (seen := self._any.get(w)) is not None]
        if len(holding) < len(run):
            return None  # a word of the run is in no name
        for k in min(holding, key=len).before(at):  # the people holding its rarest word
            names = self._named[k][1]
            if all(any(w in n for n in names) for w in run):
                return self._named[k][0]
        return None


class _Seen:
    """People (their numbers in ``_PeopleSeen._named``, rising) with their mentions' starts, which
    rise too except where the people found later start again from the top of the text."""

    def __init__(self) -> None:
        self.parts: list[tuple[list[int], list[int], list[int]]] = []  # runs of rising starts: (numbers, starts, ends)

    def __len__(self) -> int:
        return sum(len(numbers) for numbers, _, _ in self.parts)

    def append(self, k: int, mention: ActorMention) -> None:
        if not self.parts or self.parts[-1][1][-1] > mention.span.start:
            self.parts.append(([], [], []))
        numbers, starts, ends = self.parts[-1]
        numbers.append(k)
        starts.append(mention.span.start)
        ends.append(mention.span.end)

    def before(self, at: int) -> Iterator[int]:
        """The people whose mention ends at or before ``at``, latest added first."""
        for numbers, starts, ends in reversed(self.parts):
            for i in range(bisect_left(starts, at) - 1, -1, -1):  # those starting at or after ``at`` end after it
                if ends[i] <= at:
                    yield numbers[i]

    def latest_before(self, at: int) -> int:
        return next(self.before(at), -1)


def find_unknown_persons(doc: Doc, article: Article, removed: tuple[RemovedSpan, ...], known: list[ActorMention], kb: KnowledgeBase | None,
                         words: PersonWords) -> list[ActorMention]:
    """Persons not in the knowledge base, then later mentions of their surnames.

    Uses the NER's PERSON entities when the pipeline has them, and capitalised
    names beside a speech verb or an apposition. Surname-only mentions of any
    person named in full earlier (KB or not) are linked to that person.
    """
    taken = Covered(len(article.text), [(m.span.start, m.span.end) for m in known] + [(r.span.start, r.span.end) for r in removed])

    def free(start_char: int, end_char: int) -> bool:
        return not taken.overlaps(start_char, end_char)

    found: list[ActorMention] = []
    titles = kb.titles if kb is not None else {}
    # NER's PERSON entities (trained model) and names beside a speech verb or an apposition
    token_runs = [run for e in doc.ents if e.label_ == "PERSON" and (run := _name_run(doc, e.start, e.end, titles, words)) is not None]
    expanded = [doc.char_span(m.span.start, m.span.end, alignment_mode="expand") for m in known]
    cued = [_name_run(doc, s, e, titles, words, speaking=e - s == 1)
            for s, e in _candidates_by_cue(doc, [(x.start, x.end) for x in expanded if x is not None], titles, words)]
    by_ner = Covered(len(doc), token_runs)
    token_runs += [run for run in cued if run is not None and not by_ner.overlaps(*run)]
    token_runs.sort()
    people = _PeopleSeen(words, [m for m in known if m.actor.kind == "person"])
    for start, end in token_runs:
        span = article.token_span(doc, start, end)
        if not free(span.start, span.end):
            continue
        earlier = people.earlier(doc, start, end)
        known_person = find_misspelt_person(kb, span.text) if kb is not None and earlier is None else None
        if earlier is not None:
            # "Mr. Kim", "Ghanem Yazbeck", "Serraj": a part of the name of someone the article named before
            found.append(ActorMention(span, earlier.actor, "person.surname", STAGE, MentionSource.SURNAME, antecedent=earlier.span))
        elif known_person is not None:
            found.append(ActorMention(span, person_actor(kb, known_person, article.date), "person.misspelt", STAGE, MentionSource.PERSON))  # type: ignore[arg-type]
        elif _state_title_before(doc, start, titles, words):
            # "President Suharto", "Vice-President Moody Awori": an office holder of the country the text implies
            actor = Actor(None, span.text, None, "person", "GOV", None, _affiliation(doc, end, words))
            found.append(ActorMention(span, actor, f"person.titled{PENDING}", STAGE, MentionSource.PERSON, MentionRole.PENDING))
        else:
            actor = Actor(None, span.text, None, "person", None, None, _affiliation(doc, end, words))
            found.append(ActorMention(span, actor, "person.unknown", STAGE, MentionSource.PERSON))
        people.add(found[-1])
        taken.add(span.start, span.end)

    for token in doc:
        if not token.text[:1].isupper() or not token.is_alpha or _part_of_longer_name(doc, token.i):
            continue
        if token.text in words.not_name and not _acting_subject(token):
            continue  # "in May" is a month; "May said" is the Theresa May the article named
        end_char = token.idx + len(token.text)
        if not free(token.idx, end_char):
            continue
        hit = people.earlier(doc, token.i, token.i + 1)
        if hit is None:
            continue
        found.append(ActorMention(Span(article.id, token.idx, end_char, token.text), hit.actor, "person.surname", STAGE, MentionSource.SURNAME, antecedent=hit.span))
        taken.add(token.idx, end_char)
    return found
