# Wmo wegwijzer: `make run` starts the product, `make test` checks it. Nothing else is needed.
SHELL := /bin/bash
.DEFAULT_GOAL := help

# Python 3.10 (Rasa 3.6 needs it): pyenv's 3.10.13 first, then whatever is on PATH.
PY310 ?= $(firstword $(wildcard $(shell pyenv root 2>/dev/null)/versions/3.10.13/bin/python3.10) $(shell command -v python3.10 2>/dev/null))

# Environments and trained models are kept by content hash, so a change to a lock file or to
# the training data is all it takes to rebuild, and CI can keep them between clean clones.
CACHE_DIR ?= $(CURDIR)/.cache
hash_of = $(shell cat $(1) | sha256sum | cut -c1-12)

BOT_VENV     := $(CACHE_DIR)/venvs/bot-$(call hash_of,bot/requirements.lock)
ACTIONS_VENV := $(CACHE_DIR)/venvs/actions-$(call hash_of,actions/requirements.lock)
SK_VENV      := $(CACHE_DIR)/venvs/sociale_kaart-$(call hash_of,sociale_kaart/requirements.lock)
AUDIT_VENV   := $(CACHE_DIR)/venvs/audit-$(call hash_of,scripts/audit-requirements.lock)

TRAINING_INPUTS := bot/requirements.lock bot/config.yml \
  $(sort $(shell find bot/domain bot/data -type f -name '*.yml') $(shell find bot/components -name '*.py'))
MODEL := $(CACHE_DIR)/models/wegwijzer-$(call hash_of,$(TRAINING_INPUTS)).tar.gz

ENVS := $(BOT_VENV)/.ready $(ACTIONS_VENV)/.ready $(SK_VENV)/.ready
STACK_ARGS := --bot-python $(BOT_VENV)/bin/python --actions-python $(ACTIONS_VENV)/bin/python \
              --sk-python $(SK_VENV)/bin/python --model $(MODEL)

.PHONY: help run setup train test lint typecheck test-texts test-sociale-kaart test-actions validate \
        test-stories test-e2e compose-check crossval bench soak system-deps clean audit

help:
	@echo "make run    start the wegwijzer on this machine (http://localhost:8000/)"
	@echo "make test   run every check: lint, unit tests, Rasa data, end-to-end, browser"
	@echo "make train  train the Rasa model if the data changed"
	@echo "make bench  load test against a stock Rasa bot, one and two instances (about 15 min)"
	@echo "make soak   30 min of load with the sociale kaart and action server killed halfway"
	@echo "make clean  remove environments, models and local databases"

run: setup
	@$(SK_VENV)/bin/python scripts/stack.py $(STACK_ARGS)

setup: $(ENVS) $(MODEL)

# No file prerequisites: the folder name already carries the lock file's hash, and a fresh
# clone gives every file a new time, which would rebuild environments for nothing.
$(BOT_VENV)/.ready:
	@scripts/make_venv.sh "$(PY310)" $(BOT_VENV) bot/requirements.lock "bot (Rasa; the largest, a few minutes)"

$(ACTIONS_VENV)/.ready:
	@scripts/make_venv.sh "$(PY310)" $(ACTIONS_VENV) actions/requirements.lock "action server"

$(SK_VENV)/.ready:
	@scripts/make_venv.sh "$(PY310)" $(SK_VENV) sociale_kaart/requirements.lock "sociale kaart"

train: $(MODEL)

$(MODEL): | $(BOT_VENV)/.ready
	@scripts/train.sh $(BOT_VENV)/bin/rasa $@ $(CURDIR)/var/log/train.log
	@find $(dir $@) -name 'wegwijzer-*.tar.gz' ! -name '$(notdir $@)' -delete

test: lint typecheck test-texts test-sociale-kaart test-actions validate test-stories test-e2e compose-check
	@echo "==> All checks passed."

lint: $(SK_VENV)/.ready
	@echo "==> ruff"
	@$(SK_VENV)/bin/ruff check .

typecheck: $(SK_VENV)/.ready
	@echo "==> mypy"
	@$(SK_VENV)/bin/mypy sociale_kaart scripts benchmarks

test-texts: $(SK_VENV)/.ready system-deps
	@echo "==> bot texts: B1 (sentence length, Flesch-Douma, common words), no promises or amounts"
	@$(SK_VENV)/bin/python -m pytest tests/bot -q -s -p no:cacheprovider

test-sociale-kaart: $(SK_VENV)/.ready system-deps
	@echo "==> sociale kaart tests (SQLite and PostgreSQL, search quality, fuzzing)"
	@$(SK_VENV)/bin/python -m pytest tests/sociale_kaart

test-actions: $(ACTIONS_VENV)/.ready
	@echo "==> action unit tests"
	@$(ACTIONS_VENV)/bin/python -m pytest tests/actions

validate: $(BOT_VENV)/.ready
	@echo "==> rasa data validate"
	@cd bot && RASA_TELEMETRY_ENABLED=false TF_CPP_MIN_LOG_LEVEL=2 SQLALCHEMY_SILENCE_UBER_WARNING=1 \
	  $(BOT_VENV)/bin/rasa data validate --domain domain

RASA_QUIET := RASA_TELEMETRY_ENABLED=false TF_CPP_MIN_LOG_LEVEL=2 SQLALCHEMY_SILENCE_UBER_WARNING=1

# Through scripts/rasa_with_speedups.py: the stories check the server's own prediction path,
# with the speed-ups of bot/gesprekken/versnelling.py; then the fast model loading is checked
# against Rasa's own, weight by weight.
test-stories: setup
	@echo "==> Rasa test stories (bot/tests), with the trained model"
	@mkdir -p var/log && cd bot && $(RASA_QUIET) PYTHONPATH=. $(BOT_VENV)/bin/python ../scripts/rasa_with_speedups.py \
	  test core --stories tests --model $(MODEL) \
	  --out $(CURDIR)/var/test-results/stories --no-plot --fail-on-prediction-errors \
	  >$(CURDIR)/var/log/test-stories.log 2>&1 \
	  || { tail -n 40 $(CURDIR)/var/log/test-stories.log; exit 1; }
	@grep -h "Correct:" $(CURDIR)/var/log/test-stories.log | head -n 3 || true
	@echo "    all test stories passed (log: var/log/test-stories.log)"
	@cd bot && $(RASA_QUIET) PYTHONPATH=. $(BOT_VENV)/bin/python -W ignore ../scripts/check_fast_model_load.py $(MODEL) \
	  2>$(CURDIR)/var/log/check-fast-model-load.log \
	  || { tail -n 40 $(CURDIR)/var/log/check-fast-model-load.log; exit 1; }

# Not part of `make test`: three trainings take a quarter of an hour. Figures in docs/nlu.md.
crossval: $(BOT_VENV)/.ready
	@echo "==> NLU cross-validation (3 folds)"
	@cd bot && $(RASA_QUIET) $(BOT_VENV)/bin/rasa test nlu --nlu data/nlu --config config.yml \
	  --cross-validation --folds 3 --out $(CURDIR)/var/test-results/crossval

test-e2e: setup system-deps
	@echo "==> end-to-end and browser tests (starts the real stack on free ports)"
	@WMO_BOT_PYTHON=$(BOT_VENV)/bin/python WMO_ACTIONS_PYTHON=$(ACTIONS_VENV)/bin/python \
	  WMO_SK_PYTHON=$(SK_VENV)/bin/python WMO_MODEL=$(MODEL) \
	  $(SK_VENV)/bin/python -m pytest tests/e2e
	@grep -hv "^  \(nl\|dev\|fy\|devfy\)-" var/test-results/evaluatie_nl.txt \
	  var/test-results/evaluatie_dev_nl.txt var/test-results/evaluatie_fy.txt \
	  var/test-results/evaluatie_dev_fy.txt

# Not part of `make test`: timings belong in docs/benchmarks.md, not in a pass/fail check.
bench: setup system-deps
	@$(SK_VENV)/bin/python benchmarks/bench.py $(STACK_ARGS) --cache-dir $(CACHE_DIR) $(BENCH_ARGS)

# Not part of `make test` either: half an hour. `make soak SOAK_ARGS="--minutes 3"` to try it.
soak: setup
	@$(SK_VENV)/bin/python benchmarks/soak.py $(STACK_ARGS) $(SOAK_ARGS)

compose-check: system-deps
	@echo "==> docker-compose config"
	@docker-compose --env-file .env.example config -q && echo "docker-compose.yml is valid"

# pip-audit of the three environments as built from their lock files, in an environment of its
# own; every finding must be accepted in docs/dependency-audit.md. Needs PyPI's JSON API.
$(AUDIT_VENV)/.ready:
	@scripts/make_venv.sh "$(PY310)" $(AUDIT_VENV) scripts/audit-requirements.lock "dependency audit"

audit: $(ENVS) $(AUDIT_VENV)/.ready
	@echo "==> pip-audit: known vulnerabilities in the bot, action server and sociale kaart environments"
	@$(AUDIT_VENV)/bin/python scripts/audit_dependencies.py \
	  bot=$(BOT_VENV) actions=$(ACTIONS_VENV) sociale_kaart=$(SK_VENV) $(AUDIT_ARGS)

system-deps:
	@scripts/system_deps.sh

clean:
	rm -rf $(CACHE_DIR) var
