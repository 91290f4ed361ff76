"""corpus_ds: Arabic-language news on Russia–Morocco relations, cleaned and labelled with evidence."""

__version__ = "1.0.0"
__released__ = "2026-12-05"  # release date of __version__ (CITATION.cff and CHANGELOG.md agree, tested)

from corpus_ds.loader import cite, files, load, path, tables

__all__ = ["__version__", "cite", "files", "load", "path", "tables"]
