"""The compiled text pass (the rest of the build is declared in pyproject.toml)."""

from setuptools import Extension, setup

# No machine-specific flags (-march=native): a wheel built here runs on any CPU of its platform. The kernel works
# on 8 bytes at a time in portable C and leaves the vectorised byte search to the C library's memchr.
# optional: where no C compiler is at hand the package installs without it and runs the reference path (slower,
# the same results); tests/test_textkernel.py fails when the extension is missing, so CI always builds it.
setup(
    ext_modules=[
        Extension("corpus_ds._textkernel", ["src/corpus_ds/_textkernel.c"], optional=True),
        # the compiled valid-or-not passes of the costliest rules (corpus_ds.checkkernel), optional likewise
        Extension("corpus_ds._checkkernel", ["src/corpus_ds/_checkkernel.c"], optional=True),
    ]
)
