"""Trawl's write side: loaders, enrichment (spaCy + rules), the index builder and the CLI."""
