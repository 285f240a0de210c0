"""Words that tell what kind of thing a name is, shared by the entity finder and the event
profiles (a module of its own so that ``link`` reads them without loading spaCy)."""

# Words that make a capitalised phrase an organisation even when it holds an
# office word ("Office of the President", "Security Council").
ORG_WORDS = frozenset(
    "ministry council office committee service agency department commission administration "
    "government parliament assembly court bureau staff forces army navy guard party union "
    "organization organisation institute center centre foundation bank company group syndicate "
    "association federation alliance league coalition movement chamber directorate".split()
)
