"""Print held-out test figures for dragoman's shipped English pipeline.

Evaluates on UD English EWT test and GUM test (files built by ``convert.py``), with
gold tokenisation and gold sentence boundaries, one sentence per Doc (the production
pipeline also gets sentence boundaries from a rule-based splitter before the parser):

* UPOS, XPOS, morphological features (full FEATS string) and lemma accuracy;
* UAS and LAS over all words, punctuation included (CoNLL 2018 style), LAS on the full
  label (``nsubj:pass`` counts as distinct from ``nsubj``); also LAS without punct;
* NER precision/recall/F1 per label, exact span match, on GUM test as derived in
  ``convert.py`` (the bar: micro-F1 over PERSON/ORG/GPE/LOC), and on EWT test (UNER);
* the same NER tables for "model + gazetteer ruler": the model followed by the entity
  ruler that ``dragoman`` adds when ``nlp.gazetteer_ruler`` is on (patterns from the
  packaged actor knowledge base and places gazetteer, ``dragoman.nlp.gazetteer_ruler``),
  with the gain or loss in F per label. ``--no-ruler`` skips them; ``--prefer`` picks
  the overlap policy (default: the one dragoman uses).

Usage: python training/evaluate.py [--model src/dragoman/nlp/model] [--corpus training/corpus]
                                   [--split test|dev] [--no-ruler] [--prefer longer|ruler|model]
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from pathlib import Path

import spacy
from spacy.tokens import Doc, DocBin

ROOT = Path(__file__).resolve().parent.parent
BAR_LABELS = ("PERSON", "ORG", "GPE", "LOC")


def _evaluate_file(nlp, path: Path) -> dict[str, object]:
    gold_docs = list(DocBin().from_disk(path).get_docs(nlp.vocab))
    inputs = []
    for g in gold_docs:
        words = [t.text for t in g]
        spaces = [bool(t.whitespace_) for t in g]
        inputs.append(Doc(nlp.vocab, words=words, spaces=spaces,
                          sent_starts=[True] + [False] * (len(words) - 1)))
    t0 = time.perf_counter()
    preds = list(nlp.pipe(inputs, batch_size=256))
    secs = time.perf_counter() - t0
    n = 0
    c: Counter[str] = Counter()
    ents_tp: Counter[str] = Counter()
    ents_fp: Counter[str] = Counter()
    ents_fn: Counter[str] = Counter()
    for g, p in zip(gold_docs, preds):
        for tg, tp in zip(g, p):
            n += 1
            c["upos"] += tg.pos_ == tp.pos_
            c["xpos"] += tg.tag_ == tp.tag_
            c["feats"] += str(tg.morph) == str(tp.morph)
            c["lemma"] += tg.lemma_ == tp.lemma_
            if tg.pos_ in ("VERB", "AUX"):
                c["n_verb"] += 1
                c["verb_lemma"] += tg.lemma_ == tp.lemma_
            head_ok = tg.head.i == tp.head.i
            label_ok = tg.dep_.lower() == tp.dep_.lower()
            c["uas"] += head_ok
            c["las"] += head_ok and label_ok
            if tg.pos_ != "PUNCT":
                c["n_nopunct"] += 1
                c["las_nopunct"] += head_ok and label_ok
        gold = {(e.start, e.end, e.label_) for e in g.ents}
        pred = {(e.start, e.end, e.label_) for e in p.ents}
        for s in pred & gold:
            ents_tp[s[2]] += 1
        for s in pred - gold:
            ents_fp[s[2]] += 1
        for s in gold - pred:
            ents_fn[s[2]] += 1
    res: dict[str, object] = {k: 100.0 * c[k] / n for k in ("upos", "xpos", "feats", "lemma", "uas", "las")}
    res["las_nopunct"] = 100.0 * c["las_nopunct"] / max(1, c["n_nopunct"])
    res["verb_lemma"] = 100.0 * c["verb_lemma"] / max(1, c["n_verb"])
    res["words"] = n
    res["wps"] = n / secs
    res["ents"] = (ents_tp, ents_fp, ents_fn)
    return res


def _prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return 100 * p, 100 * r, 100 * f


Ents = tuple[Counter[str], Counter[str], Counter[str]]


def _print_ner(name: str, ents: Ents, baseline: Ents | None = None) -> None:
    """Per-label P/R/F; with ``baseline`` (the model alone) also the change in F."""
    tp, fp, fn = ents
    labels = sorted(set(tp) | set(fp) | set(fn) | (set(baseline[2]) if baseline else set()))
    rows: list[tuple[str, tuple[str, ...]]] = [(lab, (lab,)) for lab in labels]
    rows += [("PER/ORG/GPE/LOC", BAR_LABELS), ("all", tuple(labels))]
    print(f"\nNER {name} (exact span match)")
    print(f"  {'label':16} {'P':>6} {'R':>6} {'F':>6} {'gold':>6}" + (f" {'dF':>6}" if baseline else ""))
    for title, labs in rows:
        counts = [sum(c[x] for x in labs) for c in ents]
        p, r, f = _prf(*counts)
        line = f"  {title:16} {p:6.1f} {r:6.1f} {f:6.1f} {counts[0] + counts[2]:6d}"
        if baseline:
            line += f" {f - _prf(*[sum(c[x] for x in labs) for c in baseline])[2]:+6.1f}"
        print(line)


def _ruler_nlp(model: Path, prefer: str):
    """The model plus dragoman's gazetteer ruler, built as ``nlp.gazetteer_ruler = true`` builds it."""
    from dragoman.nlp.gazetteer_ruler import add_gazetteer_ruler, ruler_patterns
    from dragoman.settings import load_settings

    nlp = spacy.load(model)
    add_gazetteer_ruler(nlp, ruler_patterns(load_settings().nlp), prefer=prefer)
    return nlp


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--model", type=Path, default=ROOT / "src" / "dragoman" / "nlp" / "model")
    ap.add_argument("--corpus", type=Path, default=ROOT / "training" / "corpus")
    ap.add_argument("--split", default="test", choices=("dev", "test"))
    ap.add_argument("--no-ruler", action="store_true", help="skip the 'model + gazetteer ruler' NER tables")
    ap.add_argument("--prefer", default="longer", choices=("longer", "ruler", "model"),
                    help="gazetteer ruler overlap policy (dragoman uses 'longer')")
    args = ap.parse_args(argv)
    if not all((args.corpus / f"{n}-{args.split}.spacy").exists() for n in ("ewt", "gum")):
        sys.path.insert(0, str(Path(__file__).resolve().parent))
        import convert  # the test files are rebuilt from ../shared/corpora when absent

        convert.main(["--out", str(args.corpus)])
    nlp = spacy.load(args.model)
    results = {name: _evaluate_file(nlp, args.corpus / f"{name}-{args.split}.spacy") for name in ("ewt", "gum")}
    print(f"model: {args.model}  split: {args.split}  (gold tokens, gold sentences)")
    print(f"{'':5} {'words':>6} {'UPOS':>6} {'XPOS':>6} {'FEATS':>6} {'LEMMA':>6} {'UAS':>6} {'LAS':>6} {'LAS-p':>6} {'V-LEM':>6}")
    for name, r in results.items():
        print(f"{name:5} {r['words']:6d} {r['upos']:6.2f} {r['xpos']:6.2f} {r['feats']:6.2f} {r['lemma']:6.2f} "
              f"{r['uas']:6.2f} {r['las']:6.2f} {r['las_nopunct']:6.2f} {r['verb_lemma']:6.2f}")
    print("(LAS-p: LAS without punctuation tokens; V-LEM: lemma accuracy on gold VERB/AUX words)")
    _print_ner(f"GUM {args.split} (derived from GUM entity layer)", results["gum"]["ents"])  # type: ignore[arg-type]
    _print_ner(f"EWT {args.split} (UniversalNER)", results["ewt"]["ents"])  # type: ignore[arg-type]
    if not args.no_ruler:
        nlp = _ruler_nlp(args.model, args.prefer)
        for name, title in (("gum", "derived from GUM entity layer"), ("ewt", "UniversalNER")):
            ruled = _evaluate_file(nlp, args.corpus / f"{name}-{args.split}.spacy")
            _print_ner(f"{name.upper()} {args.split}, model + gazetteer ruler (prefer={args.prefer}; dF: change against the model alone) ({title})",
                       ruled["ents"], results[name]["ents"])  # type: ignore[arg-type]
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
