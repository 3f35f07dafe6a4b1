# BackendForge: the two commands are `make run` and `make test`. Everything else is a building block.
SHELL := /bin/bash
BUILD_DIR ?= build
ASAN_DIR ?= build-asan
JOBS ?= $(shell nproc)
CMAKE_FLAGS ?=
export CCACHE_DIR ?= $(HOME)/.cache/ccache

.PHONY: all setup configure build build-asan run test test-fast test-slow fuzz bench eval golden format clean help

all: build

help:
	@echo "make run        install, build and start BackendForge on its embedded defaults"
	@echo "make test       install, build and run every test tier (fast under ASan/UBSan, then slow)"
	@echo "make test-fast  unit + golden tests (seconds), sanitizer build"
	@echo "make test-slow  generated backends built and tested with their toolchains, e2e, server integration"
	@echo "make fuzz       libFuzzer targets (request path, AppSpec reader), 30 s each"
	@echo "make bench      benchmarks (figures printed, see README)"
	@echo "make eval       analyzer figures on the development set"
	@echo "make golden     regenerate the committed golden outputs on purpose"

setup:
	@./scripts/setup.sh

$(BUILD_DIR)/build.ninja:
	cmake -S . -B $(BUILD_DIR) -G Ninja -DCMAKE_BUILD_TYPE=Release $(CMAKE_FLAGS)

$(ASAN_DIR)/build.ninja:
	cmake -S . -B $(ASAN_DIR) -G Ninja -DCMAKE_BUILD_TYPE=Debug -DBF_SANITIZE=ON -DBF_BUILD_BENCH=OFF \
	  -DCMAKE_CXX_FLAGS_DEBUG="-O1 -g1" $(CMAKE_FLAGS)

configure: $(BUILD_DIR)/build.ninja

build: setup $(BUILD_DIR)/build.ninja
	ninja -C $(BUILD_DIR) -j $(JOBS)
	@test -x $(BUILD_DIR)/backendforge && echo "built $(BUILD_DIR)/backendforge"

build-asan: setup $(ASAN_DIR)/build.ninja
	ninja -C $(ASAN_DIR) -j $(JOBS)

run: build
	./scripts/run.sh

test-fast: build-asan
	cd $(ASAN_DIR) && ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1 \
	  ctest -L fast --output-on-failure -j $(JOBS)

test-slow: build
	cd $(BUILD_DIR) && ctest -L slow --output-on-failure

fuzz: setup
	./scripts/fuzz.sh

test: build test-fast test-slow fuzz
	@echo "all test tiers passed"

bench: build
	./scripts/bench.sh

eval: build
	./scripts/eval.sh

golden: build
	./scripts/golden.sh

format:
	find src bench -name '*.h' -o -name '*.cc' | xargs clang-format -i

clean:
	rm -rf $(BUILD_DIR) $(ASAN_DIR) build-fuzz
