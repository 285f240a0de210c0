"""Tests for the lead model: built from the registry package, int8, cached, one text at a time."""

import os
import time
from collections import Counter
from pathlib import Path

import numpy as np
import onnx
import onnxruntime
import pytest

from synopsis.extract import embed_model
from synopsis.extract.embed import Embedder
from synopsis.extract.embed_model import MODEL_PACKAGE, TOKENIZER_PACKAGE, find_package_file, runtime_model


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """The runtime model built into an empty cache folder, and that folder."""
    cache = tmp_path_factory.mktemp("cache")
    return cache, runtime_model(cache=cache)


def _fake_quantizer(calls):
    def quantize(source: Path, work: Path) -> Path:
        calls.append(source)
        out = work / "quantized.onnx"
        out.write_bytes(b"built by " + onnxruntime.__version__.encode())
        return out

    return quantize


def test_runtime_model_multiplies_in_int8(built):
    _, data = built
    ops = Counter(node.op_type for node in onnx.load_from_string(data).graph.node)
    # The package's 36 weight matrices (6 layers x Q, K, V, output, 2 feed-forward)
    # now multiply as integers; only attention's two activation products stay float.
    assert ops["MatMulInteger"] == 36
    assert ops["MatMul"] == 12
    assert ops["DynamicQuantizeLinear"] > 0


def test_build_is_deterministic_and_cached_once(built, monkeypatch):
    cache, data = built
    # Another folder's build (the user's cache, which Embedder.load_leads uses) gives the same bytes.
    assert runtime_model() == data
    monkeypatch.setattr(embed_model, "quantize_model", lambda *args: pytest.fail("rebuilt a cached model"))
    assert runtime_model(cache=cache) == data
    assert [p.suffix for p in (cache / "models").iterdir()] == [".onnx"]  # no half-built leftovers


def test_a_new_quantizer_version_builds_a_new_model(tmp_path, monkeypatch):
    calls = []
    monkeypatch.setattr(embed_model, "quantize_model", _fake_quantizer(calls))
    first = runtime_model(cache=tmp_path)
    assert runtime_model(cache=tmp_path) == first and len(calls) == 1
    monkeypatch.setattr(onnxruntime, "__version__", "0.0.1")
    assert runtime_model(cache=tmp_path) == b"built by 0.0.1"
    assert len(calls) == 2 and len(list((tmp_path / "models").iterdir())) == 2


def test_unwritable_cache_still_gives_the_model(tmp_path, monkeypatch):
    calls = []
    monkeypatch.setattr(embed_model, "quantize_model", _fake_quantizer(calls))
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("a file where the cache folder should be")
    assert runtime_model(cache=blocked) == b"built by " + onnxruntime.__version__.encode()
    assert len(calls) == 1


def test_cache_folder_follows_the_environment(tmp_path, monkeypatch):
    monkeypatch.setenv(embed_model.CACHE_ENV, str(tmp_path / "mine"))
    assert embed_model.cache_dir() == tmp_path / "mine"
    monkeypatch.delenv(embed_model.CACHE_ENV)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert embed_model.cache_dir() == tmp_path / "xdg" / "synopsis"


def test_quantized_vectors_stay_close_to_the_float_model():
    float_model = Embedder(find_package_file(*MODEL_PACKAGE), find_package_file(*TOKENIZER_PACKAGE), threads=1)
    texts = [
        "Russian and Ukrainian delegations met in Istanbul for a third round of talks.",
        "A fire destroyed a warehouse on the edge of the city on Tuesday night.",
        "The central bank left interest rates unchanged.",
        "Negotiators from Moscow and Kyiv held a third session of talks in Istanbul.",
        "On Tuesday night a blaze gutted a warehouse at the city's edge.",
        "Interest rates were held steady by the central bank.",
    ]
    quantized = Embedder.load_leads().embed(texts)
    reference = float_model.embed(texts)
    cosines = (quantized * reference).sum(axis=1)
    assert cosines.min() > 0.98 and cosines.max() < 0.9999  # close, and really another model
    # Each text's nearest other text is its paraphrase, in both models.
    for vectors in (quantized, reference):
        similarity = vectors @ vectors.T - 2 * np.eye(len(texts))
        assert similarity.argmax(axis=1).tolist() == [3, 4, 5, 0, 1, 2]


def test_lead_vectors_do_not_depend_on_the_texts_embedded_with_them():
    # The int8 model scales activations by their range over its whole input, so
    # each text runs alone; its vector is then exactly the same in any company.
    embedder = Embedder.load_leads()
    texts = [f"Lead {i}: the delegations met again and agreed on item {i * 7}." for i in range(10)] + ["short"]
    embedder._memo.clear()
    together = embedder.embed(texts)
    embedder._memo.clear()
    alone = np.vstack([embedder.embed([text]) for text in reversed(texts)])[::-1]
    assert np.array_equal(together, alone)



def test_folders_of_killed_builds_are_removed(tmp_path, monkeypatch):
    monkeypatch.setattr(embed_model, "quantize_model", _fake_quantizer([]))
    models = tmp_path / "models"
    abandoned, running = models / ".build-killed", models / ".build-running"
    for folder in (abandoned, running):
        folder.mkdir(parents=True)
        (folder / "folded.onnx").write_bytes(b"half a model")
    two_hours_ago = time.time() - 2 * 3600
    os.utime(abandoned, (two_hours_ago, two_hours_ago))
    runtime_model(cache=tmp_path)
    assert not abandoned.exists() and running.exists()  # a build still running is left alone
