"""Write tests/compare_expectations.toml: the findings `compare` leaves on the official triples.

    python -m tests.compare_expectations     # after a change to compare that is meant

Reasons already recorded are kept; a new finding gets the reason "not yet reviewed".
"""
from __future__ import annotations

import json
import tomllib

from resolint.linter.compare import compare, read_versions
from tests.conftest import CORPUS, ROOT

FILE = ROOT / "tests" / "compare_expectations.toml"
LANGUAGES = ("en", "fr", "es")


def triples() -> list[str]:
    official = CORPUS / "official"
    return sorted(p.name for p in (official / "en").glob("*.md") if all((official / l / p.name).is_file() for l in LANGUAGES))


def findings(name: str) -> list[str]:
    """`lang:line CODE message` of each finding on the triple `name`."""
    versions = compare(read_versions([CORPUS / "official" / language / name for language in LANGUAGES], {}))
    return [
        f"{version.side.doc.language}:{version.side.doc.lines.line_of(d.span.start)} {d.code} {d.message}"
        for version in versions
        for d in version.diagnostics
    ]


def _quote(text: str) -> str:
    """A TOML basic string (a JSON string is one)."""
    return json.dumps(text, ensure_ascii=False)


def main() -> None:
    old = tomllib.loads(FILE.read_text(encoding="utf-8")) if FILE.exists() else {}
    lines = ["# The findings of `resolint compare` on the official triples, each with its reason.",
             "# Regenerate with `python -m tests.compare_expectations`; reasons are kept.", ""]
    for name in triples():
        found = findings(name)
        if not found:
            continue
        reason = old.get(name, {}).get("reason", "not yet reviewed")
        lines += [f"[{_quote(name)}]", f"reason = {_quote(reason)}", "findings = ["]
        lines += [f"    {_quote(item)}," for item in found]
        lines += ["]", ""]
    FILE.write_text("\n".join(lines), encoding="utf-8")


if __name__ == "__main__":
    main()
