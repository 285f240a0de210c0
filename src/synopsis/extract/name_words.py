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

# Words a company's name ends in and no personal name does ("Greyfen Labs", "Quillmark Systems
# Inc"), which the company drops once introduced ("Quillmark said"). Not "bank", "records" or
# "times": "Reserve Bank" is no "Reserve", "Apple Records" no "Apple", "Global Rail Times" no
# "Global".
COMPANY_WORDS = frozenset(
    "systems group holdings inc ltd limited plc corp corporation co llc gmbh ag technologies labs "
    "laboratories industries enterprises solutions software networks logistics".split()
)

# Nouns written right before a body's name to say what kind of body it is, never before a
# person's ("the security firm Greyfen Labs", "the consumer group Fair Data").
BODY_KIND_NOUNS = frozenset(
    "company firm brand label house retailer group club side team bank maker manufacturer chain carrier "
    "airline insurer lender business conglomerate giant outfit franchise supermarket broker publisher "
    "operator developer producer startup".split()
)
