"""Regenerate src/corpus_ds/confusables.json: the Unicode TR39 confusable prototypes, as compiled into ICU.

Needs PyICU (`pip install pyicu`, built against the system's ICU). For every code point that is its own NFD, the
table holds ICU's skeleton of that one character where it differs from the character; corpus_ds.arabic.skeleton
applies it as TR39 defines the skeleton (NFD, map each character, NFD). tests/test_characters.py checks the shipped
table against ICU's own skeletons.
"""

from __future__ import annotations

import json
import sys
import unicodedata
from pathlib import Path

import icu

OUT = Path(__file__).resolve().parents[1] / "src" / "corpus_ds" / "confusables.json"


def table() -> dict[str, str]:
    checker = icu.SpoofChecker()
    out = {}
    for cp in range(0x110000):
        if 0xD800 <= cp <= 0xDFFF:
            continue
        ch = chr(cp)
        if unicodedata.normalize("NFD", ch) != ch:
            continue
        skeleton = checker.getSkeleton(0, ch)
        if skeleton != ch:
            out[ch] = skeleton
    return out


def main() -> int:
    data = {
        "source": (
            f"Unicode confusables (UTS #39 {icu.UNICODE_VERSION}) as compiled into ICU {icu.ICU_VERSION}, "
            "read with PyICU's SpoofChecker.getSkeleton one code point at a time by scripts/make_confusables.py"
        ),
        "unicode_version": icu.UNICODE_VERSION,
        "icu_version": icu.ICU_VERSION,
        "prototypes": table(),
    }
    OUT.write_text(json.dumps(data, ensure_ascii=True, sort_keys=True, indent=0) + "\n", encoding="utf-8")
    print(f"wrote {OUT} ({len(data['prototypes'])} characters)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
