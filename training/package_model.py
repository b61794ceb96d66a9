"""Copy a trained pipeline into the package as ``src/dragoman/nlp/model``.

Keeps only what ``spacy.load`` needs (config, meta, tokenizer, vocab, component
weights), drops empty vectors, and writes provenance into ``meta.json``.

Usage: python training/package_model.py TRAINED_DIR [--dest src/dragoman/nlp/model]
"""

from __future__ import annotations

import argparse
import json
import shutil
from pathlib import Path

import spacy

ROOT = Path(__file__).resolve().parent.parent

SOURCES = [
    {"name": "UD English EWT v2.15+ (commit 15d613d8)", "url": "https://github.com/UniversalDependencies/UD_English-EWT",
     "license": "CC BY-SA 4.0"},
    {"name": "GUM (commit 72ce5ac1), reddit and GENTLE documents excluded", "url": "https://github.com/amir-zeldes/gum",
     "license": "CC BY-NC-SA 4.0 as a whole in UD; per genre CC BY / CC BY-SA / CC BY-NC-SA; annotations CC BY 4.0"},
    {"name": "UniversalNER English EWT (train: draft commit 0c7ce0de)", "url": "https://github.com/UniversalNER/UNER_English-EWT",
     "license": "CC BY-SA 4.0"},
]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("trained", type=Path)
    ap.add_argument("--dest", type=Path, default=ROOT / "src" / "dragoman" / "nlp" / "model")
    args = ap.parse_args(argv)
    nlp = spacy.load(args.trained)
    nlp.meta.update({
        "name": "dragoman_en", "lang": "en", "version": "0.1.0",
        "description": "dragoman's English pipeline (tagger, morphologizer, trainable lemmatizer, parser, NER "
                       "PERSON/ORG/GPE/LOC/NORP), trained from UD EWT + GUM + UniversalNER; see docs/model.md",
        "license": "CC BY-NC-SA 4.0 (trained on GUM, parts non-commercial) and CC BY-SA 4.0 (EWT, UNER)",
        "sources": SOURCES, "author": "dragoman", "url": "", "email": "",
    })
    nlp.meta.pop("performance", None)
    tmp = args.dest.with_name(args.dest.name + ".tmp")
    if tmp.exists():
        shutil.rmtree(tmp)
    nlp.to_disk(tmp)
    if args.dest.exists():
        shutil.rmtree(args.dest)
    tmp.rename(args.dest)
    size = sum(p.stat().st_size for p in args.dest.rglob("*") if p.is_file()) / 1e6
    print(f"wrote {args.dest} ({size:.1f} MB)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
