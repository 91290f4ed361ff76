"""The codebook's vocabularies and the patterns of ids and names: plain constants, read by the models (models.py)
and by the loader's rules without importing pydantic."""

from __future__ import annotations

SCHEMA_VERSION = "2.0"

# ---------------------------------------------------------------------------
# Codebook vocabularies. Each value maps to its definition; CODEBOOK.md is checked against these.
# ---------------------------------------------------------------------------

INSTRUMENTS = {
    "agreement": "A binding intergovernmental agreement, convention or treaty (اتفاقية، اتفاق).",
    "memorandum_of_understanding": "A memorandum of understanding (مذكرة تفاهم).",
    "joint_statement": "A joint statement or declaration adopted by both sides (بيان مشترك، إعلان).",
    "verbal_commitment": "Something the parties say they agreed to without a signed document (اتفق الجانبان على ...).",
}
# Order used to derive agreement_type: the most formal concluded instrument wins.
INSTRUMENT_RANK = ("agreement", "memorandum_of_understanding", "joint_statement", "verbal_commitment")

STATUSES = {
    "concluded": (
        "Signed, adopted or agreed at the reported event (a commitment reached at the event is concluded "
        "even if what it commits to lies in the future)."
    ),
    "planned": "Announced or expected to be signed or adopted later.",
    "referenced": "An earlier instrument that the article mentions.",
}

AGREEMENT_TYPES = {
    **{
        k: f"The most formal instrument concluded at the reported event is a {k.replace('_', ' ')}."
        for k in INSTRUMENT_RANK
    },
    "none": "Nothing was concluded at the reported event.",
}

SECTORS = {
    "diplomacy": "Political dialogue, consultation mechanisms, the strategic partnership itself.",
    "energy": "Oil, gas, electricity, renewables, fuel and energy sector.",
    "nuclear": "Civil nuclear energy and technology.",
    "fisheries": "Sea fishing, fishing quotas, marine fisheries.",
    "agriculture": "Agriculture and food security.",
    "trade": "Trade and commercial exchange.",
    "investment": "Investment and its protection.",
    "economy": "Economic cooperation not narrowed to trade or investment.",
    "transport": "Air, sea and land transport.",
    "environment": "Environmental protection and natural resources.",
    "security": "Security cooperation, protection of classified information.",
    "defence": "Military and military-technical cooperation.",
    "counterterrorism": "Combating terrorism and extremism.",
    "education": "Education and higher education.",
    "culture": "Culture and humanitarian exchange.",
    "science": "Scientific and technical cooperation.",
    "digital": "Digital technologies and ICT.",
}

# Event types with their CAMEO root codes, so GDELT / ICEWS / POLECAT users can join on them.
EVENT_TYPES = {
    "visit": (
        "042",
        "Talks during a visit of one side to the other's country (CAMEO 042 'Make a visit', coded from the visitor; "
        "043 'Host a visit' when coded from the host).",
    ),
    "meeting_third_location": ("044", "A meeting of the two sides in a third country (CAMEO 044)."),
    "phone_call": ("041", "A telephone conversation (CAMEO 041 'Discuss by telephone')."),
    "congratulations": (
        "051",
        "An exchange of messages of congratulation or praise (CAMEO 051 'Praise or endorse').",
    ),
    "signing": ("057", "A signing ceremony reported on its own (CAMEO 057 'Sign formal agreement')."),
}
# The CAMEO codes an event type may carry: a visit is 042 from the visitor's side, 043 from the host's.
CAMEO_BY_EVENT_TYPE = {k: (v[0], "043") if v[0] == "042" else (v[0],) for k, v in EVENT_TYPES.items()}

# CAMEO codes a directed dyad may carry (CAMEO 1.1b3 names), and the event types each may occur in.
DYAD_CODES = {
    "041": "Discuss by telephone: both directions (a reciprocal event).",
    "042": "Make a visit: the visitor as source, the host as target.",
    "043": "Host a visit: the host as source, where the text makes the host a subject of the meeting.",
    "044": "Meet at a 'third' location: both directions.",
    "051": "Praise or endorse: the sender of congratulations as source; an exchange gives both directions.",
    "057": "Sign formal agreement: both directions, when both participants are the subjects of the signing.",
}
# Codes a dyad must show in both directions (CAMEO codes them as reciprocal events).
RECIPROCAL_CODES = ("041", "044", "057")
# Per event type: the code the dyads must include, and every code they may carry.
DYAD_CODES_BY_EVENT_TYPE = {
    "visit": ("042", ("042", "043", "057")),
    "meeting_third_location": ("044", ("044", "057")),
    "phone_call": ("041", ("041",)),
    "congratulations": ("051", ("051",)),
    "signing": ("057", ("057",)),
}
# Event types whose event happens somewhere (a place is required); calls and telegrams have none.
PLACED_EVENT_TYPES = ("visit", "meeting_third_location", "signing")

# PLOVER sector codes (PLOVER manual, "Sector Codes") used for registry actors.
ACTOR_SECTORS = {
    "GOV": "Government: the executive, governing parties, coalition partners, executive divisions.",
    "MIL": "Military: troops, soldiers, all state-military personnel.",
    "LEG": "Legislature: parliaments, assemblies, lawmakers.",
    "JUD": "Judiciary: judges, courts.",
    "ELI": "Former government officials who hold no government position.",
    "BUS": "Business: individual companies and enterprises.",
    "JRN": "Journalists, newspapers, radio, television, web sites.",
    "SOC": "Civil society organisations not otherwise covered.",
}

ROLES = {
    "participant": "Takes part in the reported event.",
    "mentioned": (
        "Mentioned in the article as acting (signing earlier, issuing a statement, expected to act), without "
        "taking part in the event."
    ),
}

CITED_KINDS = {
    "statement": "A written statement or communiqué of an institution.",
    "remarks": "Spoken words of a named person, quoted or paraphrased.",
    "media": "Media outlets the text names as its conduit (e.g. 'Russian media').",
    "document": "The text of an instrument, quoted.",
}

DATE_BASES = {
    "stated": "The text gives the full date of the event.",
    "inferred": "The date is inferred (relative day words, a missing year); event_date_note says how.",
}

REVIEW_STATUSES = {
    "draft": "Proposed labels not yet checked by a second annotator; never shipped in a release.",
    "reviewed": "Every label was checked against its evidence by a second annotator.",
}

ACTOR_KINDS = {"person": "A natural person.", "organization": "A ministry, agency or other organisation."}

EVIDENCE_LOCATIONS = {
    "text": "The cleaned article text (offsets index the text column).",
    "title": "The cleaned title.",
    "raw": (
        "The raw capture decoded as UTF-8 (for facts that live only in removed lines: source and date "
        "lines, bylines)."
    ),
}

REMOVAL_REASONS = {
    "navigation": "Site navigation, section menus and story lists before the article.",
    "masthead": "The site's masthead or self-description.",
    "byline": "Author or publisher byline.",
    "caption": "Image caption, including a repeated headline under the picture.",
    "credit": "Photo credit: a bare agency name under a caption.",
    "source_line": "The page's source line (المصدر: ...).",
    "date_line": "The publication-date line (تاريخ النشر ...).",
    "tags": "Tag and keyword lists (كلمات دلالية, Tags).",
    "share_bar": "Print and share bars.",
    "comments": "Comment sections and headline lists after them.",
    "related": "'Read also' and 'similar articles' blocks (إقرأ أيضاً, مقالات مشابهة).",
    "appended_article": "An unrelated article appended after a 'read also' block.",
    "embed": (
        "A box the page embeds between the article's paragraphs: a social-network post (its text, author, date and "
        "counters), a video player or promotion, a poll."
    ),
    "pull_quote": "A sentence of the text repeated in large type beside it, with the speaker's name.",
    "summary": "A standfirst or summary above the article that repeats or condenses its first paragraph.",
    "advertisement": "Advertising, newsletter and app promotions, 'follow us' lines and copyright footers.",
    "metadata": (
        "A saved page's metadata elements (title, meta tags, canonical link, JSON-LD, time), kept in the audit so "
        "that quotes from them can be checked."
    ),
}
LINE_ROLES = ("title", "body", *REMOVAL_REASONS)

# Patterns of the shared field types (models.py): ids, hashes, capture files, people.
ID_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
SHA256_PATTERN = r"^[0-9a-f]{64}$"
RAW_FILE_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9._-]*\.(?:txt|html|htm)$"
PERSON_PATTERN = r"^[A-Za-z0-9\u0621-\u063A\u0641-\u064A]+(?:[ ._'-][A-Za-z0-9\u0621-\u063A\u0641-\u064A]+)*$"
