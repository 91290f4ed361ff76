"""load(), tables(), path(), files(), cite(): the installed release, found through importlib.resources and validated
by default, as pandas, Arrow or polars."""

from __future__ import annotations

from collections.abc import Sequence
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from corpus_ds import __released__, __version__
from corpus_ds.errors import CorpusError

if TYPE_CHECKING:  # pandas and pyarrow are imported when data is read, keeping `import corpus_ds` light
    import pandas as pd

MANIFEST = "manifest.json"
Validate = bool | Literal["full"]
Output = Literal["pandas", "arrow", "polars"]
OUTPUTS = ("pandas", "arrow", "polars")


def table_names() -> tuple[str, ...]:
    """The release's tables, in their order (declared once, by the row models)."""
    from corpus_ds import columns

    return columns.TABLES


def __getattr__(name: str) -> Any:
    if name == "TABLE_NAMES":  # computed on first use: the models are not imported with the package
        return table_names()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def release_dir() -> Path:
    """The release shipped with the package; in a source checkout, the committed data/release."""
    packaged = resources.files("corpus_ds") / "release"
    if packaged.is_dir():
        return Path(str(packaged))
    checkout = Path(__file__).resolve().parents[2] / "data" / "release"
    if checkout.parent.is_dir():
        from corpus_ds.release_format import recover

        recover(checkout)  # a build killed between its renames took the release away: put it back first
    if (checkout / MANIFEST).is_file():
        return checkout
    raise CorpusError(
        "no release found: the package carries none and no checkout data/release exists; run `corpus-ds build`"
    )


def _table_name(table: str) -> str:
    if table not in table_names():
        raise CorpusError(f"unknown table {table!r}: expected one of {', '.join(table_names())}")
    return table


def path(table: str | None = None) -> Path:
    """The directory of the installed release (Parquet files, manifest.json, croissant.json); with a table name,
    that table's Parquet file. For DuckDB, R, polars, Spark or `corpus-ds validate --release`."""
    directory = release_dir()
    return directory if table is None else directory / f"{_table_name(table)}.parquet"


def files() -> dict[str, Path]:
    """Every table of the installed release by name, with the path of its Parquet file."""
    return {name: path(name) for name in table_names()}


def _read_plain(directory: Path, names: Sequence[str], columns: Sequence[str] | None) -> dict:
    """Read tables without any check, each error a CorpusError naming the file."""
    import pyarrow as pa

    from corpus_ds import filecaps
    from corpus_ds.release_format import read_row_groups

    if not directory.is_dir():
        raise CorpusError(f"{directory}: no such release directory (expected the tables' Parquet files)")
    out = {}
    for name in names:
        file = directory / f"{name}.parquet"
        if file.exists() and not filecaps.regular_file(file):  # a FIFO or a device would block the read
            raise CorpusError(f"{file}: expected a regular file, the {name} table of a release")
        try:
            # one file: no dataset machinery (it would import pandas)
            out[name] = read_row_groups(file, columns)
        except FileNotFoundError:
            raise CorpusError(f"{file}: no such file; expected the {name} table of a release") from None
        except (OSError, pa.ArrowException) as exc:
            raise CorpusError(f"{file}: cannot read it as Parquet ({exc})") from None
    return out


def _arrow_tables(
    path: str | Path | None, validate: Validate, names: Sequence[str], columns: Sequence[str] | None = None
) -> dict:
    """Read the release once; with validate=True (or "full") the checks run before any table is returned."""
    if validate not in (True, False, "full"):
        raise CorpusError(f"validate={validate!r}: expected True, False or 'full'")
    directory = Path(path) if path is not None else release_dir()
    if not validate:
        from corpus_ds.release_format import recover

        recover(directory)
        return _read_plain(directory, names, columns)
    from corpus_ds import verify

    # True: checksums against the manifest and every vectorised rule. "full": also the content
    # fingerprint, the text hashes and the rules that search whole texts, as `corpus-ds validate --release`.
    loaded, report = verify.checked_release(directory, full=validate == "full")
    report.raise_if_invalid(f"release {directory} is not valid")
    return {name: loaded[name] if columns is None else loaded[name].select(list(columns)) for name in names}


def _columns(table: str, columns: Sequence[str] | None) -> list[str] | None:
    """The requested columns, checked against the table's schema (a clear error for a typo)."""
    if columns is None:
        return None
    if isinstance(columns, str):
        raise CorpusError(f"columns={columns!r}: expected a list of column names, e.g. [{columns!r}]")
    from corpus_ds import columns as schema

    known = schema.COLUMNS[table]
    unknown = [c for c in columns if c not in known]
    if unknown:
        raise CorpusError(
            f"table {table!r} has no column {', '.join(map(repr, unknown))}: expected some of {', '.join(known)}"
        )
    return list(columns)


def _convert(table, output: Output, dtype_backend: str):
    if output == "arrow":
        return table
    if output == "polars":
        try:
            import polars as pl
        except ImportError:
            raise CorpusError("output='polars' needs polars: pip install polars") from None
        return pl.from_arrow(table)
    return _to_pandas(table, dtype_backend)


def _check_output(output: str, dtype_backend: str) -> None:
    if output not in OUTPUTS:
        raise CorpusError(f"output={output!r}: expected one of {', '.join(OUTPUTS)}")
    if dtype_backend not in ("pyarrow", "numpy"):
        raise CorpusError(f"unknown dtype_backend {dtype_backend!r}: expected 'pyarrow' or 'numpy'")


def tables(
    path: str | Path | None = None,
    *,
    validate: Validate = True,
    output: Output = "pandas",
    dtype_backend: Literal["pyarrow", "numpy"] = "pyarrow",
) -> dict[str, Any]:
    """Every release table, keyed by name (same options as load())."""
    _check_output(output, dtype_backend)
    names = table_names()
    return {
        name: _convert(t, output, dtype_backend) for name, t in _arrow_tables(path, validate, names).items()
    }


def load(
    table: str = "articles",
    *,
    columns: Sequence[str] | None = None,
    path: str | Path | None = None,
    validate: Validate = True,
    output: Output = "pandas",
    dtype_backend: Literal["pyarrow", "numpy"] = "pyarrow",
) -> Any:
    """One release table (default: articles, one row per article), as a pandas DataFrame by default.

    columns: only these columns, in this order (the whole release is still validated first).
    output: 'pandas' (default), 'arrow' (a pyarrow.Table, pandas not needed) or 'polars' (a polars.DataFrame, when
    polars is installed); Arrow and polars keep the exact release types.
    validate=True checks the manifest checksums, the exact Arrow schema and every vectorised consistency rule first,
    and raises corpus_ds.errors.ValidationError listing every problem. validate="full" adds what only matters
    against a forger who rewrote the manifest's checksums too: the content fingerprints recomputed row by row, every
    text re-hashed against text_sha256, the rules that search the texts (mention completeness, registry aliases,
    named days, hidden characters) and croissant.json, as `corpus-ds validate --release` does. validate=False reads
    the files as they are.
    dtype_backend (pandas only): 'pyarrow' (default) keeps Arrow types (date32, lists, nullable integers and
    strings); 'numpy' gives classic pandas dtypes: dates as datetime64 (NaT where missing), integer columns with
    nulls as float64, lists as Python lists (of dicts for structured items).
    path: a release directory of your own (default: the release installed with the package).
    """
    _check_output(output, dtype_backend)
    selected = _columns(_table_name(table), columns)
    return _convert(_arrow_tables(path, validate, (table,), selected)[table], output, dtype_backend)


def _to_pandas(table, dtype_backend: str) -> pd.DataFrame:
    import pandas as pd
    import pyarrow as pa

    try:
        # ignore_metadata: the DataFrame is built from the Arrow data the rules checked, never from a stored pandas
        # entry (which could rename columns or move one into the index); read_release refuses such entries too.
        if dtype_backend == "pyarrow":
            return table.to_pandas(types_mapper=pd.ArrowDtype, ignore_metadata=True)
        frame = table.to_pandas(date_as_object=False, ignore_metadata=True)
        for field in table.schema:  # nested values as Python lists and dicts rather than NumPy arrays of them
            if pa.types.is_nested(field.type):
                frame[field.name] = pd.Series(
                    table.column(field.name).to_pylist(), index=frame.index, dtype=object
                )
        return frame
    except (
        UnicodeDecodeError,
        pa.ArrowException,
    ) as exc:  # damage the checksums could not see (a forged manifest)
        raise CorpusError(
            f"the release holds values that cannot be decoded ({exc}); check it with "
            "`corpus-ds validate --release DIR` or load(validate='full')"
        ) from None


def manifest(path: str | Path | None = None) -> dict:
    """The manifest of a release (default: the installed one): version, fingerprint, every file's sha256; read under
    the caps of every JSON file of the project (size, depth), a CorpusError if it cannot be read."""
    from corpus_ds import filecaps

    directory = Path(path) if path is not None else release_dir()
    file = directory / MANIFEST
    try:
        found = filecaps.load_json(file)
    except FileNotFoundError:
        raise CorpusError(f"{file}: no such file; expected the manifest of a release") from None
    except (OSError, ValueError) as exc:
        raise CorpusError(f"{file}: cannot read the manifest ({exc})") from None
    if not isinstance(found, dict):
        raise CorpusError(f"{file}: expected a JSON object")
    return found


def cite(format: Literal["bibtex", "text", "cff"] = "bibtex") -> str:
    """A citation of this exact dataset version: BibTeX (default), plain text or CITATION.cff.

    It names the version, the release date and the full content fingerprint of the installed release, with the
    abstract, keywords and licence expression. It returns the text; print it to see it.
    """
    from corpus_ds import citation

    return citation.cite(format, __version__, __released__, manifest().get("fingerprint", ""))
