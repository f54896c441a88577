"""Analyst outputs drawn from the store: charts and the self-contained HTML brief."""
