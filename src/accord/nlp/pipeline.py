"""Documents to Extractions: the document's language (accord.nlp.language), one batched spaCy pass
(`nlp.pipe`; a long text window by window), then sentences, the extractors and the document's GDELT-style
tone, within a per-document budget. A document in a language accord does not extract from is not parsed:
it keeps its language, a warning and empty lists."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

import numpy
from spacy.tokens import Doc

from ..config import Settings
from ..errors import OverBudget
from ..model import Document, Extraction, Failure, SentenceRef
from ..version import __version__
from .anchor import choose_anchor
from .budget import Budget
from .chunks import split_for_parsing
from .components import use_memo_components
from .extractors import build_extractors, run_extractors
from .language import Verdict, check_languages, judge
from .loader import load_model, model_label
from .lookups import remember_text, text_of
from .tone import document_tone, tone_words


class Pipeline:
    """Holds the loaded model and settings; `extract` streams Extractions in input order."""

    def __init__(self, settings: Settings | None = None):
        self.settings = settings or Settings()
        self.nlp = use_memo_components(load_model(self.settings.model))
        self.nlp.max_length = max(self.nlp.max_length, self.settings.window_chars * 2)
        self.version = f"accord-{__version__}+{model_label(self.nlp)}"
        self.extractors = build_extractors(self.settings, self.nlp)
        check_languages(self.settings.languages)
        tone_words()  # now, not in the first document's time

    def extract(self, documents: Iterable[Document], published: str | None = None) -> Iterator[Extraction]:
        """One Extraction per document, in input order; `published` anchors documents that carry no date.
        A document over its budget (Settings.doc_seconds, doc_mb) raises OverBudget."""
        for result in self.results(documents, published):
            if isinstance(result, Failure):
                raise OverBudget(f"{result.origin}: {result.reason}")
            yield result

    def results(self, documents: Iterable[Document], published: str | None = None) -> Iterator[Extraction | Failure]:
        """One Extraction per document, in input order, or a Failure for a document that went over its
        budget (the others go on). A text longer than `window_chars` is parsed window by window on its
        own, so the batch's memory stays bounded, and its windows are joined into one Doc for the
        extractors: actors named in one window and referred to in another, quotations running over a
        window's end and times are found as in a short text, at offsets into the whole text."""
        # nlp.pipe keeps input order: a short document is parsed in the stream; a long one is parsed
        # here, in its place, and sent through the stream as an empty placeholder
        pending: dict[int, tuple[Document, list[Doc] | Failure | None, Budget | None]] = {}
        verdicts: dict[int, Verdict] = {}

        def texts() -> Iterator[tuple[str, int]]:
            for n, document in enumerate(documents):
                verdicts[n] = judge(document, self.settings.languages)
                if not verdicts[n].supported or not self.is_long(document):
                    # a short text is parsed in the stream; one in a language accord does not extract from
                    # is not parsed at all: an empty text keeps its place
                    pending[n] = (document, None, None)
                    yield document.text if verdicts[n].supported else "", n
                    continue
                budget = self.budget()
                try:
                    pending[n] = (document, self._parse_windows(document.text, budget), budget)
                except OverBudget as exc:
                    pending[n] = (document, _failure(document, exc), None)
                yield "", n

        stream = self.nlp.pipe(
            texts(), as_tuples=True, batch_size=self.settings.nlp_batch_size, n_process=self.settings.n_process
        )
        for spacy_doc, n in stream:
            document, parsed, budget = pending.pop(n)
            verdict = verdicts.pop(n)
            if isinstance(parsed, Failure):
                yield parsed
                continue
            try:
                if parsed is None:
                    yield self._finish(document, spacy_doc, published, budget or self.budget(), verdict)
                else:
                    yield self.extract_windows(document, parsed, published, budget or self.budget(), verdict)
            except OverBudget as exc:
                yield _failure(document, exc)

    def extract_one(self, document: Document, published: str | None = None) -> Extraction:
        """The Extraction of one document."""
        return next(self.extract([document], published))

    def is_long(self, document: Document) -> bool:
        """Whether `document` is parsed window by window (its text is longer than one window)."""
        return len(document.text) > self.settings.window_chars

    def budget(self, started: float | None = None) -> Budget:
        """A document's budget under these settings, its clock started now or at `started`."""
        return Budget(self.settings.doc_seconds, self.settings.doc_mb, started)

    def parse_window(self, text: str) -> Doc:
        """One window of a long text parsed on its own, its tensor dropped (no extractor reads it, and it
        is most of a parse's memory). The same in any process: worker processes parse the windows of one
        long text side by side (accord.workers)."""
        doc = next(iter(self.nlp.pipe([text], batch_size=1)))
        doc.tensor = numpy.zeros((0,), dtype="float32")
        return doc

    def _parse_windows(self, text: str, budget: Budget) -> list[Doc]:
        """A long text parsed one window at a time, in this process."""
        windows = split_for_parsing(text, self.settings.window_chars)
        parsed: list[Doc] = []
        for k, window in enumerate(windows, start=1):
            parsed.append(self.parse_window(window))
            budget.check(f"parsing window {k} of {len(windows)}")
        return parsed

    def extract_windows(
        self, document: Document, windows: list[Doc], published: str | None, budget: Budget, verdict: Verdict
    ) -> Extraction:
        """The Extraction of a long document from its windows' parses, in order (however and wherever they
        were parsed): joined into one Doc at offsets into the whole text, then read by the extractors.
        Raises OverBudget past the budget."""
        joined = Doc.from_docs(windows, ensure_whitespace=False)
        joined.user_data["accord_windows"] = len(windows)
        windows.clear()  # the joined Doc holds everything now; the windows' memory can go
        return self._finish(document, joined, published, budget, verdict)

    def _finish(
        self, document: Document, doc: Doc, published: str | None, budget: Budget, verdict: Verdict
    ) -> Extraction:
        ex = Extraction.from_document(document)
        ex.language, ex.language_confidence = verdict.language, verdict.confidence
        ex.warnings.extend(verdict.warnings)
        if not verdict.supported:
            choose_anchor(ex, published)
            return ex
        windows = doc.user_data.pop("accord_windows", 1)
        if windows > 1:
            ex.warnings.append(
                f"long text parsed in {windows} windows of at most {self.settings.window_chars:,} characters"
            )
        remember_text(doc, document.text)
        ex.sentences = sentence_spans(doc)
        choose_anchor(ex, published)
        run_extractors(self.extractors, ex, doc, budget.check)
        ex.tone = document_tone(ex.text)
        return ex


def _failure(document: Document, exc: OverBudget) -> Failure:
    return Failure(origin=document.origin, reason=str(exc), reader=document.reader)


def sentence_spans(doc: Doc) -> list[SentenceRef]:
    """Sentence boundaries with surrounding whitespace trimmed; whitespace-only sentences dropped."""
    text = text_of(doc)
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
