"""accord: political event data from news articles, offline, with evidence for every row."""

__version__ = "0.1.0"
