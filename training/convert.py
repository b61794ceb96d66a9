"""Build spaCy DocBin training data for dragoman's English pipeline.

Reads the treebanks in ``../shared/corpora`` (relative to the repository root) and
writes ``training/corpus/{train,dev}.spacy`` plus per-sentence test files
``training/corpus/{ewt,gum}-test.spacy``.

Annotation layers:

* tags, UPOS, morphology, lemmas, dependencies: UD English EWT and GUM (CoNLL-U).
* named entities, labels PERSON / ORG / GPE / LOC / NORP:
  - EWT sentences: UniversalNER (UNER) EWT, matched by ``sent_id``. PER -> PERSON,
    ORG -> ORG, LOC -> GPE or LOC (see ``_place_label``), OTH -> NORP when the span is a
    single capitalised nationality/group word (ADJ or plural proper noun), else O.
  - GUM sentences: the corpus's own entity layer (``Entity=`` in MISC). A mention is
    *named* when its syntactic head is a PROPN. Named person -> PERSON (NNPS head ->
    NORP), organization -> ORG, place -> GPE or LOC; other types (event, object, ...)
    are not entities. The entity span is the proper-name core of the mention around
    its head (leading "the", titles outside the name, appositions and relative
    clauses are dropped). Capitalised demonyms outside any named mention -> NORP.

With ``--commercial-only``, GUM documents are used only where ``training/gum_genres.tsv``
marks their genre's text licence as allowing commercial use (train and dev); the GUM test file
is kept whole, for evaluation only. Without it (the default, which built the shipped model)
every GUM genre is used.

Usage: python training/convert.py [--commercial-only] [--corpora ../shared/corpora] [--out training/corpus]
"""

from __future__ import annotations

import argparse
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

import spacy
from spacy.tokens import Doc, DocBin

from dragoman.nlp.labels import LOC_NAMES, LOC_WORDS, NORP_SEED, TITLES

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CORPORA = ROOT.parent / "shared" / "corpora"

# The GPE/LOC rule and the title words are dragoman's NER label conventions, shared with
# the gazetteer ruler (src/dragoman/nlp/labels.py). _LOC_WORDS: words marking a place name
# as a geographic feature or facility (LOC), applied the same way to UNER LOC spans and GUM
# places; _LOC_NAMES: continents, regions, seas; _TITLES: stripped from the front of GUM
# person names ("Senator John Cornyn" -> "John Cornyn"); a person mention headed by one
# ("Governor of Virginia", "Sir", "Your Honor") is not a named entity.
_LOC_WORDS = set(LOC_WORDS)
_LOC_NAMES = set(LOC_NAMES)
_TITLES = set(TITLES)
# Seed demonyms / group names (NORP); extended from UNER OTH spans in EWT train.
_NORP_SEED = set(NORP_SEED)


@dataclass
class Word:
    form: str
    lemma: str
    upos: str
    xpos: str
    feats: str
    head: int  # 1-based within sentence, 0 = root
    deprel: str
    space: bool
    misc: str


@dataclass
class Sentence:
    sent_id: str
    doc_id: str
    words: list[Word] = field(default_factory=list)
    ents: list[tuple[int, int, str]] | None = None  # word start, end (excl), label


def read_conllu(path: Path) -> list[Sentence]:
    sents: list[Sentence] = []
    doc_id = ""
    cur: Sentence | None = None
    mwt_end = -1
    mwt_space = True
    for line in path.read_text(encoding="utf8").splitlines():
        if line.startswith("#"):
            m = re.match(r"# newdoc id = (.+)", line)
            if m:
                doc_id = m.group(1).strip()
            m = re.match(r"# sent_id = (.+)", line)
            if m:
                cur = Sentence(m.group(1).strip(), doc_id)
                mwt_end = -1
            continue
        if not line.strip():
            if cur is not None and cur.words:
                sents.append(cur)
            cur = None
            continue
        cols = line.split("\t")
        if "." in cols[0]:
            continue
        if "-" in cols[0]:
            a, b = cols[0].split("-")
            mwt_end = int(b)
            mwt_space = "SpaceAfter=No" not in cols[9]
            continue
        wid = int(cols[0])
        if wid < mwt_end:
            space = False
        elif wid == mwt_end:
            space = mwt_space
        else:
            space = "SpaceAfter=No" not in cols[9]
        assert cur is not None
        cur.words.append(
            Word(cols[1], cols[2], cols[3], cols[4], "" if cols[5] == "_" else cols[5],
                 int(cols[6]), cols[7], space, cols[9])
        )
    if cur is not None and cur.words:
        sents.append(cur)
    return sents


def read_genre_policy(path: Path) -> dict[str, bool]:
    """Genre -> whether its texts may be trained on (``use`` column of gum_genres.tsv)."""
    policy: dict[str, bool] = {}
    for n, line in enumerate(path.read_text(encoding="utf8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        cols = line.split("\t")
        if len(cols) != 3 or cols[2] not in ("yes", "no"):
            raise SystemExit(f"{path}:{n}: expected genre<TAB>licence<TAB>yes|no, got {line!r}")
        policy[cols[0]] = cols[2] == "yes"
    return policy


def genre_of(doc_id: str) -> str:
    m = re.match(r"GUM_([a-z]+)_", doc_id)
    if not m:
        raise SystemExit(f"GUM document id without a genre: {doc_id!r}")
    return m.group(1)


def usable(sents: list[Sentence], policy: dict[str, bool]) -> list[Sentence]:
    """The sentences of documents whose genre may be trained on; an unknown genre is an error."""
    unknown = {genre_of(s.doc_id) for s in sents} - policy.keys()
    if unknown:
        raise SystemExit(f"GUM genres missing from gum_genres.tsv: {sorted(unknown)}")
    return [s for s in sents if policy[genre_of(s.doc_id)]]


def read_iob2(path: Path) -> dict[str, tuple[list[str], list[str]]]:
    out: dict[str, tuple[list[str], list[str]]] = {}
    sid = None
    toks: list[str] = []
    tags: list[str] = []
    for line in path.read_text(encoding="utf8").splitlines() + [""]:
        if line.startswith("#"):
            m = re.match(r"# sent_id = (.+)", line)
            if m:
                sid = m.group(1).strip()
            continue
        if not line.strip():
            if sid is not None and toks:
                out[sid] = (toks, tags)
            sid, toks, tags = None, [], []
            continue
        cols = line.split("\t")
        toks.append(cols[1])
        tag = cols[2] if len(cols) > 2 else "O"
        if tag in ("B-O", "I-O", ""):
            tag = "O"
        tags.append(tag)
    return out


def _place_label(words: list[Word], start: int, end: int) -> str:
    text = " ".join(w.form for w in words[start:end]).lower()
    if text.startswith("the "):
        text = text[4:]
    if text in _LOC_NAMES:
        return "LOC"
    if any(w.form.lower() in _LOC_WORDS for w in words[start:end]):
        return "LOC"
    return "GPE"


def _is_norp_word(w: Word, lexicon: set[str]) -> bool:
    return (
        w.form[:1].isupper()
        and w.form.lower() in lexicon
        and (w.upos in ("ADJ", "PROPN") or w.xpos in ("NNPS", "NNS"))
    )


def uner_entities(sent: Sentence, tags: list[str], lexicon: set[str]) -> list[tuple[int, int, str]]:
    spans: list[tuple[int, int, str]] = []
    i = 0
    while i < len(tags):
        if tags[i].startswith("B-") or (tags[i].startswith("I-") and (i == 0 or tags[i - 1] == "O")):
            lab = tags[i][2:]
            j = i + 1
            while j < len(tags) and tags[j] == "I-" + lab:
                j += 1
            spans.append((i, j, lab))
            i = j
        else:
            i += 1
    ents = []
    for s, e, lab in spans:
        if lab == "PER":
            ents.append((s, e, "PERSON"))
        elif lab == "ORG":
            ents.append((s, e, "ORG"))
        elif lab == "LOC":
            ents.append((s, e, _place_label(sent.words, s, e)))
        elif lab == "OTH" and e - s == 1 and _is_norp_word(sent.words[s], lexicon):
            ents.append((s, e, "NORP"))
    return ents


def collect_norp_lexicon(ewt: list[Sentence], uner: dict[str, tuple[list[str], list[str]]]) -> set[str]:
    lex = set(_NORP_SEED)
    for sent in ewt:
        if sent.sent_id not in uner:
            continue
        toks, tags = uner[sent.sent_id]
        if toks != [w.form for w in sent.words]:
            continue
        for i, t in enumerate(tags):
            if t == "B-OTH" and (i + 1 == len(tags) or tags[i + 1] != "I-OTH"):
                w = sent.words[i]
                if w.form[:1].isupper() and (w.upos == "ADJ" or w.xpos == "NNPS"):
                    lex.add(w.form.lower())
    return lex


_ENT_OPEN = re.compile(r"\(([^()]+)")


def _parse_entity_misc(value: str) -> list[tuple[str, str | None, str]]:
    """Return events in order: ("open", id, info) / ("close", id, "")."""
    events: list[tuple[str, str | None, str]] = []
    i = 0
    while i < len(value):
        if value[i] == "(":
            j = i + 1
            while j < len(value) and value[j] not in "()":
                j += 1
            info = value[i + 1 : j]
            eid = info.split("-", 1)[0]
            events.append(("open", eid, info))
            if j < len(value) and value[j] == ")":
                events.append(("close", eid, ""))
                j += 1
            i = j
        else:
            j = i
            while j < len(value) and value[j] != ")":
                j += 1
            eid = value[i:j]
            events.append(("close", eid, ""))
            i = j + 1
    return events


_BRIDGE = {"of", "and", "&", "de", "-", "for", "the", "'s", "’s", "du", "la", "von", "van", "al"}


def gum_entities(sent: Sentence, lexicon: set[str]) -> list[tuple[int, int, str]]:
    words = sent.words
    open_: dict[str, list[tuple[int, str]]] = {}
    mentions: list[tuple[int, int, str]] = []  # start, end excl, etype
    for i, w in enumerate(words):
        ent = None
        for part in w.misc.split("|"):
            if part.startswith("Entity="):
                ent = part[len("Entity="):]
        if not ent:
            continue
        for kind, eid, info in _parse_entity_misc(ent):
            if kind == "open":
                fields = info.split("-")
                etype = fields[1] if len(fields) > 1 else ""
                open_.setdefault(eid or "", []).append((i, etype))
            else:
                stack = open_.get(eid or "")
                if stack:
                    s, etype = stack.pop()
                    mentions.append((s, i + 1, etype))
    cands: list[tuple[int, int, str]] = []
    for s, e, etype in mentions:
        if etype not in ("person", "organization", "place"):
            continue
        heads = [k for k in range(s, e) if not (s <= words[k].head - 1 < e)]
        if len(heads) != 1:
            continue
        h = heads[0]
        if words[h].upos != "PROPN":
            continue
        def name_like(k: int) -> bool:
            w = words[k]
            return w.upos == "PROPN" or (k > 0 and w.form[:1].isupper() and w.upos in ("ADJ", "NOUN", "VERB", "NUM"))

        a = h
        while a - 1 >= s and name_like(a - 1):
            a -= 1
        b = h + 1
        while b < e:
            if name_like(b):
                b += 1
            elif (
                words[b].form.lower() in _BRIDGE
                and b + 1 < e
                and name_like(b + 1)
                and words[b + 1].deprel != "conj"
                and s <= words[b].head - 1 < e
            ):
                b += 1
            else:
                break
        if etype == "person":
            if words[h].form.lower() in _TITLES:
                continue
            if words[h].xpos == "NNPS" or words[h].form.lower() in lexicon:
                label = "NORP"
            else:
                label = "PERSON"
                while a < h and words[a].form.lower() in _TITLES:
                    a += 1
        elif etype == "organization":
            label = "ORG"
        else:
            label = _place_label(words, a, b)
        cands.append((a, b, label))
    cands.sort(key=lambda x: (-(x[1] - x[0]), x[0]))
    taken = [False] * len(words)
    ents = []
    for a, b, lab in cands:
        if any(taken[a:b]):
            continue
        for k in range(a, b):
            taken[k] = True
        ents.append((a, b, lab))
    for k, w in enumerate(words):
        if not taken[k] and _is_norp_word(w, lexicon) and w.upos == "ADJ":
            ents.append((k, k + 1, "NORP"))
    return sorted(ents)


def sentences_to_doc(vocab, sents: list[Sentence], with_ner: bool) -> Doc:
    words, spaces, tags, pos, morphs, lemmas, heads, deps = [], [], [], [], [], [], [], []
    ents: list[tuple[int, int, str]] = []
    missing: list[tuple[int, int]] = []
    off = 0
    for sent in sents:
        for w in sent.words:
            words.append(w.form)
            spaces.append(w.space)
            tags.append(w.xpos)
            pos.append(w.upos)
            morphs.append(w.feats)
            lemmas.append(w.lemma)
            heads.append(off + w.head - 1 if w.head > 0 else len(heads))
            deps.append("ROOT" if w.deprel == "root" else w.deprel)
        if with_ner:
            if sent.ents is None:
                missing.append((off, off + len(sent.words)))
            else:
                ents.extend((off + s, off + e, lab) for s, e, lab in sent.ents)
        off += len(sent.words)
    doc = Doc(vocab, words=words, spaces=spaces, tags=tags, pos=pos, morphs=morphs,
              lemmas=lemmas, heads=heads, deps=deps)
    if with_ner:
        spans = [doc[s:e] for s, e, _ in ents]
        for sp, (_, _, lab) in zip(spans, ents):
            sp.label_ = lab
        miss = [doc[s:e] for s, e in missing]
        doc.set_ents(spans, missing=miss, default="outside")
    return doc


def group(sents: list[Sentence], n: int) -> list[list[Sentence]]:
    groups: list[list[Sentence]] = []
    cur: list[Sentence] = []
    for s in sents:
        if cur and (len(cur) >= n or s.doc_id != cur[-1].doc_id):
            groups.append(cur)
            cur = []
        cur.append(s)
    if cur:
        groups.append(cur)
    return groups


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpora", type=Path, default=DEFAULT_CORPORA)
    ap.add_argument("--out", type=Path, default=ROOT / "training" / "corpus")
    ap.add_argument("--n-sents", type=int, default=10, help="sentences per training Doc")
    ap.add_argument("--commercial-only", action="store_true",
                    help="train on the GUM genres whose text licence allows commercial use only (training/gum_genres.tsv)")
    args = ap.parse_args(argv)
    c = args.corpora
    args.out.mkdir(parents=True, exist_ok=True)
    nlp = spacy.blank("en")

    ewt = {sp: read_conllu(c / "UD_English-EWT" / f"en_ewt-ud-{sp}.conllu") for sp in ("train", "dev", "test")}
    gum = {sp: read_conllu(c / "GUM" / f"en_gum-{sp}.conllu") for sp in ("train", "dev", "test")}
    policy = read_genre_policy(ROOT / "training" / "gum_genres.tsv")
    for sp in ("train", "dev") if args.commercial_only else ():
        before = len(gum[sp])
        gum[sp] = usable(gum[sp], policy)
        print(f"GUM {sp}: {len(gum[sp])} of {before} sentences from commercial-use genres", file=sys.stderr)
    uner = {sp: read_iob2(c / "UNER_English-EWT" / f"en_ewt-ud-{sp}.iob2") for sp in ("train", "dev", "test")}
    lexicon = collect_norp_lexicon(ewt["train"], uner["train"])

    stats: dict[str, dict[str, int]] = {}
    for sp in ("train", "dev", "test"):
        st = stats.setdefault(sp, {})
        for sent in ewt[sp]:
            u = uner[sp].get(sent.sent_id)
            if u and u[0] == [w.form for w in sent.words]:
                sent.ents = uner_entities(sent, u[1], lexicon)
            else:
                st["ewt_no_ner"] = st.get("ewt_no_ner", 0) + 1
        for sent in gum[sp]:
            sent.ents = gum_entities(sent, lexicon)
        for sent in ewt[sp] + gum[sp]:
            for _, _, lab in sent.ents or []:
                st[lab] = st.get(lab, 0) + 1

    for sp in ("train", "dev"):
        db = DocBin(store_user_data=False)
        for corpus in (ewt[sp], gum[sp]):
            for g in group(corpus, args.n_sents):
                db.add(sentences_to_doc(nlp.vocab, g, with_ner=True))
        db.to_disk(args.out / f"{sp}.spacy")
        print(f"{sp}: {len(db)} docs", file=sys.stderr)
    for name, corpus in (("ewt", ewt), ("gum", gum)):
        for sp in ("dev", "test"):
            db = DocBin(store_user_data=False)
            for s in corpus[sp]:
                db.add(sentences_to_doc(nlp.vocab, [s], with_ner=True))
            db.to_disk(args.out / f"{name}-{sp}.spacy")
    (args.out / "norp_lexicon.txt").write_text("\n".join(sorted(lexicon)) + "\n", encoding="utf8")
    for sp, st in stats.items():
        print(sp, dict(sorted(st.items())), file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
