"""Run the corpus-ds command as `python -m corpus_ds`."""

from corpus_ds.cli import main

raise SystemExit(main())
