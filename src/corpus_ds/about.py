"""What the dataset says about itself, once: title, abstract, keywords, the licence statement and the responsible-AI
notes. The citation (`cite()`, CITATION.cff), croissant.json, the dataset card and the DATASHEET's generated
sections are written from here."""

from __future__ import annotations

from dataclasses import dataclass

NAME = "corpus_ds"
TITLE = "corpus_ds: Arabic-language news on Russia–Morocco relations, cleaned and labelled with evidence"
AUTHOR = "corpus_ds maintainers"
ABSTRACT = (
    "A versioned dataset of Arabic-language news articles about Russia–Morocco relations. Each article is cleaned "
    "from a raw web capture kept byte for byte and labelled with its source, dates, event (with its CAMEO code), "
    "actors tied to a registry of their offices, and the instruments concluded, planned or referenced at the "
    "event; every label points to the quote in the text that supports it, and a second annotator checked every "
    "label against its evidence. Released as Parquet tables with a manifest of checksums, a validating Python "
    "loader and a datasheet. Small by design: for worked examples, evaluation fixtures at very small scale and "
    "teaching annotation with evidence, not for training models or statistical claims."
)
KEYWORDS = ("Arabic", "news", "international relations", "event data", "CAMEO", "Russia", "Morocco")
LANGUAGE = "ar"


@dataclass(frozen=True)
class Licence:
    """One licence of the SPDX expression: what it covers and the file that holds its text."""

    spdx: str
    covers: str
    url: str

    @property
    def file(self) -> str:
        return f"LICENSES/{self.spdx}.txt"


PUBLISHER_TEXTS = "LicenseRef-Publisher-Texts"
LICENCES = (
    Licence(
        "MIT",
        "the code (the Python package, its command, tests and benchmarks)",
        "https://spdx.org/licenses/MIT.html",
    ),
    Licence(
        "CC-BY-4.0",
        "the labels, the actor registry, the codebook, the datasheet and the other documentation",
        "https://spdx.org/licenses/CC-BY-4.0.html",
    ),
    Licence(
        PUBLISHER_TEXTS,
        "the article texts and every excerpt of them (titles, texts, evidence quotes, surface forms, removed "
        "lines and the raw captures), which corpus_ds does not license: they remain the copyright of their "
        "publishers and are included for research and for checking the labels only",
        "LICENSES/LicenseRef-Publisher-Texts.txt",
    ),
)
SPDX_EXPRESSION = " AND ".join(licence.spdx for licence in LICENCES)
# The one licence statement, in these words wherever a format takes words (card, CFF abstract, DATASHEET, README).
LICENCE_STATEMENT = (
    f"Licence: {SPDX_EXPRESSION} (SPDX). "
    + " ".join(f"{licence.spdx} covers {licence.covers}." for licence in LICENCES)
    + " A publisher who wants a text removed opens a removal request (LICENSES/LicenseRef-Publisher-Texts.txt "
    "says how and what happens)."
)

# Responsible-AI notes (Croissant RAI vocabulary); the DATASHEET is the long form of each.
RAI = {
    "dataCollection": (
        "News pages captured from the web as plain text and kept byte for byte; how the pages were found and "
        "when they were captured was not recorded, so the corpus is not a sample of any defined population."
    ),
    "dataCollectionType": "Web capture of published news pages, selected by hand.",
    "dataCollectionRawData": (
        "The raw captures are kept in the repository's data/raw/ with their sha256; they are not in the Parquet "
        "release, but every line removed by cleaning is in the removals table."
    ),
    "dataPreprocessingProtocol": (
        "Extractive cleaning: page furniture, related-article lists and appended stories are removed line by "
        "line, each removed range recorded with its reason; the article text is never rewritten (only invisible "
        "characters, spaces and Unicode normalisation); typos stay."
    ),
    "dataAnnotationProtocol": (
        "Every label was made by reading the whole article, following the codebook, with a quote from the text "
        "as evidence; a second annotator checked every label against its evidence; code only resolves quotes to "
        "offsets, derives agreement_type and checks consistency."
    ),
    "dataAnnotationPlatform": "Plain YAML source files edited by hand, checked by corpus-ds validate.",
    "annotationsPerItem": (
        "One label set per article, checked label by label by a second annotator; an independent second "
        "annotation of every article measures agreement (DATASHEET)."
    ),
    "annotatorDemographics": (
        "The annotators and the reviewer are AI agents (large language models) acting for the maintainers; no "
        "human has reviewed the labels yet."
    ),
    "machineAnnotationTools": (
        "The labels were made and checked by AI agents (large language models) reading each article; the "
        "command's proposals for new drafts are suggestions checked by the annotator and never ship as labels."
    ),
    "dataUseCases": (
        "Worked examples and tests for event coding of Arabic news, evaluation fixtures at very small scale, "
        "teaching annotation with evidence, qualitative reading. Not for training models, nor for statistical "
        "claims about coverage, trends or media bias."
    ),
    "dataLimitations": (
        "A handful of hand-picked articles, some reporting the same event (count events by event_id); every event "
        "date inferred from relative day words; the publisher is identified for few captures; registry offices "
        "come from reference pages, not primary documents."
    ),
    "dataBiases": (
        "Selection is unrecorded and small: the articles say nothing about how Russia–Morocco relations are "
        "covered in general."
    ),
    "personalSensitiveInformation": (
        "Names and offices of public officials acting in their public roles, as published in the news; no other "
        "personal data."
    ),
    "dataSocialImpact": (
        "Meant to make event coding of Arabic news checkable against its evidence; misreading a small corpus as "
        "representative is the main risk, which the datasheet states."
    ),
    "dataReleaseMaintenancePlan": (
        "Semantic versions, each with its content fingerprint in the changelog; corrections and new articles by "
        "pull request, checked by corpus-ds validate and a second annotator; texts removed at a publisher's "
        "request in the next release."
    ),
}
HAS_SYNTHETIC_DATA = False
