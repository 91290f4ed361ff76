"""load(), tables(), cite(): read the installed release through importlib.resources, validated by default."""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from corpus_ds import __released__, __version__
from corpus_ds.errors import CorpusError

if TYPE_CHECKING:  # pandas and pyarrow are imported when data is read, keeping `import corpus_ds` light
    import pandas as pd

TABLE_NAMES = ("articles", "mentions", "agreements", "dyads", "evidence", "actors", "removals")


def release_dir() -> Path:
    """The release shipped with the package; in a source checkout, the committed data/release."""
    packaged = resources.files("corpus_ds") / "release"
    if packaged.is_dir():
        return Path(str(packaged))
    checkout = Path(__file__).resolve().parents[2] / "data" / "release"
    if (checkout / "manifest.json").is_file():
        return checkout
    raise CorpusError(
        "no release found: the package carries none and no checkout data/release exists; run `corpus-ds build`"
    )


Validate = bool | Literal["full"]


def _arrow_tables(path: str | Path | None, validate: Validate, names: tuple[str, ...]) -> dict:
    """Read the release once; with validate=True (or "full") the checks run before any table is returned."""
    if validate not in (True, False, "full"):
        raise CorpusError(f"validate={validate!r}: expected True, False or 'full'")
    directory = Path(path) if path is not None else release_dir()
    if not validate:
        import pyarrow.parquet as pq

        return {name: pq.read_table(directory / f"{name}.parquet") for name in names}
    from corpus_ds import verify

    # True: checksums against the manifest and every vectorised rule. "full": also the row-by-row content
    # fingerprint, the text hashes and the rules that search texts with Python, as `corpus-ds validate --release`.
    loaded, report = verify.checked_release(directory, full=validate == "full")
    report.raise_if_invalid(f"release {directory} is not valid")
    return {name: loaded[name] for name in names}


def tables(
    path: str | Path | None = None,
    *,
    validate: Validate = True,
    dtype_backend: Literal["pyarrow", "numpy"] = "pyarrow",
) -> dict[str, pd.DataFrame]:
    """Every release table as a DataFrame, keyed by name (same options as load())."""
    return {
        name: _to_pandas(t, dtype_backend) for name, t in _arrow_tables(path, validate, TABLE_NAMES).items()
    }


def load(
    table: str = "articles",
    *,
    path: str | Path | None = None,
    validate: Validate = True,
    dtype_backend: Literal["pyarrow", "numpy"] = "pyarrow",
) -> pd.DataFrame:
    """One release table as a pandas DataFrame (default: articles, one row per article).

    validate=True checks the manifest checksums, the exact Arrow schema and every vectorised consistency rule first,
    and raises corpus_ds.errors.ValidationError listing every problem. validate="full" adds what only matters
    against a forger who rewrote the manifest's checksums too: the content fingerprints recomputed row by row, every
    text re-hashed against text_sha256, and the rules that search the texts (mention completeness, registry
    aliases, named days, hidden characters), as
    `corpus-ds validate --release` does. dtype_backend='pyarrow' keeps
    Arrow types (date32, lists, nullable strings); 'numpy' gives classic pandas dtypes.
    path: a release directory of your own (default: the release installed with the package).
    """
    if table not in TABLE_NAMES:
        raise CorpusError(f"unknown table {table!r}: expected one of {', '.join(TABLE_NAMES)}")
    return _to_pandas(_arrow_tables(path, validate, (table,))[table], dtype_backend)


def _to_pandas(table, dtype_backend: str) -> pd.DataFrame:
    import pandas as pd
    import pyarrow as pa

    try:
        if dtype_backend == "pyarrow":
            return table.to_pandas(types_mapper=pd.ArrowDtype)
        if dtype_backend == "numpy":
            return table.to_pandas()
    except (
        UnicodeDecodeError,
        pa.ArrowException,
    ) as exc:  # damage the checksums could not see (a forged manifest)
        raise CorpusError(
            f"the release holds values that cannot be decoded ({exc}); check it with "
            "`corpus-ds validate --release DIR` or load(validate='full')"
        ) from None
    raise CorpusError(f"unknown dtype_backend {dtype_backend!r}: expected 'pyarrow' or 'numpy'")


def manifest(path: str | Path | None = None) -> dict:
    directory = Path(path) if path is not None else release_dir()
    return json.loads((directory / "manifest.json").read_text(encoding="utf-8"))


def cite(format: Literal["bibtex", "text"] = "bibtex", *, echo: bool = True) -> str:
    """Print and return a citation of this exact dataset version (BibTeX by default)."""
    fp = manifest().get("fingerprint", "")
    if format == "bibtex":
        out = (
            f"@misc{{corpus_ds_{__version__.replace('.', '_')},\n"
            "  title     = {corpus\\_ds: Arabic-language news on Russia--Morocco relations, "
            "cleaned and labelled with evidence},\n"
            f"  author    = {{{{corpus\\_ds maintainers}}}},\n"
            f"  year      = {{{__released__[:4]}}},\n"
            f"  version   = {{{__version__}}},\n"
            f"  note      = {{Dataset version {__version__}, content fingerprint sha256:{fp[:16]}}},\n"
            f"  howpublished = {{Python package corpus\\_ds {__version__}}}\n"
            f"}}"
        )
    elif format == "text":
        out = (
            f"corpus_ds maintainers ({__released__[:4]}). corpus_ds: Arabic-language news on Russia–Morocco relations, "
            f"cleaned and labelled with evidence (version {__version__}, fingerprint sha256:{fp[:16]})."
        )
    else:
        raise CorpusError(f"unknown citation format {format!r}: expected 'bibtex' or 'text'")
    if echo:
        print(out)
    return out
