"""Languages, honestly: a document's language is detected from its text and stored with the detector's
confidence; only English is run through the extractors, other languages are stored with empty lists and
a warning, and counted by language in the ingest summary."""

from __future__ import annotations

import json

import pytest
import sqlalchemy as sa
from typer.testing import CliRunner

from accord.cli import app
from accord.config import Settings
from accord.errors import UsageError
from accord.ingestion import ingest
from accord.model import Document
from accord.nlp.language import MIN_CONFIDENCE, check_languages, judge
from accord.store import Store

SPANISH = (
    "MADRID, 3 de marzo de 2025 — El presidente del Gobierno de España se reunió el lunes en Madrid con el "
    "primer ministro de Portugal para hablar de la crisis energética y de la cooperación entre ambos países. "
    "Ambos dirigentes firmaron un acuerdo para construir una nueva interconexión eléctrica antes del fin de "
    "la década, según un comunicado del Ministerio de Asuntos Exteriores. El ministro portugués dijo que la "
    "relación entre los dos gobiernos nunca había sido tan estrecha y anunció una visita oficial a Lisboa."
)
FRENCH = (
    "PARIS, 3 mars 2025 — Le président de la République a reçu lundi à l'Élysée le chancelier allemand pour "
    "discuter de la guerre en Ukraine et de l'avenir de la défense européenne. Les deux dirigeants ont "
    "annoncé un accord sur le financement commun de nouveaux équipements militaires, selon un communiqué "
    "publié dans la soirée. Le ministre des Affaires étrangères a déclaré que la France et l'Allemagne "
    "voulaient convaincre leurs partenaires avant le sommet du mois prochain à Bruxelles."
)
GERMAN = (
    "BERLIN, 3. März 2025 — Der Bundeskanzler hat am Montag in Berlin den französischen Präsidenten "
    "empfangen, um über den Krieg in der Ukraine und die Zukunft der europäischen Verteidigung zu sprechen. "
    "Beide Regierungschefs kündigten eine Vereinbarung über die gemeinsame Finanzierung neuer Waffensysteme "
    "an, wie das Auswärtige Amt am Abend mitteilte. Der Außenminister sagte, Deutschland und Frankreich "
    "wollten ihre Partner noch vor dem Gipfel im nächsten Monat in Brüssel überzeugen."
)
ENGLISH = (
    "The Spanish prime minister met the Portuguese prime minister in Madrid on Monday to discuss the energy "
    "crisis, and the two leaders signed an agreement to build a new power link before the end of the decade, "
    "the Spanish foreign ministry said in a statement."
)
ARTICLES = {"spanish": (SPANISH, "es"), "french": (FRENCH, "fr"), "german": (GERMAN, "de")}
LANGUAGES = Settings().languages


def doc(text: str, stated: str | None = None) -> Document:
    return Document(id="d", text=text, language=stated or "en", stated_language=stated)


@pytest.mark.parametrize("name", list(ARTICLES))
def test_an_article_in_another_language_is_detected_with_its_confidence(name):
    text, code = ARTICLES[name]
    verdict = judge(doc(text), LANGUAGES)
    assert verdict.language == code and verdict.confidence >= MIN_CONFIDENCE
    assert not verdict.supported and "accord extracts only from English (en) text" in verdict.warnings[-1]


def test_english_is_english_and_supported():
    verdict = judge(doc(ENGLISH), LANGUAGES)
    assert verdict.language == "en" and verdict.confidence >= MIN_CONFIDENCE
    assert verdict.supported and verdict.warnings == ()


def test_a_short_text_keeps_the_stated_language_else_english_without_a_confidence():
    assert (judge(doc("Talks resumed in Geneva."), LANGUAGES).language, judge(doc("Hola."), LANGUAGES).confidence) == (
        "en",
        None,
    )
    short_spanish = judge(doc("Los ministros se reunieron en Madrid.", stated="es"), LANGUAGES)
    assert short_spanish.language == "es" and short_spanish.confidence is None and not short_spanish.supported


def test_an_ambiguous_text_falls_back_to_english_with_the_detectors_low_confidence():
    table = "Shr 75 cts vs 52 cts\n    Net 1,699,124 vs 1,177,786\n    Revs 45.6 mln vs 31.6 mln\n" * 2
    mixed = (
        "The ministers met in Madrid. Los ministros se reunieron en Madrid con el presidente. Die Minister "
        "trafen sich in Berlin mit dem Kanzler. Les ministres se sont réunis."
    )
    for text in (table, mixed):
        verdict = judge(doc(text), LANGUAGES)
        assert verdict.language == "en" and verdict.supported
        assert verdict.confidence is not None and verdict.confidence < MIN_CONFIDENCE
    assert judge(doc(mixed, stated="es"), LANGUAGES).language == "es"  # the stated language, when there is one


def test_a_confident_detection_overrides_a_wrong_stated_language_with_a_warning():
    verdict = judge(doc(SPANISH, stated="en"), LANGUAGES)
    assert verdict.language == "es"
    assert any(
        "the input says the language is English (en), but the text reads as Spanish (es)" in w for w in verdict.warnings
    )


def test_the_set_of_languages_is_configurable(monkeypatch):
    monkeypatch.setenv("ACCORD_LANGUAGES", "fr, de")
    assert Settings().languages == ("en", "fr", "de")
    assert judge(doc(FRENCH), ("en", "fr", "de")).language == "fr"
    with pytest.raises(UsageError, match="ACCORD_LANGUAGES: xx"):
        check_languages(("en", "xx"))


@pytest.mark.model
def test_only_english_is_extracted_and_the_others_are_stored_with_their_language(
    tmp_path, pipeline, contract_validator
):
    folder = tmp_path / "in"
    folder.mkdir()
    for name, (text, _) in ARTICLES.items():
        (folder / f"{name}.txt").write_text(text, encoding="utf-8")
    (folder / "english.txt").write_text(ENGLISH, encoding="utf-8")
    url = f"sqlite:///{tmp_path / 'lang.db'}"
    with Store.open(url) as store:
        summary = ingest([str(folder)], store, Settings(), pipeline)
    assert summary.languages == {"de": 1, "en": 1, "es": 1, "fr": 1}
    assert summary.not_extracted == {"de": 1, "es": 1, "fr": 1}

    engine = sa.create_engine(url)  # as any SQL tool reads the table
    with engine.connect() as conn:
        rows = {
            r.id: r
            for r in conn.execute(sa.text("SELECT id, language, language_confidence, extraction FROM documents"))
        }
    engine.dispose()
    for name, (_, code) in ARTICLES.items():
        row = rows[name]
        assert row.language == code and row.language_confidence >= MIN_CONFIDENCE
        contract = json.loads(row.extraction) if isinstance(row.extraction, str) else row.extraction
        contract_validator.validate(contract)
        assert (contract["language"], contract["language_confidence"]) == (code, row.language_confidence)
        assert all(contract[key] == [] for key in ("sentences", "actors", "quotes", "events", "times", "places"))
        assert contract["tone"] is None
        assert any("accord extracts only from English" in w for w in contract["warnings"])
    english = (
        json.loads(rows["english"].extraction)
        if isinstance(rows["english"].extraction, str)
        else rows["english"].extraction
    )
    assert english["language"] == "en" and english["language_confidence"] >= MIN_CONFIDENCE
    assert english["actors"] and english["events"]


@pytest.mark.model
def test_ingest_counts_documents_by_language_on_standard_error(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "spanish.txt").write_text(SPANISH, encoding="utf-8")
    (folder / "english.txt").write_text(ENGLISH, encoding="utf-8")
    result = CliRunner().invoke(app, ["ingest", "--db", str(tmp_path / "x.db"), "--workers", "1", str(folder)])
    assert result.exit_code == 0, result.output
    assert "languages: en 1, es 1; stored without extraction (accord extracts only en): es 1" in result.stderr
    extracted = CliRunner().invoke(app, ["extract", str(folder / "spanish.txt")])
    obj = json.loads(extracted.stdout)
    assert obj["language"] == "es" and obj["actors"] == [] and obj["events"] == []
