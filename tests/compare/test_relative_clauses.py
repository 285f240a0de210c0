import pytest

from synopsis.compare.relative_clauses import embedded_relatives


@pytest.mark.parametrize(
    "text, embedded",
    [
        # The main clause goes on after the clause: it sits inside, closing punctuation included.
        ("Mayor Ana Lind, who led the inquiry, said the ferry sank.", ["who led the inquiry, "]),
        ("Speaking on Friday, Mayor Ana Lind, who led the inquiry, said the ferry sank.", ["who led the inquiry, "]),
        ("The ferry, which sank at noon, was towed to port.", ["which sank at noon, "]),
        ("Mayor Ana Lind — who led the inquiry — said the ferry sank.", ["who led the inquiry — "]),
        ("Rescuers found the captain, who had swum ashore, near the pier.", ["who had swum ashore, "]),
        # At the end of the sentence, before a conjunction, or no relative clause at all: none.
        ("Rescuers reached the mayor, who said the ferry sank at noon.", []),
        ("The mayor met the captain, who had swum ashore, and the operator denied blame.", []),
        ("The ferry sank at noon, which made it the worst accident in years.", []),
        ("The ferry sank at noon.", []),
    ],
)
def test_embedded_relatives_are_the_clauses_their_main_clause_goes_on_after(text, embedded):
    assert [text[low:high] for low, high in embedded_relatives(text)] == embedded
