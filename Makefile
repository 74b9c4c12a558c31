# The two set-up commands of the README: `make demo` and `make test`.
# Both create .venv on first use (pip upgraded first: the stock pip mis-resolves
# trafilatura's lxml[html_clean] need) and reinstall only when pyproject.toml changes.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-$(shell cksum pyproject.toml | cut -d' ' -f1)
EXAMPLE := examples/harbour-fire
OUT := out

.PHONY: demo test venv bench eval eval-real eval-real-quick clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	# torch==2.13.0 is named in the same command so pip takes the CPU build.
	$(BIN)/python -m pip install --quiet -e '.[dev,embeddings,ray]'
	rm -f $(VENV)/.installed-*
	touch $(STAMP)

venv: $(STAMP)

demo: $(STAMP)
	$(BIN)/newssift analyze $(EXAMPLE) --meta $(EXAMPLE)/meta.csv --json $(OUT)/report.json --html $(OUT)/report.html --csv $(OUT)/csv --quiet
	@echo "Report: $(abspath $(OUT)/report.html) (JSON: $(abspath $(OUT)/report.json), CSV: $(abspath $(OUT)/csv))"

test: $(STAMP)
	bash scripts/setup_test_env.sh
	$(BIN)/python -m pytest -q

bench: $(STAMP)
	$(BIN)/python benchmarks/run_all.py

eval: $(STAMP)
	$(BIN)/newssift eval ../shared/eval/kursk-2024.gold.yaml --corpus ../shared/corpus/kursk-2024

# The real-data development splits (../shared/realdata): every task at its default limits.
eval-real: $(STAMP)
	$(BIN)/python ../shared/eval/realdata.py all --work .realdata-work

# The quick subset CI gates on (tasks, limits and floors in ci/minimums.yaml).
eval-real-quick: $(STAMP)
	$(BIN)/python scripts/realdata_gate.py

clean:
	rm -rf $(VENV) $(OUT) build *.egg-info
