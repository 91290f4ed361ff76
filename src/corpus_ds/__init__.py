"""corpus_ds: Arabic-language news on Russia–Morocco relations, cleaned and labelled with evidence."""

__version__ = "0.1.0"
__released__ = "2026-11-24"  # release date of __version__ (CITATION.cff and CHANGELOG.md agree, tested)

from corpus_ds.loader import cite, files, load, path, tables

__all__ = ["__version__", "cite", "files", "load", "path", "tables"]
