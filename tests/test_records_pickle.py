"""Records cross process boundaries (pool workers) by pickle: every field must survive."""

import dataclasses
import pickle

import synopsis.records as records
from synopsis.extract.pipeline import analyze_article
from tests.factories import make_article


def test_an_analysis_with_every_kind_of_item_survives_pickling(nlp):
    text = (
        'The mayor of Lyon, Anna Berg, said on 3 May 2024 that 40 families had left. "We will rebuild," she said. '
        "Officials said the river rose two metres in six hours."
    )
    analysis = analyze_article(make_article("a1", "Le Monde", text, title="Floods in Lyon"), nlp)
    assert analysis.entities and analysis.quantities and analysis.times and analysis.quotes and analysis.claims
    for protocol in (2, pickle.HIGHEST_PROTOCOL):
        restored = pickle.loads(pickle.dumps(analysis, protocol=protocol))
        assert restored == analysis
        assert type(restored.quotes[0]) is records.Quote and restored.article.outlet == analysis.article.outlet


def test_every_record_is_pickled_as_its_class_and_all_its_field_values_in_order():
    classes = records.RECORD_TYPES
    assert {"Article", "ArticleAnalysis", "Claim", "Quote", "StoryReport"} <= {cls.__name__ for cls in classes}
    for cls in classes:
        names = [f.name for f in dataclasses.fields(cls)]
        # A distinct sentinel per field: a reduce that drops or reorders a field fails.
        instance = cls(*[f"value of {name}" for name in names])
        rebuilt_with, values = instance.__reduce__()
        assert rebuilt_with is cls and values == tuple(f"value of {name}" for name in names)
        assert pickle.loads(pickle.dumps(instance)) == instance


@dataclasses.dataclass(frozen=True, slots=True)
class RankedOutlet(records.Outlet):
    """A record subclass with a field of its own (pickle finds it by module-level name)."""

    rank: int = 0


def test_a_subclass_of_a_record_keeps_its_own_fields_through_pickling():
    ranked = RankedOutlet("Reuters", "wire service", None, (), 3)
    restored = pickle.loads(pickle.dumps(ranked))
    assert type(restored) is RankedOutlet and restored == ranked and restored.rank == 3
