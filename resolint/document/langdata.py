"""Language packs: the per-language TOML files under resolint/rules/data/<lang>/.

Each topic file is read once, on first use. Parsing TOML in pure Python costs more than the
rest of a cold `resolint check` of a page, so what tomllib made of each file is kept as JSON
in the user's cache folder under the digest of the file's bytes, and read from there while
the file is unchanged.
"""
from __future__ import annotations

import re
from functools import cache, cached_property
from pathlib import Path

from . import user_cache

DATA_DIR = Path(__file__).resolve().parent.parent / "rules" / "data"
LANGUAGES = ("en", "es", "fr")


class LanguagePack:
    """Everything resolint knows about one language, loaded lazily by topic."""

    def __init__(self, code: str) -> None:
        if code not in LANGUAGES:
            raise ValueError(f"unsupported language {code!r} (expected one of {', '.join(LANGUAGES)})")
        self.code = code

    def topic(self, name: str) -> dict:
        """The parsed TOML file `<name>.toml` of this language ({} when absent)."""
        return _load(self.code, name)

    @cached_property
    def header_patterns(self) -> dict[str, re.Pattern[str]]:
        return {key: re.compile(value) for key, value in self.topic("structure")["header"].items()}

    @cached_property
    def layout(self) -> dict:
        return self.topic("structure")["layout"]

    @cached_property
    def annex_pattern(self) -> re.Pattern[str]:
        return re.compile(self.layout["annex"])

    @cached_property
    def meeting_pattern(self) -> re.Pattern[str]:
        return re.compile(self.layout["meeting"])

    @cached_property
    def organs(self) -> dict[str, str]:
        """Organ name (case-folded) -> body code ("GA", "SC", ...)."""
        return {
            name.casefold(): body
            for body, names in self.topic("structure")["organs"].items()
            for name in names
        }

    @cached_property
    def detect_words(self) -> re.Pattern[str]:
        """One pattern for the language's frequent words (counted by detect_language)."""
        words = sorted(self.topic("structure")["detect"]["words"], key=len, reverse=True)
        return re.compile(r"\b(?:" + "|".join(map(re.escape, words)) + r")\b")

    @cached_property
    def session_ordinals(self) -> dict[str, int]:
        """Session ordinal in lower case ("seventy-fifth") -> session number."""
        names = self.topic("ordinals").get("sessions", [])
        return {name: number for number, name in enumerate(names, start=1)}


def organ_name(body: str | None, *, article: bool = True) -> str | None:
    """How resolint's messages (in English) name the organ `body` ("GA"): "the General
    Assembly", or without the article; None for an organ they do not name."""
    name = pack("en").topic("structure").get("organ_names", {}).get(body or "")
    return None if name is None else f"the {name}" if article else name


@cache
def _load(code: str, name: str) -> dict:
    try:
        source = (DATA_DIR / code / f"{name}.toml").read_bytes()
    except FileNotFoundError:
        return {}
    key, cached = user_cache.digest(source), f"data-{code}-{name}.json"
    data = user_cache.read_json(cached, key)
    if not isinstance(data, dict):
        import tomllib  # only when the cache cannot answer

        data = tomllib.loads(source.decode("utf-8"))
        user_cache.write_json(cached, key, data)
    return data


@cache
def pack(code: str) -> LanguagePack:
    return LanguagePack(code)



def detect_language(text: str, default: str = "en") -> str:
    """The language whose frequent words occur most in the first 4,000 characters; the name
    of an organ ("La Asamblea General") counts as much as twenty words."""
    head = text[:4_000].lower()
    counts = dict.fromkeys(LANGUAGES, 0)
    packs = [pack(code) for code in LANGUAGES]
    for language_pack in packs:
        counts[language_pack.code] += 20 * sum(1 for organ in language_pack.organs if organ in head)
    named = [code for code in LANGUAGES if counts[code]]
    if len(named) == 1:  # the chapeau names the organ in one language: that settles it
        return named[0]
    for language_pack in packs:
        counts[language_pack.code] += len(language_pack.detect_words.findall(head))
    best = max(LANGUAGES, key=lambda code: counts[code])
    return best if counts[best] else default
