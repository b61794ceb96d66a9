# dragoman — the two commands: `make run` (set up, code the bundled examples, summarise) and `make test`.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
DB     ?= dragoman.db

.PHONY: setup run test eval model model-commercial eval-model bench clean tests-browser-deps dictionaries fuzz

$(BIN)/dragoman: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	@touch $@

setup: $(BIN)/dragoman

run: setup
	rm -f $(DB) $(DB)-wal $(DB)-shm
	$(BIN)/dragoman code examples/ --db $(DB) --format table
	$(BIN)/python -m dragoman.store.report $(DB)

# Browser tests drive Debian's chromium; they skip if it cannot be installed.
tests-browser-deps:
	command -v chromium >/dev/null || (apt-get update && apt-get install -y chromium) || echo "chromium not installed: browser tests will skip"

test: setup tests-browser-deps
	$(BIN)/mypy
	$(BIN)/python -m pytest -q

eval: setup
	$(BIN)/dragoman eval ../shared/seed/tehran_summit_2022.gold.json
	$(BIN)/dragoman eval ../shared/gold/*.gold.jsonl
	$(BIN)/dragoman eval ../shared/external/plover_gsr_cameo.jsonl
	$(BIN)/dragoman eval ../shared/external/cameo_manual_examples.jsonl
	$(BIN)/dragoman eval ../shared/external/quotes_polnear_train.jsonl --limit 200
	$(BIN)/dragoman baseline check

# Convert the PETRARCH verb dictionaries in ../shared into src/dragoman/events/data/petrarch_patterns.tsv
# (rules and counts: docs/event-patterns.md, "PETRARCH patterns"; licence: src/dragoman/events/data/NOTICE).
# Convert the Phoenix actor dictionaries beside them into src/dragoman/actors/data/*.phoenix.tsv
# (rules and counts: docs/actors-kb.md, "Phoenix dictionaries"; licence: src/dragoman/actors/data/NOTICE).
PETRARCH_DICTS ?= ../shared/external/petrarch_dictionaries
dictionaries: setup
	$(BIN)/python -m dragoman.events.petrarch_convert --source $(PETRARCH_DICTS) --out src/dragoman/events/data/petrarch_patterns.tsv
	$(BIN)/python -m dragoman.actors.phoenix_convert --source $(PETRARCH_DICTS) --out src/dragoman/actors/data

# Long fuzzing (docs/ingest.md, "Fuzzing"): the hypothesis properties with many examples, then
# the atheris harnesses for FUZZ_SECONDS each; findings go to fuzz/findings/.
FUZZ_EXAMPLES ?= 2000
FUZZ_SECONDS ?= 300
fuzz: setup
	$(BIN)/python -m pip install --quiet -e '.[test,fuzz]'
	FUZZ_EXAMPLES=$(FUZZ_EXAMPLES) $(BIN)/python -m pytest -q tests/core/test_fuzz.py
	mkdir -p fuzz/findings
	$(BIN)/python fuzz/ingest_target.py -max_total_time=$(FUZZ_SECONDS) -artifact_prefix=fuzz/findings/
	$(BIN)/python fuzz/pipeline_target.py -max_total_time=$(FUZZ_SECONDS) -max_len=4000 -artifact_prefix=fuzz/findings/

model: setup
	PYTHON=$(BIN)/python bash training/train.sh

model-commercial: setup
	CONVERT_ARGS=--commercial-only PYTHON=$(BIN)/python bash training/train.sh

eval-model: setup
	$(BIN)/python training/evaluate.py

bench: setup
	$(BIN)/python benchmarks/bench_nlp.py
	$(BIN)/python benchmarks/bench_stages.py
	$(BIN)/python benchmarks/bench_actors.py
	$(BIN)/python benchmarks/bench_gazetteer.py
	$(BIN)/python benchmarks/bench_timeline.py
	$(BIN)/python benchmarks/bench_scale.py
	$(BIN)/python benchmarks/bench_events.py
	$(BIN)/python benchmarks/bench_startup.py
	$(BIN)/python benchmarks/bench_hostile.py
	$(BIN)/python benchmarks/bench_workbench.py   # builds a 1M-event store (~10 GB in $$TMPDIR, ~20 min)

clean:
	rm -rf $(VENV) build dist *.egg-info $(DB) $(DB)-wal $(DB)-shm
