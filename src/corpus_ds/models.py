"""Pydantic models and codebook vocabularies: the single source of every record type."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, field_validator

from corpus_ds.vocab import (
    ACTOR_KINDS as ACTOR_KINDS,
)
from corpus_ds.vocab import (
    ACTOR_SECTORS as ACTOR_SECTORS,
)
from corpus_ds.vocab import (
    AGREEMENT_TYPES as AGREEMENT_TYPES,
)
from corpus_ds.vocab import (
    CAMEO_BY_EVENT_TYPE as CAMEO_BY_EVENT_TYPE,
)
from corpus_ds.vocab import (
    CITED_KINDS as CITED_KINDS,
)
from corpus_ds.vocab import (
    DATE_BASES as DATE_BASES,
)
from corpus_ds.vocab import (
    DYAD_CODES as DYAD_CODES,
)
from corpus_ds.vocab import (
    DYAD_CODES_BY_EVENT_TYPE as DYAD_CODES_BY_EVENT_TYPE,
)
from corpus_ds.vocab import (
    EVENT_TYPES as EVENT_TYPES,
)
from corpus_ds.vocab import (
    EVIDENCE_LOCATIONS as EVIDENCE_LOCATIONS,
)
from corpus_ds.vocab import (
    ID_PATTERN as ID_PATTERN,
)
from corpus_ds.vocab import (
    INSTRUMENT_RANK as INSTRUMENT_RANK,
)
from corpus_ds.vocab import (
    INSTRUMENTS as INSTRUMENTS,
)
from corpus_ds.vocab import (
    LINE_ROLES as LINE_ROLES,
)
from corpus_ds.vocab import (
    PERSON_PATTERN as PERSON_PATTERN,
)
from corpus_ds.vocab import (
    PLACED_EVENT_TYPES as PLACED_EVENT_TYPES,
)
from corpus_ds.vocab import (
    RAW_FILE_PATTERN as RAW_FILE_PATTERN,
)
from corpus_ds.vocab import (
    RECIPROCAL_CODES as RECIPROCAL_CODES,
)
from corpus_ds.vocab import (
    REMOVAL_REASONS as REMOVAL_REASONS,
)
from corpus_ds.vocab import (
    REVIEW_STATUSES as REVIEW_STATUSES,
)
from corpus_ds.vocab import (
    ROLES as ROLES,
)
from corpus_ds.vocab import (  # the vocabularies, re-exported: models stays the one name writers use
    SCHEMA_VERSION as SCHEMA_VERSION,
)
from corpus_ds.vocab import (
    SECTORS as SECTORS,
)
from corpus_ds.vocab import (
    SHA256_PATTERN as SHA256_PATTERN,
)
from corpus_ds.vocab import (
    STATUSES as STATUSES,
)

# ---------------------------------------------------------------------------
# Shared field types
# ---------------------------------------------------------------------------


Slug = Annotated[str, StringConstraints(pattern=ID_PATTERN, max_length=80)]
Sha256 = Annotated[str, StringConstraints(pattern=SHA256_PATTERN)]
NonEmpty = Annotated[str, StringConstraints(min_length=1, max_length=2000, pattern=r"\S")]
# A surface form of at least two letters; an evidence quote of at least four characters with two letters:
# a letter, a space or an article (ال) supports nothing.
Surface = Annotated[str, StringConstraints(min_length=2, max_length=200, pattern=r"\w.*\w")]
Quote = Annotated[str, StringConstraints(min_length=4, max_length=2000, pattern=r"\w.*\w")]
Country = Annotated[str, StringConstraints(pattern=r"^[A-Z]{3}$")]
Cameo = Annotated[str, StringConstraints(pattern=r"^[0-9]{2,4}$")]
# A person (annotator, reviewer): Latin letters and digits or Arabic letters, words joined by one space, '.', '_', "'"
# or '-'. No other script, no invisible or look-alike character, no stray space: two people are told apart by
# name (and by confusable skeleton, rules.review), so a name must not be able to disguise itself.
Person = Annotated[str, StringConstraints(pattern=PERSON_PATTERN, max_length=80)]
# ISO 8601 date-time with a time zone (a capture time as the capture states it).
DateTime = Annotated[
    str, StringConstraints(pattern=r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$")
]
Url = Annotated[str, StringConstraints(pattern=r"^https?://\S+$", max_length=2000)]


def _literal(vocab: dict) -> object:
    return Literal[tuple(vocab)]  # type: ignore[valid-type]


Instrument = _literal(INSTRUMENTS)
Status = _literal(STATUSES)
Sector = _literal(SECTORS)
EventType = _literal(EVENT_TYPES)
Role = _literal(ROLES)
CitedKind = _literal(CITED_KINDS)
DateBasis = _literal(DATE_BASES)
ReviewStatus = _literal(REVIEW_STATUSES)
ActorKind = _literal(ACTOR_KINDS)
Location = _literal(EVIDENCE_LOCATIONS)
DyadCode = _literal(DYAD_CODES)
ActorSector = _literal(ACTOR_SECTORS)
LineRole = Literal[LINE_ROLES]  # type: ignore[valid-type]
AgreementType = _literal(AGREEMENT_TYPES)
RemovalReason = _literal(REMOVAL_REASONS)


# Set by `corpus-ds new` on every machine proposal; a person deletes it once the label is checked.
PROPOSED_DESCRIPTION = (
    "Machine proposal from `corpus-ds new`, saying how it was found. Delete this key once a person has "
    "checked the label against its evidence; a reviewed article may not contain it."
)
# A value a person must fill in; the draft writes it where no machine proposal is possible.
PLACEHOLDER = "TODO"


class Strict(BaseModel):
    """Unknown keys are errors: a typo such as `actros` must never be silently ignored."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=False, frozen=True)


# ---------------------------------------------------------------------------
# Source files (human-edited YAML under data/)
# ---------------------------------------------------------------------------


class Evidence(Strict):
    quote: Quote = Field(
        description="Verbatim quote that supports the label, after the same normalisation as the text."
    )
    in_: Location = Field("text", alias="in", description="Where the quote is found: text, title or raw.")
    occurrence: int = Field(
        1, ge=1, description="Which occurrence of the quote is meant when it occurs more than once (1-based)."
    )

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)


class SourcedValue(Strict):
    value: NonEmpty = Field(description="The label's value as written on the page.")
    evidence: Evidence = Field(description="Where the page says it (usually in: raw, a removed line).")
    proposed: NonEmpty | None = Field(None, description=PROPOSED_DESCRIPTION)


class CitedSource(Strict):
    name: NonEmpty = Field(
        description=(
            "English description of what the text cites, e.g. 'Statement of the Moroccan Ministry of Foreign "
            "Affairs'."
        )
    )
    kind: CitedKind = Field(description="statement | remarks | media | document.")
    actor_id: Slug | None = Field(
        None, description="Registry id of the person or organisation behind it, when registered."
    )
    evidence: Evidence = Field(description="Where the text cites it.")
    proposed: NonEmpty | None = Field(None, description=PROPOSED_DESCRIPTION)


class SourceLabels(Strict):
    outlet: SourcedValue | None = Field(
        description="Publisher of the captured page when the capture identifies it, else null."
    )
    attribution: SourcedValue | None = Field(
        description="What the page credits as its source (its المصدر line), else null."
    )
    cited_sources: list[CitedSource] = Field(description="Statements, remarks or media the text cites.")


class PublishedDate(Strict):
    date: dt.date = Field(description="Publication date as stated by the capture.")
    evidence: Evidence = Field(description="The capture's date line (in: raw).")
    proposed: NonEmpty | None = Field(None, description=PROPOSED_DESCRIPTION)


class EventDate(Strict):
    date: dt.date = Field(description="The day of the reported event.")
    basis: DateBasis = Field(description="stated | inferred.")
    note: NonEmpty | None = Field(None, description="For inferred dates: how the date was inferred.")
    weekday_evidence: Evidence | None = Field(
        None,
        description="Quote naming the event's weekday (اليوم الأربعاء, الثلاثاء 15 مارس); checked against date.",
    )
    proposed: NonEmpty | None = Field(None, description=PROPOSED_DESCRIPTION)


class DateLabels(Strict):
    published: PublishedDate | None = Field(description="Only where the capture states it.")
    event: EventDate = Field(description="The day of the reported event.")


class PlaceSite(Strict):
    name: Surface = Field(description="The site's name as written in the text (الكرملين).")
    name_en: NonEmpty = Field(description="Its usual English name.")
    evidence: Evidence = Field(description="A quote that contains the site's name.")


class Place(Strict):
    city: Surface = Field(description="The city's name as written in the text, without a prefix (مراكش).")
    city_en: NonEmpty = Field(description="Its usual English name (Marrakech).")
    country: Country = Field(description="ISO 3166-1 alpha-3 code of the country the city is in.")
    evidence: Evidence = Field(description="A quote that contains the city's name as the place of the event.")
    site: PlaceSite | None = Field(None, description="A site within the city named as the place, else null.")
    geonames_id: int | None = Field(None, ge=1, description="GeoNames id, only together with its source.")
    geonames_source: Url | None = Field(None, description="URL of the GeoNames record the id was read from.")
    proposed: NonEmpty | None = Field(None, description=PROPOSED_DESCRIPTION)


class Dyad(Strict):
    source: Slug = Field(description="Registry id of the participant who does it.")
    target: Slug = Field(description="Registry id of the participant it is directed to.")
    code: DyadCode = Field(description="CAMEO code of this directed event (text: leading zeros kept).")
    evidence: Evidence = Field(description="Quote that reports this directed event.")
    proposed: NonEmpty | None = Field(None, description=PROPOSED_DESCRIPTION)


class EventLabels(Strict):
    id: Slug = Field(description="Identifier shared by all articles that report the same event.")
    type: EventType = Field(description="Kind of interaction reported (codebook: event types).")
    cameo_code: Cameo = Field(description="CAMEO code of the event type (must match it).")
    evidence: Evidence = Field(description="Quote that reports the interaction.")
    place: Place | None = Field(
        None, description="Where the event happened (city, site, country); null for calls and telegrams."
    )
    dyads: list[Dyad] = Field(
        default_factory=list,
        description="Directed interactions of the participants at the event (codebook: dyads).",
    )
    proposed: NonEmpty | None = Field(None, description=PROPOSED_DESCRIPTION)


class SourcedUrl(Strict):
    value: Url = Field(
        description="The page's own address as the capture states it (canonical link, og:url)."
    )
    evidence: Evidence = Field(description="Where the raw capture states it (in: raw).")
    proposed: NonEmpty | None = Field(None, description=PROPOSED_DESCRIPTION)


class SourcedTime(Strict):
    value: DateTime = Field(description="The capture time as the capture states it (ISO 8601 with a zone).")
    evidence: Evidence = Field(description="Where the raw capture states it (in: raw).")
    proposed: NonEmpty | None = Field(None, description=PROPOSED_DESCRIPTION)


class Provenance(Strict):
    url: SourcedUrl | None = Field(None, description="The page's URL where the capture states it, else null.")
    captured_at: SourcedTime | None = Field(
        None, description="The capture time where the capture states it, else null."
    )


class ActorLabel(Strict):
    actor_id: Slug = Field(description="Registry id of the actor (data/actors.yaml).")
    role: Role = Field(description="participant | mentioned.")
    surfaces: list[Surface] = Field(
        min_length=1, description="Every surface form of the actor's name exactly as it appears in the text."
    )
    proposed: NonEmpty | None = Field(None, description=PROPOSED_DESCRIPTION)


class AliasWaiver(Strict):
    alias: NonEmpty = Field(
        description=(
            "A registry alias that occurs in the text but is deliberately not labelled, or a longer name that holds "
            "one (جامعة محمد السادس): an occurrence inside a waived name is not a mention."
        )
    )
    reason: NonEmpty = Field(
        description="Why the alias does not name a labelled actor here (e.g. an institution named after a person)."
    )


class AgreementLabel(Strict):
    instrument_id: Slug = Field(
        description="Identifier shared by every article that reports the same instrument (codebook)."
    )
    instrument: Instrument = Field(
        description="agreement | memorandum_of_understanding | joint_statement | verbal_commitment."
    )
    status: Status = Field(description="concluded | planned | referenced.")
    sectors: list[Sector] = Field(
        description="Sectors the instrument covers; empty when the text names none."
    )
    year: int | None = Field(
        None, ge=1956, le=2100, description="Year of a referenced instrument where the text gives it."
    )
    evidence: Evidence = Field(description="Quote that reports the instrument.")
    note: NonEmpty | None = Field(
        None, description="Annotator's note (what the document was, a second mention, whose expectation)."
    )
    proposed: NonEmpty | None = Field(None, description=PROPOSED_DESCRIPTION)


class Review(Strict):
    status: ReviewStatus = Field(
        description="draft | reviewed: reviewed once a second annotator checked every label against its evidence."
    )
    annotator: Person = Field(description="Who made the labels (see the DATASHEET).")
    reviewer: Person | None = Field(None, description="Who checked every label against its evidence.")
    notes: list[NonEmpty] = Field(
        default_factory=list, description="Judgement calls a user should know about."
    )


class CleaningDecision(Strict):
    lines: tuple[int, int] = Field(
        description="First and last raw line (1-based, inclusive) the decision covers."
    )
    as_: LineRole = Field(alias="as", description="What these lines are: title, body, or a removal reason.")
    why: NonEmpty = Field(description="Why the generic cleaner's proposal is overruled.")

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)

    @field_validator("lines")
    @classmethod
    def _ordered(cls, v: tuple[int, int]) -> tuple[int, int]:
        if v[0] < 1 or v[1] < v[0]:
            raise ValueError("expected [first, last] with 1 <= first <= last")
        return v


class Cleaning(Strict):
    text_sha256: Sha256 = Field(
        description="sha256 of the cleaned text the labels were made against; the build fails if cleaning changes it."
    )
    decisions: list[CleaningDecision] = Field(
        default_factory=list,
        description="Where the generic cleaner cannot decide, the human decision, per raw line range.",
    )


class RawRef(Strict):
    file: Annotated[str, StringConstraints(pattern=RAW_FILE_PATTERN)] = Field(
        description="File name under data/raw/."
    )
    original_name: NonEmpty = Field(description="The capture's file name as collected.")
    sha256: Sha256 = Field(description="sha256 of the capture's bytes.")


class ArticleSource(Strict):
    """One human-edited source file per article: data/articles/<article_id>.yaml."""

    article_id: Slug = Field(description="Stable article identifier; the file is named <article_id>.yaml.")
    raw: RawRef = Field(description="The raw capture under data/raw/.")
    cleaning: Cleaning = Field(
        description="Text fingerprint and the cleaning decisions recorded for this capture."
    )
    source: SourceLabels = Field(description="Outlet, attribution and cited sources.")
    dates: DateLabels = Field(description="Publication and event dates.")
    event: EventLabels = Field(description="The reported interaction.")
    actors: list[ActorLabel] = Field(
        description="Every person and organisation that takes part or is mentioned as acting."
    )
    alias_waivers: list[AliasWaiver] = Field(
        default_factory=list, description="Registry aliases in the text deliberately not labelled."
    )
    agreements: list[AgreementLabel] = Field(description="Every instrument the article reports.")
    provenance: Provenance = Field(
        default_factory=Provenance, description="Source URL and capture time, where the capture states them."
    )
    review: Review = Field(description="Review status, annotator, reviewer and notes.")


class Office(Strict):
    title_en: NonEmpty = Field(description="Title of the office in English.")
    start: dt.date = Field(description="First day in office.")
    end: dt.date | None = Field(None, description="Last day in office (inclusive); null while in office.")
    source: NonEmpty = Field(description="Where the office and its dates come from.")


class AmbiguousAlias(Strict):
    alias: NonEmpty = Field(description="A spelling that may name this actor or someone or something else.")
    also_names: NonEmpty = Field(description="Who or what else it names.")


class Actor(Strict):
    actor_id: Slug = Field(description="ASCII slug, normally of the English name.")
    kind: ActorKind = Field(description="person | organization.")
    name_en: NonEmpty = Field(description="English name.")
    name_ar: NonEmpty = Field(description="Arabic name.")
    aliases_ar: list[NonEmpty] = Field(
        min_length=1, description="Arabic spellings searched for in the texts (full name first)."
    )
    ambiguous_aliases: list[AmbiguousAlias] = Field(
        default_factory=list,
        description=(
            "Spellings that also name someone or something else: each occurrence must be a labelled surface "
            "(of any actor) or waived."
        ),
    )
    country: Country = Field(description="ISO 3166-1 alpha-3 code.")
    sector: ActorSector | None = Field(
        None,
        description="PLOVER sector code (GOV for governments, their members and ministries), where known.",
    )
    offices: list[Office] = Field(
        default_factory=list, description="Offices held, each with its dates and source."
    )


class Registry(Strict):
    """data/actors.yaml: the actor registry."""

    actors: list[Actor] = Field(description="Every actor an article may point to.")


# ---------------------------------------------------------------------------
# Flat JSON annotations (`corpus-ds agreement`): only the fields agreement reads are typed; the rest is ignored.
# ---------------------------------------------------------------------------


class _Flat(BaseModel):
    model_config = ConfigDict(extra="ignore", frozen=True, strict=True)


class FlatActor(_Flat):
    actor_id: Slug | None = Field(None, description="Registry id, when the annotator gives one.")
    role: str | None = Field(None, description="participant | mentioned.")
    name_en: str | None = Field(None, description="English name, for an actor the registry may lack.")
    surfaces: list[str] = Field(
        default_factory=list, description="Surface forms, matched to registry aliases."
    )


class FlatInstrument(_Flat):
    instrument: str = Field(description="Instrument type.")
    status: str = Field(description="concluded | planned | referenced.")


class FlatDate(_Flat):
    value: str | None = Field(description="The date as YYYY-MM-DD, or null.")


class FlatDyad(_Flat):
    source: str = Field(description="A registry id, or a name as written in the text.")
    target: str = Field(description="A registry id, or a name as written in the text.")
    code: str | int = Field(description="The CAMEO code of the interaction.")


class FlatPlace(_Flat):
    city: str | None = Field(None, description="City where the event took place.")
    country: str | None = Field(None, description="ISO 3166-1 alpha-3 code of its country.")


class FlatAnnotation(_Flat):
    raw_file: Annotated[str, StringConstraints(min_length=1, max_length=200)] = Field(
        description="The capture's file name under data/raw/."
    )
    event_type: str | None = Field(None, description="Kind of interaction reported.")
    event_date: str | None = Field(None, description="Day of the event, YYYY-MM-DD.")
    published_date: FlatDate | str | None = Field(
        None, description="Publication date ({value: ...} or a string)."
    )
    actors: list[FlatActor] = Field(default_factory=list, description="Actors with their roles.")
    instruments: list[FlatInstrument] = Field(
        default_factory=list, description="Instruments with their status."
    )


# ---------------------------------------------------------------------------
# Release rows (one model per Parquet table). Field descriptions are the column documentation.
# ---------------------------------------------------------------------------


@dataclass(frozen=True)
class ArrowInt:
    """Annotated metadata: the width of an integer column in the release (pydantic ignores it; columns.py reads it)."""

    bits: int


Int16 = Annotated[int, ArrowInt(16)]
Int32 = Annotated[int, ArrowInt(32)]
Offset = Annotated[int, Field(ge=0), ArrowInt(32)]


class ArticleActor(Strict):
    actor_id: str = Field(description="Registry id.")
    role: Role = Field(description="participant | mentioned.")
    surfaces: list[str] = Field(description="Surface forms as they appear in the text.")


class ArticleAgreement(Strict):
    instrument_id: str = Field(description="Identifier shared by every article that reports the instrument.")
    instrument: Instrument = Field(description="Instrument type.")
    status: Status = Field(description="concluded | planned | referenced.")
    sectors: list[Sector] = Field(description="Sectors from the controlled list.")
    year: Int16 | None = Field(description="Year of a referenced instrument where the text gives it.")
    quote: str = Field(description="Evidence quote.")


class CitedSourceRow(Strict):
    name: str = Field(description="English description of what the text cites.")
    kind: CitedKind = Field(description="statement | remarks | media | document.")
    actor_id: str | None = Field(description="Registry id of the speaker, when registered.")
    quote: str = Field(description="Evidence quote.")


class AliasWaiverRow(Strict):
    alias: str = Field(description="Registry alias present in the text.")
    reason: str = Field(description="Why it is not labelled.")


class ArticleRow(Strict):
    article_id: str = Field(description="Stable article identifier (also the source file name).")
    title: str | None = Field(
        description="Headline shown on the page, cleaned; null when the page shows none."
    )
    text: str = Field(
        description="Article body: extractive, NFC, plain spaces, paragraphs separated by one blank line."
    )
    outlet: str | None = Field(
        description="Publisher of the captured page when the capture identifies it, else null."
    )
    attribution: str | None = Field(
        description="What the page credits as its source (its المصدر line), else null."
    )
    cited_sources: list[CitedSourceRow] = Field(
        description="Statements, remarks or media the text cites: name, kind, actor_id, quote."
    )
    published_date: dt.date | None = Field(description="Publication date, only where the capture states it.")
    event_date: dt.date = Field(description="Day of the reported event.")
    event_date_basis: DateBasis = Field(description="stated | inferred.")
    event_date_note: str | None = Field(description="How an inferred event date was inferred.")
    event_weekday_quote: str | None = Field(
        description="Quote naming the weekday of the event; checked against event_date."
    )
    event_id: str = Field(description="Identifier shared by articles that report the same event.")
    event_type: EventType = Field(description="Kind of interaction reported (codebook: event types).")
    cameo_code: str = Field(description="CAMEO code of event_type.")
    place_city: str | None = Field(
        description="City of the event as written in the text; null for remote events."
    )
    place_city_en: str | None = Field(description="English name of the city of the event.")
    place_site: str | None = Field(description="Site of the event within the city as written in the text.")
    place_site_en: str | None = Field(description="English name of the site.")
    place_country: str | None = Field(description="ISO 3166-1 alpha-3 code of the country of the event.")
    place_quote: str | None = Field(description="Evidence quote naming the city.")
    place_geonames_id: Int32 | None = Field(description="GeoNames id of the city, only with its source.")
    place_geonames_source: str | None = Field(description="URL of the GeoNames record the id comes from.")
    agreement_type: AgreementType = Field(
        description=(
            "Most formal concluded instrument, derived by code from the agreements; 'none' if nothing "
            "was concluded."
        )
    )
    actors: list[ArticleActor] = Field(description="Labelled actors: actor_id, role, surface forms.")
    agreements: list[ArticleAgreement] = Field(
        description="Labelled instruments: instrument, status, sectors, year, quote."
    )
    alias_waivers: list[AliasWaiverRow] = Field(
        description="Registry aliases present in the text but deliberately not labelled, with the reason."
    )
    n_paragraphs: Int32 = Field(description="Number of paragraphs in text.")
    n_chars: Int32 = Field(description="Length of text in characters.")
    source_url: str | None = Field(
        description="The page's URL where the capture states it (canonical link, og:url); null for the seeds."
    )
    captured_at: str | None = Field(
        description="Capture time (ISO 8601) where the capture states it; null for the seeds."
    )
    raw_file: str = Field(description="File name of the raw capture under data/raw/.")
    raw_original_name: str = Field(description="The capture's file name as collected.")
    raw_sha256: str = Field(description="sha256 of the raw capture's bytes.")
    text_sha256: str = Field(description="sha256 of text encoded as UTF-8.")
    review_status: ReviewStatus = Field(description="draft | reviewed.")
    annotator: str = Field(description="Who made the labels.")
    reviewer: str | None = Field(description="Who checked every label against its evidence.")
    review_notes: list[str] = Field(description="Notes of the annotator and the reviewer.")


class MentionRow(Strict):
    article_id: str = Field(description="Article the mention is in.")
    actor_id: str = Field(description="Registry id of the actor mentioned.")
    role: Role = Field(description="participant | mentioned (the actor's role in the article).")
    surface: str = Field(description="The surface form exactly as it appears in text.")
    start: Offset = Field(description="Start offset in text (Unicode code points, 0-based).")
    end: Offset = Field(description="End offset in text (exclusive); text[start:end] == surface.")


class AgreementRow(Strict):
    article_id: str = Field(description="Article that reports the instrument.")
    agreement_index: Int16 = Field(
        description="Position of the instrument in the article's agreements list (0-based)."
    )
    instrument_id: str = Field(description="Identifier shared by every article that reports the instrument.")
    instrument: Instrument = Field(
        description="agreement | memorandum_of_understanding | joint_statement | verbal_commitment."
    )
    status: Status = Field(description="concluded | planned | referenced.")
    sectors: list[Sector] = Field(description="Sectors from the codebook's controlled list.")
    year: Int16 | None = Field(description="Year of a referenced instrument where the text gives it.")
    quote: str = Field(description="Evidence quote.")
    location: Location = Field(description="Where the quote is: text | title | raw.")
    start: Offset = Field(description="Start offset of the quote in its location (code points).")
    end: Offset = Field(description="End offset (exclusive).")
    note: str | None = Field(description="Annotator's note on the instrument.")


class DyadRow(Strict):
    article_id: str = Field(description="Article that reports the dyad.")
    dyad_index: Int16 = Field(description="Position of the dyad in the article's dyads list (0-based).")
    event_id: str = Field(description="Event the dyad belongs to.")
    event_date: dt.date = Field(description="Day of the event.")
    source: str = Field(description="Registry id of the source actor.")
    target: str = Field(description="Registry id of the target actor.")
    code: DyadCode = Field(description="CAMEO code of the directed event, as text (042 keeps its zero).")
    goldstein: float = Field(
        description="Goldstein score of code, derived from GDELT's CAMEO table (never typed)."
    )
    quad_class: Int16 = Field(
        description="QuadClass of code (1 verbal cooperation ... 4 material conflict), derived from its root."
    )
    quote: str = Field(description="Evidence quote.")
    location: Location = Field(description="Where the quote is: text | title | raw.")
    start: Offset = Field(description="Start offset of the quote in its location (code points).")
    end: Offset = Field(description="End offset (exclusive).")


class EvidenceRow(Strict):
    article_id: str = Field(description="Article the label belongs to.")
    label: str = Field(
        description=(
            "Label path, e.g. outlet, attribution, cited_sources[0], published_date, event_weekday, event_type, "
            "agreements[2]."
        )
    )
    value: str = Field(description="The label's value as text.")
    quote: str = Field(description="Evidence quote.")
    location: Location = Field(description="Where the quote is: text | title | raw.")
    start: Offset = Field(description="Start offset of the quote in its location (code points).")
    end: Offset = Field(description="End offset (exclusive).")


class ActorRow(Strict):
    actor_id: str = Field(description="ASCII slug of the English name.")
    kind: ActorKind = Field(description="person | organization.")
    name_en: str = Field(description="English name.")
    name_ar: str = Field(description="Arabic name.")
    aliases_ar: list[str] = Field(min_length=1, description="Arabic spellings searched for in the texts.")
    ambiguous_aliases: list[AmbiguousAlias] = Field(
        description="Spellings that also name someone or something else, with whom or what."
    )
    country: str = Field(description="ISO 3166-1 alpha-3 country code.")
    sector: ActorSector | None = Field(description="PLOVER sector code, where the registry gives it.")
    offices: list[Office] = Field(
        description="Offices held: title_en, start, end (inclusive, null while in office), source."
    )


class RemovalRow(Strict):
    article_id: str = Field(description="Article whose capture the lines were removed from.")
    line_start: Int32 = Field(description="First removed raw line (1-based).")
    line_end: Int32 = Field(description="Last removed raw line (inclusive).")
    reason: RemovalReason = Field(
        description="Reason code from the codebook (navigation, caption, source_line, related, ...)."
    )
    decided_by: str = Field(
        description=(
            "'rule:<name>' for the generic cleaner, 'source' for a decision recorded in the article's "
            "source file."
        )
    )
    content: str = Field(description="The removed lines, as captured, so reviewers see what was removed.")


TABLE_MODELS: dict[str, type[Strict]] = {
    "articles": ArticleRow,
    "mentions": MentionRow,
    "agreements": AgreementRow,
    "dyads": DyadRow,
    "evidence": EvidenceRow,
    "actors": ActorRow,
    "removals": RemovalRow,
}

TABLE_DESCRIPTIONS = {
    "articles": "One row per article: cleaned title and text, all labels, provenance and review.",
    "mentions": "One row per occurrence of a labelled actor's surface form in an article's text.",
    "agreements": "One row per instrument an article reports, with evidence offsets.",
    "dyads": "One row per directed dyad (source, target, CAMEO code) of an article's event, with evidence offsets.",
    "evidence": "One row per evidence quote of the source, date and event labels, with offsets.",
    "actors": "The actor registry: names, Arabic aliases, country, offices with dates and sources.",
    "removals": "Removal audit: every raw line range the cleaner dropped, with its reason.",
}


def is_slug(value: str) -> bool:
    return re.fullmatch(ID_PATTERN, value) is not None


SOURCE_SCHEMAS: dict[str, type[Strict]] = {"article_source": ArticleSource, "registry": Registry}


def json_schemas() -> dict[str, dict]:
    """JSON Schemas (draft 2020-12) of the source files and of every release row, with field descriptions."""
    out = {}
    for name, model in {**SOURCE_SCHEMAS, **{f"{t}_row": m for t, m in TABLE_MODELS.items()}}.items():
        schema = model.model_json_schema(by_alias=True, mode="validation")
        out[name] = {
            "$schema": "https://json-schema.org/draft/2020-12/schema",
            "$id": f"corpus_ds/{name}.schema.json",
            **schema,
        }
    return out
