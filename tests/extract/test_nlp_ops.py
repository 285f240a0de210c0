"""spaCy's matrix products run through numpy's BLAS, with annotations identical to thinc's BLIS."""

from __future__ import annotations

import pytest
import spacy

from synopsis.extract.nlp import MODEL_PACKAGE
from synopsis.extract.sentence_starts import use_sentence_starts


def full_annotations(doc) -> list[tuple]:
    return [
        (t.text, t.tag_, t.pos_, str(t.morph), t.dep_, t.head.i, t.ent_iob_, t.ent_type_, t.is_sent_start)
        for t in doc
    ]


@pytest.fixture(scope="module")
def blis_pipeline():
    """The pipeline as spaCy loads it by default: thinc's NumpyOps multiplying with BLIS (with the
    same rule on where sentences may start, which is no matrix product)."""
    pipeline = spacy.load(MODEL_PACKAGE)
    use_sentence_starts(pipeline)
    return pipeline


def test_the_networks_multiply_with_numpy(nlp, blis_pipeline):
    networks = [nlp.get_pipe("tok2vec").model]
    # The NER's own token encoder and the parsers' feature layers; their output
    # layers ("upper") are multiplied in C through thinc's CBlas, BLIS either way.
    for name in ("ner", "parser"):
        model = nlp.get_pipe(name).model
        networks += [model.get_ref("lower")] + ([model.get_ref("tok2vec")] if name == "ner" else [])
    for network in networks:
        layers = list(network.walk())
        assert layers and all(layer.ops.use_blis is False for layer in layers), network.name
    # The default loading really is the other path, so the comparison below means something.
    assert blis_pipeline.get_pipe("tok2vec").model.ops.use_blis is True


def test_reference_corpus_is_parsed_exactly_as_with_blis(nlp, blis_pipeline, reference_corpus):
    texts = [path.read_text(encoding="utf-8") for path in sorted(reference_corpus.iterdir())]
    compared = 0
    entities = 0
    for fast_doc, blis_doc in zip(nlp.pipe(texts), blis_pipeline.pipe(texts)):
        assert full_annotations(fast_doc) == full_annotations(blis_doc)
        compared += len(fast_doc)
        entities += len(fast_doc.ents)
    assert compared > 5000 and entities > 100


def test_threads_asking_for_the_pipeline_at_once_load_it_once(monkeypatch):
    """The server's threads may need the model together: one loads it, the others wait for it."""
    import threading
    import time

    from synopsis.extract import nlp as nlp_module

    loads = []

    def slow_load(name):
        loads.append(name)
        time.sleep(0.2)  # long enough for every thread to arrive while the first loads
        return object()

    monkeypatch.setattr(nlp_module.spacy, "load", slow_load)
    monkeypatch.setattr(nlp_module, "use_attribute_lookup", lambda nlp: None)
    monkeypatch.setattr(nlp_module, "use_lemma_memo", lambda nlp: None)
    monkeypatch.setattr(nlp_module, "use_sentence_starts", lambda nlp: None)
    got = []
    threads = [threading.Thread(target=lambda: got.append(nlp_module.load_nlp("test-only-model"))) for _ in range(3)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert loads == ["test-only-model"] and len({id(x) for x in got}) == 1
