"""Answers over stored rows: stories of near-duplicate documents, merged events, dyad series,
networks, timelines and framing."""
