"""Documents to Extractions: the document's language (accord.nlp.language), one batched spaCy pass
(`nlp.pipe`), then sentences, the extractors and the document's GDELT-style tone. A document in a
language accord does not extract from is not parsed: it keeps its language, a warning and empty lists."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from spacy.tokens import Doc

from ..config import Settings
from ..model import Document, Extraction, SentenceRef
from ..version import __version__
from .anchor import choose_anchor
from .chunks import split_for_parsing
from .extractors import build_extractors, run_extractors
from .language import Verdict, check_languages, judge
from .loader import installed_model_label, load_model, model_label
from .tone import document_tone


def pipeline_version(settings: Settings | None = None) -> str:
    """The version stamp a Pipeline with these settings would have, read without loading the model."""
    settings = settings or Settings()
    return f"accord-{__version__}+{installed_model_label(settings.model)}"


class Pipeline:
    """Holds the loaded model and settings; `extract` streams Extractions in input order."""

    def __init__(self, settings: Settings | None = None):
        self.settings = settings or Settings()
        self.nlp = load_model(self.settings.model)
        self.nlp.max_length = max(self.nlp.max_length, self.settings.chunk_chars * 2)
        self.version = f"accord-{__version__}+{model_label(self.nlp)}"
        self.extractors = build_extractors(self.settings, self.nlp)
        check_languages(self.settings.languages)

    def extract(self, documents: Iterable[Document], published: str | None = None) -> Iterator[Extraction]:
        """One Extraction per document, in input order; `published` anchors documents that carry no date."""
        # nlp.pipe keeps input order, so a document's parsed parts arrive one after another
        pending: dict[int, tuple[Document, int, list[Doc]]] = {}
        verdicts: dict[int, Verdict] = {}

        def chunks() -> Iterator[tuple[str, int]]:
            for n, document in enumerate(documents):
                verdicts[n] = judge(document, self.settings.languages)
                # a language accord does not extract from is not parsed: one empty part keeps the order
                parts = split_for_parsing(document.text, self.settings.chunk_chars) if verdicts[n].supported else [""]
                pending[n] = (document, len(parts), [])
                for part in parts:
                    yield part, n

        stream = self.nlp.pipe(
            chunks(), as_tuples=True, batch_size=self.settings.nlp_batch_size, n_process=self.settings.n_process
        )
        for spacy_doc, n in stream:
            document, count, parsed = pending[n]
            parsed.append(spacy_doc)
            if len(parsed) == count:
                del pending[n]
                yield self._finish(document, parsed, published, verdicts.pop(n))

    def extract_one(self, document: Document, published: str | None = None) -> Extraction:
        """The Extraction of one document."""
        return next(self.extract([document], published))

    def _finish(self, document: Document, parts: list[Doc], published: str | None, verdict: Verdict) -> Extraction:
        ex = Extraction.from_document(document)
        ex.language, ex.language_confidence = verdict.language, verdict.confidence
        ex.warnings.extend(verdict.warnings)
        if not verdict.supported:
            choose_anchor(ex, published)
            return ex
        doc = parts[0] if len(parts) == 1 else Doc.from_docs(parts, ensure_whitespace=False)
        if len(parts) > 1:
            ex.warnings.append(
                f"long text parsed in {len(parts)} parts of at most {self.settings.chunk_chars:,} characters"
            )
        ex.sentences = sentence_spans(doc)
        choose_anchor(ex, published)
        run_extractors(self.extractors, ex, doc)
        ex.tone = document_tone(ex.text)
        return ex


def sentence_spans(doc: Doc) -> list[SentenceRef]:
    """Sentence boundaries with surrounding whitespace trimmed; whitespace-only sentences dropped."""
    text = doc.text
    out: list[SentenceRef] = []
    for sent in doc.sents:
        start, end = sent.start_char, sent.end_char
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if end > start:
            out.append(SentenceRef(start, end))
    return out
