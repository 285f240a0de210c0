"""No sentence starts right after a word: the parser may only split where punctuation or a line
break stands.

The small English model sometimes ends a sentence inside a run of words, most often before a
capitalised name whose first word also is an ordinary word at a paragraph's start ("Back Page Daily
understands ..." became "Back" and "Page Daily understands ...", QA pass 21), which cuts the fact in
two and gives its verb a wrong subject.  News prose ends a sentence with punctuation, and a heading
with a line break; spaCy's parser keeps a token's ``is_sent_start`` set to False, so marking those
tokens before it parses keeps such splits out without touching any other choice it makes.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

COMPONENT = "synopsis_sentence_starts"

# Last characters of a token a sentence may end with: final and closing punctuation (a token such
# as "U.S." or "Inc." ends a sentence with its own full stop).
_ENDINGS = frozenset(".!?…:;\"'”’)]»—–-")


@Language.component(COMPONENT)
def no_sentence_start_after_a_word(doc: Doc) -> Doc:
    for token in doc[1:]:
        before = doc[token.i - 1]
        if token.is_space or before.is_space or "\n" in before.whitespace_ or before.is_punct:
            continue
        if before.text[-1] in _ENDINGS:
            continue
        token.is_sent_start = False
    return doc


def use_sentence_starts(nlp: Language) -> None:
    """Put the component first in the pipeline, before the parser reads the words."""
    if COMPONENT not in nlp.pipe_names and "parser" in nlp.pipe_names:
        nlp.add_pipe(COMPONENT, first=True)
