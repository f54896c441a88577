"""NLP stage: one spaCy pass per document, then the extractors that fill the contract."""

from .pipeline import Pipeline, pipeline_version

__all__ = ["Pipeline", "pipeline_version"]
