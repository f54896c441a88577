"""Tests of the web layer: REST API, pages, marking, and the browser end to end."""
