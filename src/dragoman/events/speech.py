"""Verbal acts: what a political actor said about another is an event of its own.

In CAMEO a statement is an act: "the State Department said Boko Haram continued to launch
attacks" is the United States criticising Boko Haram (11), "said North Korea should return to
talks" an appeal to North Korea (02), "called the deliveries 'far from sufficient'" criticism,
"praised the European Union" praise (05). The act reported inside the speech is not asserted by
the article (events/assertion.py); the speech act is.

Two readings, both from the parse and a polarity lexicon (VADER's, with the political words of
``events/data/polarity.tsv`` added):

- **reported speech** (the quotes stage's direct, mixed and indirect quotes with a coded speaker):
  the actors that are the *subjects* of the content's predicates are its targets; the content's
  polarity decides criticism (111) or praise (051); an obligation modal on a target's predicate
  ("should", "must") makes it an appeal (020);
- **verdicts**: "called X Y", "described X as Y", "branded X Y": the subject judges X by Y.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable, Iterator, Mapping

from spacy.tokens import Doc, Span as DocSpan, Token
from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

from dragoman.events.antecedents import load_event_nouns
from dragoman.knowledge import packaged_text, read_rows
from dragoman.ranges import Ranges
from dragoman.records import ActorMention, Article, MentionRole, MentionSource, Quote, Span

NEGATIVE = -0.2  # VADER compound at or below which a statement about an actor is criticism
POSITIVE = 0.4  # at or above which it is praise
_OBLIGATION = frozenset({"should", "must", "ought"})
_SUBJECT = frozenset({"nsubj"})
_EXECUTIVE = frozenset({"GOV", "MIL", "COP", "SPY", "JUD"})  # CAMEO sectors of one state's executive organs
_MAIN = frozenset({"ROOT", "ccomp", "conj", "parataxis"})  # how a content's main predicates hang together
_ACTOR_RELATIONS = frozenset({"nmod:poss", "compound", "amod", "flat", "appos"})


_TYPOGRAPHIC = str.maketrans({"“": " ", "”": " ", "‘": " ", "’": "'", "«": " ", "»": " "})


@dataclass(frozen=True, slots=True)
class Polarity:
    """VADER's analyzer with dragoman's political words added (one per pipeline, no global state)."""

    analyzer: SentimentIntensityAnalyzer
    happenings: frozenset[str] = frozenset()  # words that report what happened ("killed", "attack"), not a judgment
    feelings: frozenset[str] = frozenset()  # predicates of how an actor feels ("is frustrated"), not a judgment of it
    unpraise: frozenset[str] = frozenset()  # negators and words of opposition that make a warm clause no praise
    acts: frozenset[str] = frozenset()  # nouns of acts ("attack", "strike"): "Iran's strikes were a great measure" judges Iran
    conditions: Mapping[str, str] = field(default_factory=dict)  # verb lemma -> code: "freedom is improving in Vietnam" 051

    def of(self, text: str) -> float:
        """VADER's compound score; typographic quotation marks are spaced out first (VADER strips only ASCII
        punctuation from a word's edges: "propaganda.”" would be no word of its lexicon)."""
        return float(self.analyzer.polarity_scores(text.translate(_TYPOGRAPHIC))["compound"])

    def between(self, text: str, start: int, end: int, mentions: list[ActorMention], judgment_only: bool = False) -> float:
        """Polarity of ``text[start:end]`` with the actors' names left out: "United States",
        "Free Syrian Army" and "Islamic State" say nothing about how the speaker judges them.
        ``judgment_only``: the words that only report what happened are left out too ("officials said
        20 people were killed in Iraq" is news, not a verdict on Iraq)."""
        parts: list[str] = []
        cursor = start
        for m in sorted(mentions, key=lambda m: m.span.start):
            if m.span.end <= cursor or m.span.start >= end:
                continue
            parts.append(text[cursor : max(cursor, m.span.start)])
            cursor = max(cursor, m.span.end)
        parts.append(text[cursor:end])
        joined = " ".join(p.strip() for p in parts if p.strip())
        if judgment_only:
            joined = " ".join(w for w in joined.split() if w.strip(".,;:!?\"'“”‘’()").lower() not in self.happenings)
        return self.of(joined)


def load_polarity() -> Polarity:
    """VADER's lexicon plus ``polarity.tsv``; a bad row is an error naming the line."""
    analyzer = SentimentIntensityAnalyzer()
    for row in read_rows(packaged_text("dragoman.events", "polarity.tsv"), "polarity.tsv", ("word", "valence")):
        try:
            valence = float(row["valence"])
        except ValueError as e:
            raise row.error(f"valence must be a number from -4 to 4, found {row['valence']!r}") from e
        word = row["word"]
        if not -4.0 <= valence <= 4.0 or not word or word != word.lower():
            raise row.error(f"need a lower-case word and a valence from -4 to 4, found {word!r} {row['valence']!r}")
        analyzer.lexicon[word] = valence
    return Polarity(analyzer, _words("happening_words.tsv"), _words("feeling_words.tsv"), _words("praise_blockers.tsv"), frozenset(load_event_nouns().roots),
                    _conditions())


def _conditions() -> dict[str, str]:
    """``condition_verbs.tsv``: a verb lemma and 051 or 111; another row is an error naming the line."""
    out: dict[str, str] = {}
    for row in read_rows(packaged_text("dragoman.events", "condition_verbs.tsv"), "condition_verbs.tsv", ("word", "code")):
        if not row["word"].isalpha() or row["word"] != row["word"].lower() or row["code"] not in {"051", "111"}:
            raise row.error(f"need a lower-case verb lemma and 051 or 111, found {row['word']!r} {row['code']!r}")
        out[row["word"]] = row["code"]
    return out


def _words(name: str) -> frozenset[str]:
    """A one-column word list of ``events/data``; a row that is not one lower-case word is an error naming the line."""
    out: set[str] = set()
    for row in read_rows(packaged_text("dragoman.events", name), name, ("word",)):
        word = row["word"]
        if not word or word != word.lower() or not word.isalpha():
            raise row.error(f"need one lower-case word, found {word!r}")
        out.add(word)
    return frozenset(out)


@dataclass(frozen=True, slots=True)
class SpeechAct:
    """A verbal act read from speech: who, about whom, which CAMEO code, and the evidence."""

    source: ActorMention
    target: ActorMention | None  # None: a verdict on an act noun, aimed at its doer later (events/antecedents.py)
    cameo: str
    rule: str
    evidence: Span
    anchor_char: int


def _mention_of(token: Token, mentions: list[ActorMention]) -> ActorMention | None:
    """The mention covering ``token``, else one covering its possessor or modifier ("Russia's aid") or the
    agent of an act noun ("shelling by the rebels")."""
    agents = [c for c in token.children if c.dep_ in {"nmod", "obl:agent"} and any(k.dep_ == "case" and k.lower_ == "by" for k in c.children)]
    for t in [token] + [c for c in token.children if c.dep_ in _ACTOR_RELATIONS] + agents:  # "shelling by the rebels"
        for m in mentions:
            if m.span.start <= t.idx < m.span.end:
                return m
    return None


def _is_place(m: ActorMention) -> bool:
    return m.role is MentionRole.PLACE


def _distinct(speaker: ActorMention, target: ActorMention) -> bool:
    """Is the target another actor than the speaker? ("Kerry said the U.S. will ..." is no dyad;
    an opposition party about its government is)."""
    if _is_place(target) or (target.actor.code is None and target.actor.country is None):
        return False
    if target.actor.code == speaker.actor.code:
        return False
    if target.actor.country == speaker.actor.country and (
        target.found_by is MentionSource.PRONOUN or target.actor.sector is None
        or (_executive(target) and _executive(speaker))
    ):
        return False  # one state's organs talking about each other are not a political dyad
    return True


def _executive(m: ActorMention) -> bool:
    return (m.actor.sector or "")[:3] in _EXECUTIVE


def _main_predicate(predicate: Token, content: DocSpan) -> bool:
    """Is this one of the content's main predicates: its root, or a clause or conjunct of it (at most
    two steps), not a relative or adverbial clause buried inside?"""
    token = predicate
    for _ in range(3):
        if token.head.i < content.start or token.head.i >= content.end or token.head is token:
            return True
        if token.dep_ not in _MAIN:
            return False
        token = token.head
    return False


def _content_subjects(content: DocSpan, mentions: list[ActorMention]) -> Iterator[tuple[ActorMention, Token]]:
    """Actors that are subjects of the content's main predicates."""
    for token in content:
        if token.dep_ not in _SUBJECT or not (content.start <= token.head.i < content.end):
            continue
        if not _main_predicate(token.head, content):
            continue
        m = _mention_of(token, mentions)
        if m is not None:
            yield m, token.head


def _content_actors(content: DocSpan, mentions: list[ActorMention], polarity: Polarity) -> list[tuple[ActorMention, Token]]:
    """With no actor as subject, the actors the content is about as doers anywhere in it ("said the
    attacks would increase hate for the U.S.", "said it was government forces who attacked first"),
    each with the content's root as its predicate. Only a critical tone is read this way: praise needs
    the praised actor as the subject. An actor that only undergoes or qualifies something ("tariffs on
    Japanese goods", "show Congress", "the events of Lebanon") is no target of the speaker's verdict."""
    out: list[tuple[ActorMention, Token]] = []
    for m in mentions:
        found = content.doc.char_span(m.span.start, m.span.end, alignment_mode="expand")
        if found is None or not content.start <= found.root.i < content.end or _open_question(found.root, content):
            continue
        if _acting(found.root) and _doer(found.root, polarity):
            out.append((m, content.root))
    return out


_OPEN_MARKS = frozenset({"whether", "if"})


def _open_question(token: Token, content: DocSpan) -> bool:
    """Is the token inside a "whether" or "if" clause of the content ("the probe would determine whether
    the blast was caused by artillery", "if our neighbours were to attack")? An open question or a
    condition names no one as having done anything."""
    for ancestor in [token, *token.ancestors]:
        if not content.start <= ancestor.i < content.end:
            break
        if any(c.dep_ == "mark" and c.lower_ in _OPEN_MARKS for c in ancestor.children):
            return True
    return False


_DOER_DEPS = frozenset({"nsubj", "obl:agent"})
_OWNER_DEPS = frozenset({"nmod:poss", "amod", "compound"})
_JUDGED_CASES = frozenset({"for", "of", "against", "toward", "towards"})
_RELATIVE_TAGS = frozenset({"WP", "WDT"})


def _head_conjunct(token: Token) -> Token:
    """The first of a coordination, the head of an apposition or a multi-word name ("the U.S. and [Saudi] governments")."""
    for _ in range(4):
        if token.dep_ not in {"conj", "appos", "flat"} or token.head is token:
            break
        token = token.head
    return token


def _does(token: Token) -> bool:
    """Is the token a clause's subject or a "by" agent ("shelling by the rebels", "recaptured by the government")?"""
    return token.dep_ in _DOER_DEPS or any(c.dep_ == "case" and c.lower_ == "by" for c in token.children)


def _doer(token: Token, polarity: Polarity, hostile: bool = True) -> bool:
    """Does the content name the actor as a doer: a subject or agent of any clause in it, the owner of
    such a subject ("an Israeli missile strike had targeted"), the one a relative clause says acted
    ("it was government forces who attacked first")? With ``hostile``, also the one a hostile word is
    aimed at (:func:`_aimed`: "hate for the U.S.", "to punish Iran")."""
    token = _head_conjunct(token)
    if _does(token) or hostile and _aimed(token, polarity):
        return True
    if token.dep_ in _OWNER_DEPS and token.head is not token:
        head = _head_conjunct(token.head)
        for _ in range(2):  # "an Israeli [missile] strike": through the compound to the noun it qualifies
            if head.dep_ not in {"compound", "amod"} or head.head is head:
                break
            head = _head_conjunct(head.head)
        return _does(head) or _clefted(head) or hostile and _aimed(head, polarity)
    return _clefted(token)


def _clefted(token: Token) -> bool:
    """"it was government forces who attacked first": the cleft's focus did what its relative clause says
    (only in a cleft: "Congress, which is about to write a bill" is no verdict on Congress)."""
    if not any(c.dep_ in {"expl", "nsubj"} and c.lower_ == "it" for c in token.children) or not any(c.dep_ == "cop" for c in token.children):
        return False
    return any(c.dep_ == "acl:relcl" and any(g.dep_ == "nsubj" and g.tag_ in _RELATIVE_TAGS for g in c.children) for c in token.children)


def _aimed(token: Token, polarity: Polarity) -> bool:
    """Is the token the object of a word of hostility that judges, not one that reports what happened:
    "hate for the U.S.", "the evil of ISIL", "punish Iran" (not "attacked ships", "killed civilians": their victims)?"""
    if token.dep_ == "obj":
        pass
    elif token.dep_ not in {"nmod", "obl"} or not any(c.dep_ == "case" and c.lower_ in _JUDGED_CASES for c in token.children):
        return False
    head = token.head
    words = {head.lower_, (head.lemma_ or "").lower()}
    return not words & polarity.happenings and min(polarity.analyzer.lexicon.get(w, 0.0) for w in words) < 0


def _acting(token: Token) -> bool:
    """Is the actor more than a place the content passes through? An actor named after a preposition of
    place or direction ("killed in both Iraq and Syria", "ranging from Senegal to Brazil", "approaches
    made to Kuwait") is where something happened, not whom the speaker judges."""
    for _ in range(4):
        if any(c.dep_ == "case" and c.lower_ in _PLACE_CASES for c in token.children):
            return False
        if token.dep_ in {"conj", "compound", "flat", "appos"} and token.head is not token:
            token = token.head  # "in Iraq and [Syria]": the first conjunct carries the preposition
            continue
        return True
    return True


def _agent(doc: Doc, mention: ActorMention, polarity: Polarity) -> bool:
    """Is the mention the doer of an act in the content (:func:`_doer`), not only the object of a hostile
    noun? Then the words of what happened are that doer's act and count in the tone."""
    found = doc.char_span(mention.span.start, mention.span.end, alignment_mode="expand")
    if found is None:
        return False
    return _doer(found.root, polarity, hostile=False)


_PLACE_CASES = frozenset({"in", "at", "from", "to", "into", "across", "throughout", "within", "near", "around", "between", "among", "through", "inside", "outside"})


def _about_self(content: DocSpan, speaker: ActorMention, mentions: list[ActorMention]) -> bool:
    """Is the content's main subject the speaker itself ("we", "I", or a mention of the speaker's chain)?"""
    subjects = [c for c in content.root.children if c.dep_ in _SUBJECT]
    if not subjects:
        return False
    if subjects[0].lower_ in _FIRST_PERSON:
        return True
    m = _mention_of(subjects[0], mentions)
    if m is None:
        if subjects[0].lower_ == "it" and (content.root.lemma_ == "be" or any(c.dep_ == "cop" for c in content.root.children)):
            return False  # "it was government forces who attacked first": a cleft, no pronoun of the speaker
        return subjects[0].pos_ == "PRON"  # "Japan said it had halted ...": an unresolved pronoun stands for the speaker
    return m.actor.code == speaker.actor.code or (m.entity is not None and m.entity == speaker.entity)


_FIRST_PERSON = frozenset({"i", "we"})


def _praised(doc: Doc, target: ActorMention, predicate: Token, acts: frozenset[str] = frozenset()) -> bool:
    """May a warm clause about ``target`` be read as praise of it? Only when the target itself is the
    predicate's subject (not an owner or modifier of it: "the IMF agreement requires ..."), the
    subject is not the speaker's own ("our troops are working ..."), and the clause states what is,
    not what could or would be ("Japan could also help ...", "Obama would engage ... if ...")."""
    subject = next((c for c in predicate.children if c.dep_ in _SUBJECT), None)
    if subject is None or not (target.span.start <= subject.idx < target.span.end or _judged_act(subject, predicate, target, acts)):
        return False
    if any(c.lower_ in _FIRST_PERSON_OWNERS for c in subject.children):
        return False
    return not any(c.dep_ == "aux" and c.lower_ in _HYPOTHETICAL for c in predicate.children)


_FIRST_PERSON_OWNERS = frozenset({"my", "our"})

_HYPOTHETICAL = frozenset({"could", "would", "might", "may"})


def _subject_of(target: ActorMention, predicate: Token) -> bool:
    """Is the target the predicate's subject, active or passive ("Kabul is frustrated")?"""
    return any(c.dep_ in {"nsubj", "nsubj:pass"} and target.span.start <= c.idx < target.span.end for c in predicate.children)


def _feeling(predicate: Token, feelings: frozenset[str]) -> bool:
    return predicate.lower_ in feelings or (predicate.lemma_ or "").lower() in feelings


def _obliged(predicate: Token) -> bool:
    return any(c.dep_ == "aux" and c.lower_ in _OBLIGATION for c in predicate.children)


def _act_praised(text: str, predicate: Token, target: ActorMention, end: int, mentions: list[ActorMention], polarity: Polarity) -> str | None:
    """"Iran's missile strikes were a great measure": the subject is an act of the target's (a noun of
    ``event_nouns.tsv`` it owns), the predicate a copular verdict on it, and what that verdict says
    (without the act's own words) is warm: praise (051) of the act's doer. A verb is no verdict ("the
    IMF agreement requires Egypt to ...")."""
    subject = next((c for c in predicate.children if c.dep_ in _SUBJECT), None)
    if subject is None or not _judged_act(subject, predicate, target, polarity.acts):
        return None
    start = subject.right_edge.idx + len(subject.right_edge.text)
    return "051" if _code_of(polarity.between(text, start, end, mentions, judgment_only=True)) == "051" else None


def _judged_act(subject: Token, predicate: Token, target: ActorMention, acts: frozenset[str]) -> bool:
    """"Iran's strikes were a great measure": a copular verdict on an act the target owns."""
    return _owned_act(subject, target, acts) and any(c.dep_ == "cop" for c in predicate.children)


def _owned_act(subject: Token, target: ActorMention, acts: frozenset[str]) -> bool:
    """Is the subject a noun of an act whose owner is the target ("Iran's strikes")?"""
    if (subject.lemma_ or "").lower() not in acts and subject.lower_ not in acts:
        return False
    return any(c.dep_ in _OWNER_DEPS and target.span.start <= c.idx < target.span.end for c in subject.children)


_BURIED = frozenset({"acl", "acl:relcl", "advcl", "advcl:relcl", "csubj", "mark"})  # a predicate inside a relative or adverbial clause


def _hostile_owners(content: DocSpan, mentions: list[ActorMention], polarity: Polarity) -> list[ActorMention]:
    """"all those who propound democratic values are Moscow's enemies": the owner of a hostile noun
    that is a predicate of the content (a copular one, not negated, not inside a relative or adverbial
    clause; the parse often hangs it wrongly, so any other place counts) is judged by it."""
    out: list[ActorMention] = []
    for token in content:
        head = token.head
        if token.dep_ != "nmod:poss" or not content.start <= head.i < content.end or not any(c.dep_ == "cop" for c in head.children):
            continue
        if head.dep_ in _BURIED or any(c.dep_ == "advmod" and c.lower_ in {"not", "n't", "never"} for c in head.children):
            continue
        words = {head.lower_, (head.lemma_ or "").lower()}
        if words & polarity.happenings or min(polarity.analyzer.lexicon.get(w, 0.0) for w in words) >= 0:
            continue
        m = _mention_of(token, mentions)
        if m is not None and m not in out:
            out.append(m)
    return out


def _condition(content: DocSpan, mentions: list[ActorMention], polarity: Polarity) -> tuple[ActorMention, str] | None:
    """"religious freedom is gradually improving in Vietnam": the content's root is a verb of a changing
    condition (``condition_verbs.tsv``), its subject no actor nor a word of what happened, not negated,
    and a country follows "in": that country and the verb's code."""
    root = content.root
    code = polarity.conditions.get((root.lemma_ or "").lower())
    if code is None or any(c.dep_ == "advmod" and c.lower_ in {"not", "n't", "never"} for c in root.children):
        return None
    subject = next((c for c in root.children if c.dep_ == "nsubj"), None)
    if subject is None or subject.pos_ != "NOUN" or subject.lower_ in polarity.happenings or _mention_of(subject, mentions) is not None:
        return None
    for c in root.children:
        if c.dep_ in {"obl", "nmod"} and any(k.dep_ == "case" and k.lower_ == "in" for k in c.children):
            m = _mention_of(c, mentions)
            if m is not None and m.actor.kind == "state":
                return m, code
    return None


def _addressee(doc: Doc, mention: ActorMention, cue: Token) -> bool:
    """Is the mention the one spoken to ("told VOA the U.S. is ..."), which a content's span may take in?"""
    found = doc.char_span(mention.span.start, mention.span.end, alignment_mode="expand")
    if found is None:
        return False
    if (cue.lemma_ or "").lower() == "tell" and found.start == cue.i + 1:
        return True  # "told VOA the U.S. is ...": the parse often takes the addressee for the content's subject
    return found.root.head is cue and found.root.dep_ in {"obj", "iobj"}


def _withheld(doc: Doc, start: int, end: int, blockers: frozenset[str]) -> bool:
    """Does the clause ``[start, end)`` deny or oppose (``praise_blockers.tsv``: "did not accord", "is
    against it")? A warm word in it is then no praise."""
    span = doc.char_span(start, end, alignment_mode="expand")
    return span is not None and any(t.lower_ in blockers or (t.lemma_ or "").lower() in blockers for t in span)


def _code_of(polarity: float) -> str | None:
    if polarity <= NEGATIVE:
        return "111"
    if polarity >= POSITIVE:
        return "051"
    return None


def _cue(doc: Doc, quote: Quote) -> Token | None:
    if quote.cue is None:
        return None
    cue = doc.char_span(quote.cue.start, quote.cue.end, alignment_mode="expand")
    return cue.root if cue is not None else None


def speech_acts(doc: Doc, article: Article, quotes: tuple[Quote, ...], mentions: tuple[ActorMention, ...], polarity: Polarity,
                speech_cues: frozenset[str], spoken: Callable[[Token], bool] = lambda cue: True) -> list[SpeechAct]:
    """Criticism, praise and appeals in what a coded speaker said about other actors. Only quotes whose
    cue is a verb of speech or writing (``speech_cues``, lemmas) count: what a speaker believes or fears
    is no act, nor speech that ``spoken`` says was not asserted to happen ("the United States will respond")."""
    out: list[SpeechAct] = []
    by_start = Ranges(mentions, lambda m: (m.span.start, m.span.end))
    for quote in quotes:
        speaker = quote.speaker
        if speaker is None or (speaker.actor.code is None and speaker.actor.country is None) or _is_place(speaker):
            continue
        cue_token = _cue(doc, quote)
        if cue_token is None or (cue_token.lemma_ or "").lower() not in speech_cues or not spoken(cue_token):
            continue
        if quote.kind == "indirect" and cue_token.idx > quote.span.start:
            continue  # "X retook the village, Thai officials said": a trailing attribution sources the news, it is no verbal act
        content = doc.char_span(quote.span.start, quote.span.end, alignment_mode="expand")
        if content is None:
            continue
        inside = [m for m in by_start.starting(quote.span.start, quote.span.end) if not _addressee(doc, m, cue_token)]
        if not inside:
            continue
        if (content.root.lemma_ or "").lower() in speech_cues and any(_mention_of(c, inside) for c in content.root.children if c.dep_ in _SUBJECT):
            continue  # "officials say Hagel told Shoygu that Russia is risking ...": the speaker relays another's speech
        seen: set[tuple[str | None, str | None]] = set()
        about = list(_content_subjects(content, inside))
        whole = not about  # no actor is a subject: the whole content's tone applies to the actors in it
        if whole and _about_self(content, speaker, inside):
            continue  # "Japan said it had halted aid to Serbia ...": the speaker reports its own act
        for target in _hostile_owners(content, inside, polarity):
            if _distinct(speaker, target):
                out.append(_act(article, quote, speaker, target, "111", "owner"))
        condition = _condition(content, inside, polarity) if whole else None
        if condition is not None:
            if condition[0].actor.country != speaker.actor.country:
                out.append(_act(article, quote, speaker, condition[0], condition[1], "condition"))
            continue
        for target, predicate in about or _content_actors(content, inside, polarity):
            if not _distinct(speaker, target) or (target.actor.code, target.actor.name) in seen:
                continue
            if _feeling(predicate, polarity.feelings) and _subject_of(target, predicate):
                continue  # "said Kabul is frustrated": the target's mood, not the speaker's verdict on it
            # the tone of what is said about this target: its predicate's clause, inside the quote
            lo = quote.span.start if whole else max(quote.span.start, predicate.left_edge.idx)
            hi = quote.span.end if whole else min(quote.span.end, predicate.right_edge.idx + len(predicate.right_edge.text))
            judgment_only = whole and not _agent(doc, target, polarity)  # "shelling by the rebels killed six": their act, its tone
            code = "020" if _obliged(predicate) else _code_of(polarity.between(article.text, lo, hi, inside, judgment_only=judgment_only))
            if code is None and not whole:
                code = _act_praised(article.text, predicate, target, hi, inside, polarity)
            if code is None or (whole and code != "111"):
                continue  # a warm word anywhere in the content is no praise of whoever it names
            if code == "051" and (target.found_by is MentionSource.PRONOUN or not _praised(doc, target, predicate, polarity.acts)
                                  or _withheld(doc, lo, hi, polarity.unpraise)):
                continue
            seen.add((target.actor.code, target.actor.name))
            out.append(_act(article, quote, speaker, target, code))
    return out


def _act(article: Article, quote: Quote, speaker: ActorMention, target: ActorMention, code: str, how: str = "") -> SpeechAct:
    """The speech act of ``quote``: its evidence from the speaker through the content."""
    cue = quote.cue
    start = min(quote.span.start, cue.start if cue else quote.span.start, speaker.span.start)
    end = max(quote.span.end, cue.end if cue else quote.span.end, speaker.span.end)
    rule = {"020": "speech.appeal", "111": "speech.criticism", "051": "speech.praise"}[code]
    suffix = f".{how}" if how else ""
    return SpeechAct(speaker, target, code, f"{rule}.{quote.kind}{suffix}", article.span(start, end), cue.start if cue else quote.span.start)


_VERDICT_FORMS = frozenset({"calling", "called", "calls", "call", "describing", "described", "describes", "branding", "branded", "brands",
                            "labeling", "labelling", "labeled", "labelled", "dubbed", "dubbing", "termed", "terming"})
_PREDICATE_STOPS = frozenset({",", ".", ";", ":", "?", "!", "—", "–", "but", "and", "while", "because", "after", "before"})
_QUOTE_MARKS = frozenset({'"', "“", "”", "'", "‘", "’", "``", "''"})
_REACH = 4  # tokens between the verb and its object's mention
_PREDICATE_REACH = 10


@dataclass(frozen=True, slots=True)
class Verdict:
    """"called X Y": the judged actor's mention and the character range of the predicate Y."""

    target: ActorMention
    start: int
    end: int


def verdict_at(doc: Doc, token: Token, mentions: list[ActorMention]) -> Verdict | None:
    """Read "called/described/branded X (as) Y" at ``token``, by word order (the parser often splits
    such small clauses wrongly): X is the first actor mention within a few tokens after the verb, Y
    what follows it up to the clause's end (a quoted Y up to its closing mark)."""
    if token.lower_ not in _VERDICT_FORMS or token.tag_ not in {"VB", "VBD", "VBG", "VBN", "VBZ", "NNP"}:
        return None
    sent = token.sent
    if token.i + 1 < sent.end and doc[token.i + 1].lower_ in {"for", "on", "upon", "in", "off", "up", "out", "back"}:
        return None  # "called for", "called on": an appeal or a phrasal verb, not a verdict
    after = [m for m in mentions if token.idx < m.span.start and sent.start_char <= m.span.start < sent.end_char]
    if not after:
        return None
    target = min(after, key=lambda m: m.span.start)
    first = doc.char_span(target.span.start, target.span.end, alignment_mode="expand")
    if first is None or first.start - token.i > _REACH or any(t.is_punct and t.text not in _QUOTE_MARKS for t in doc[token.i + 1 : first.start]):
        return None
    i = first.end
    if i < sent.end and doc[i].lower_ in {"'s", "’s"}:
        # "Iran's (recent) behavior", "Iran's government": the possessed noun phrase is part of X
        i += 1
        while i < sent.end and doc[i].pos_ in {"ADJ", "NOUN", "PROPN"} and doc[i].text not in _QUOTE_MARKS:
            i += 1
    while i < sent.end and doc[i].pos_ in {"NOUN", "PROPN"} and i == first.end:
        i += 1
    if i < sent.end and doc[i].lower_ == "as":
        i += 1
    elif i >= sent.end or doc[i].pos_ in {"ADP", "ADV", "VERB", "AUX", "SCONJ", "CCONJ"} or doc[i].is_punct and doc[i].text not in _QUOTE_MARKS:
        return None  # "called Erdogan on Monday", "called Erdogan, who ...": no predicate, an ordinary call
    found = _predicate_from(doc, i, sent)
    return Verdict(target, found[0], found[1]) if found is not None else None


def _predicate_from(doc: Doc, i: int, sent: DocSpan) -> tuple[int, int] | None:
    """The character range of a verdict's predicate Y starting at token ``i``: up to the clause's end,
    a quoted Y up to its closing mark."""
    quoted = i < sent.end and doc[i].text in _QUOTE_MARKS
    end = i + 1 if quoted else i
    while end < min(sent.end, i + _PREDICATE_REACH):
        word = doc[end]
        if quoted and word.text in _QUOTE_MARKS:
            end += 1
            break
        if not quoted and word.text in _QUOTE_MARKS and end > i + 1 and not _inside_phrase(doc, end, i):
            return _quoted_from(doc, end, sent) or _range(doc, i, end)  # "called U.S. threats to ... “deplorable”": the quoted words are Y
        if not quoted and word.lower_ in _PREDICATE_STOPS:
            break
        end += 1
    if end - i < 1 or (quoted and end - i < 3):
        return None
    last = doc[end - 1]
    return doc[i].idx, last.idx + len(last.text)


def _quoted_from(doc: Doc, at: int, sent: DocSpan) -> tuple[int, int] | None:
    """The range of the words of the quotation opening at token ``at`` and closing within the sentence."""
    for end in range(at + 2, min(sent.end, at + _PREDICATE_REACH + 2)):
        if doc[end].text in _QUOTE_MARKS:
            return _range(doc, at + 1, end)
    return None


def _range(doc: Doc, start: int, end: int) -> tuple[int, int]:
    last = doc[end - 1]
    return doc[start].idx, last.idx + len(last.text)


_DEMONSTRATIVES = frozenset({"it", "this", "that"})
_CLAUSE_STOPS = frozenset({",", ".", ";", ":", "?", "!", "—", "–"})
_LONG_REACH = 20


def pronoun_verdict_at(doc: Doc, token: Token, mentions: list[ActorMention]) -> Verdict | None:
    """"called it another in a long pattern of Iran ignoring resolutions": a verdict on an act named by a
    pronoun whose predicate names the actor doing something (an actor followed by a gerund, "Iran
    ignoring"): the verdict judges that actor."""
    if token.lower_ not in _VERDICT_FORMS or token.pos_ != "VERB" or token.i + 2 >= token.sent.end:
        return None
    sent = token.sent
    if doc[token.i + 1].lower_ not in _DEMONSTRATIVES or doc[token.i + 1].pos_ != "PRON":
        return None
    start = token.i + 2
    end = start
    while end < min(sent.end, start + _LONG_REACH) and doc[end].text not in _CLAUSE_STOPS:
        end += 1
    if end - start < 2:
        return None
    lo, hi = doc[start].idx, doc[end - 1].idx + len(doc[end - 1].text)
    for m in sorted(mentions, key=lambda m: m.span.start):
        found = doc.char_span(m.span.start, m.span.end, alignment_mode="expand")
        if found is None or not lo <= m.span.start < hi or found.end >= end:
            continue
        if doc[found.end].tag_ == "VBG":
            return Verdict(m, lo, hi)
    return None


def act_verdict_at(doc: Doc, token: Token, mentions: list[ActorMention], acts: frozenset[str]) -> tuple[int, int] | None:
    """"described Sunday's launch as a clear threat": a verdict on an act named by a noun of
    ``event_nouns.tsv`` with no actor in it; the act's doer is found among the acts reported before
    (events/antecedents.py). The character range of the predicate, or None."""
    if token.lower_ not in _VERDICT_FORMS or token.pos_ != "VERB":
        return None
    sent = token.sent
    for obj in token.children:
        if obj.dep_ != "obj" or (obj.lemma_ or "").lower() not in acts:
            continue
        if any(obj.left_edge.idx <= m.span.start < obj.right_edge.idx + len(obj.right_edge.text) for m in mentions):
            return None  # "called Iran's launch ...": the actor is named, verdict_at reads it
        i = obj.right_edge.i + 1
        if i < sent.end and doc[i].lower_ == "as":
            i += 1
        elif token.lemma_ != "call":
            return None
        return _predicate_from(doc, i, sent) if i < sent.end else None
    return None


def _inside_phrase(doc: Doc, at: int, start: int) -> bool:
    """Does the quotation mark at ``at`` open a quoted word inside the predicate's noun phrase
    ("a “brutal” regime"): only a determiner or adjectives since the predicate's start?"""
    return all(doc[k].pos_ in {"DET", "ADJ", "ADV"} for k in range(start, at)) and at + 2 < len(doc) and any(
        doc[k].text in _QUOTE_MARKS for k in range(at + 1, min(len(doc), at + 5)))


def _fronted_subject(doc: Doc, token: Token, verdict: Verdict, mentions: list[ActorMention]) -> list[ActorMention]:
    """"Calling Iran's government a brutal regime, Obama conceded ...": a sentence-initial participle's
    subject is the main clause's, the first actor after the comma that closes the participial clause."""
    if token.i != token.sent.start or token.tag_ not in {"VBG", "VBN", "NNP"}:
        return []
    comma = next((t for t in token.sent if t.idx >= verdict.end and t.text == ","), None)
    if comma is None:
        return []
    after = sorted((m for m in mentions if m.span.start > comma.idx and m is not verdict.target), key=lambda m: m.span.start)
    return after[:1] if after and after[0].span.start - comma.idx < 60 else []


def verdicts(doc: Doc, article: Article, mentions: Ranges[ActorMention], polarity: Polarity,
             subject_of: Callable[[DocSpan, Token], list[ActorMention]], acts: frozenset[str] = frozenset()) -> list[SpeechAct]:
    """"Obama called Iran's government a brutal regime": criticism (111) or praise (051) of the
    object by the subject, by the polarity of the predicate. ``mentions`` are found by their start."""
    out: list[SpeechAct] = []
    for sent in doc.sents:
        inside = mentions.starting(sent.start_char, sent.end_char)
        if not inside:
            continue
        for token in sent:
            found = (verdict_at(doc, token, inside) or pronoun_verdict_at(doc, token, inside)) if len(inside) > 1 else None
            if found is None:
                out.extend(_act_verdict(doc, article, token, inside, polarity, subject_of, acts))
                continue
            # a fronted participle's subject follows its clause (the parse often joins the two)
            sources = _fronted_subject(doc, token, found, inside) or [m for m in subject_of(sent, token) if m is not found.target]
            code = _code_of(polarity.between(article.text, found.start, found.end, inside))
            if code is None or not sources or not _distinct(sources[0], found.target):
                continue
            source = sources[0]
            start, end = min(source.span.start, token.idx), max(found.end, found.target.span.end)
            out.append(SpeechAct(source, found.target, code, "speech.verdict", article.span(start, end), token.idx))
    return out


def _act_verdict(doc: Doc, article: Article, token: Token, inside: list[ActorMention], polarity: Polarity,
                 subject_of: Callable[[DocSpan, Token], list[ActorMention]], acts: frozenset[str]) -> list[SpeechAct]:
    """A criticism (111) by the verb's subject of an act named by a noun ("described Sunday's launch as
    a clear threat"), still without target: events/antecedents.py aims it at the act's doer, else it is dropped."""
    found = act_verdict_at(doc, token, inside, acts)
    if found is None or _code_of(polarity.between(article.text, found[0], found[1], inside)) != "111":
        return []
    sources = subject_of(token.sent, token)
    if not sources:
        return []
    source = sources[0]
    start, end = min(source.span.start, token.idx), max(found[1], token.idx + len(token.text))
    return [SpeechAct(source, None, "111", "speech.verdict.act", article.span(start, end), token.idx)]
