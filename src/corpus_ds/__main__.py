"""Run the corpus-ds command as `python -m corpus_ds`."""

from corpus_ds.cli import run

run()
