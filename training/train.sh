#!/usr/bin/env bash
# Build dragoman's English pipeline from ../shared/corpora: convert, train, package, evaluate.
# Usage: training/train.sh            (PYTHON=/path/to/python to choose the interpreter;
#        CONVERT_ARGS=--commercial-only to train on commercial-use data only, docs/model.md)
# Output: src/dragoman/nlp/model/ ; intermediate files under training/corpus/ (git-ignored).
set -euo pipefail
cd "$(dirname "$0")/.."
PY="${PYTHON:-python}"
start=$(date +%s)
"$PY" training/convert.py ${CONVERT_ARGS:-}
"$PY" -m spacy train training/config.cfg --output training/corpus/run --system.seed 42
"$PY" training/package_model.py training/corpus/run/model-best
"$PY" training/evaluate.py
echo "model built in $(( ($(date +%s) - start) / 60 )) min"
