"""Trawl's web front end: server-rendered pages and a JSON API over `search.search()`."""
