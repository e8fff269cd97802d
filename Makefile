# Quick start: `make run` (set up and serve) and `make test` (set up and run the suite).
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
SOURCES := pyproject.toml setup.py client/pyproject.toml client/setup.py bench/training.py core/entity_types.py core/data/build_phone_tables.py $(wildcard core/*.pyx core/*.pxd core/scan/*.pyx core/scan/*.pxd core/includes/*.pxd protos/redact/v1/*.proto)
export REDACTD_ADDRESS ?= 127.0.0.1:50051

.PHONY: install run test lint test-debug fuzz fuzz-asan soak bench bench-spark accuracy clean

$(STAMP): $(SOURCES)
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e ./client -e '.[test,spark]'
	$(BIN)/python -m compileall -q core service client/redactd_client  # as pip does for a wheel: start-up reads .pyc
	$(BIN)/python -c 'import redactd.core'  # writes the scanner's table cache (core/__pycache__) once, here
	touch $@

install: $(STAMP)

run: install
	$(BIN)/redactd serve --address $(REDACTD_ADDRESS) $(ARGS)

test: install
	$(BIN)/python -m pytest -q

# buf lint (STANDARD) on protos/ (buf.yaml); buf from npm, pinned, into build/buf
BUF_VERSION := 1.75.0
BUF := build/buf/node_modules/.bin/buf
$(BUF):
	npm install -s --no-audit --no-fund --prefix build/buf @bufbuild/buf@$(BUF_VERSION)

lint: install $(BUF)
	mkdir -p build/buf-deps/google/rpc
	$(BIN)/python -c 'import google.rpc, pathlib, shutil; shutil.copy(pathlib.Path(google.rpc.__path__[0]) / "status.proto", "build/buf-deps/google/rpc/")'
	$(BUF) lint

# The suite once more on a core built with bounds checks and line tracing.
test-debug: install
	REDACTD_DEBUG=1 $(BIN)/python setup.py -q build_ext --inplace --force
	$(BIN)/python -m pytest -q -p no:cacheprovider; status=$$?; \
	$(BIN)/python setup.py -q build_ext --inplace --force; exit $$status

# Fuzzing (tests/fuzzing.py): `make fuzz SECONDS=600` for a long run; a failure prints the
# seed that replays it (python -m tests.fuzzing --seed S).
SECONDS ?= 300
fuzz: install
	$(BIN)/python -m tests.fuzzing --corpus --seconds $(SECONDS)

# The fuzz corpus and a short budget on a scanner built with AddressSanitizer (its raw reads
# of str buffers checked; PYTHONMALLOC=malloc gives every str its own guarded block), then
# the normal build again.
ASAN_LIB := $(shell $(CC) -print-file-name=libasan.so 2>/dev/null)
fuzz-asan: install
	@test -f "$(ASAN_LIB)" || { echo "fuzz-asan: no libasan.so for $(CC); install gcc's AddressSanitizer runtime"; exit 1; }
	REDACTD_ASAN=1 $(BIN)/python setup.py -q build_ext --inplace --force
	LD_PRELOAD=$(ASAN_LIB) ASAN_OPTIONS=detect_leaks=0:abort_on_error=1 PYTHONMALLOC=malloc \
	  $(BIN)/python -m tests.fuzzing --corpus --seconds 60; status=$$?; \
	$(BIN)/python setup.py -q build_ext --inplace --force; exit $$status

# A server at half its peak rate for MINUTES (bench/soak.py): errors, p99 and RSS over time.
MINUTES ?= 5
soak: install
	$(BIN)/python -m bench.soak --minutes $(MINUTES)

# make bench ARGS='--only core' (or --quick, --only service)
bench: install
	$(BIN)/python -m bench $(ARGS)

# The Spark integration against the embedded core on the same data: local[1], local[2]
# (bench/spark_bench.py; make bench-spark ARGS='--mb 8' for a shorter run)
bench-spark: install
	$(BIN)/python -m bench.spark_bench $(ARGS)

# Our own generated corpus, then data from independent public sources (per source, and
# leave-one-source-out).
accuracy: install
	$(BIN)/python -m bench.accuracy
	$(BIN)/python -m bench.accuracy --sources

clean:
	rm -rf build $(VENV) core/*.c core/*.so core/*.html client/redactd_client/api client/*.egg-info *.egg-info
