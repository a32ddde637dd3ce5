"""Writing a starting configuration (`resolint init`) and showing the effective one with
where each value came from (`resolint config`)."""
from __future__ import annotations

import dataclasses
import json
import tomllib
from collections import Counter
from pathlib import Path
from typing import Any

from ..document.langdata import detect_language
from . import registry
from .config import KEYS, Config, ConfigResolver, field_name
from .options import field_default, toml_key
from .source import SourceError, read_source
from .workspace import Discovery

DEFAULT_ORIGIN = "default"
SAMPLE = 60  # files read to detect the language

_COMMENTS = {
    "language": 'Language of the texts: "auto" detects it in each file; en, es or fr forces one.',
    "select": 'Rules to run: codes ("ST004"), families ("ST"), names ("operative-numbering") or "ALL".',
    "ignore": "Rules not to run, named the same way.",
    "exclude": 'Files and folders not to lint, as in .gitignore, relative to this file (e.g. "README.md", "archive/").',
}


class InitError(Exception):
    """`resolint init` cannot write here; one line saying why."""


def detect_project_language(folder: Path) -> tuple[str, Counter]:
    """The language of the texts under `folder` (one language for all of those read, else
    "auto"), and the count per detected language."""
    counts: Counter = Counter()
    discovery = Discovery(ConfigResolver())
    for index, path in enumerate(discovery.files([str(folder)])):
        if index >= SAMPLE:
            break
        try:
            text = read_source(path).text
        except SourceError:
            continue
        if text.strip():
            counts[detect_language(text)] += 1
    return (next(iter(counts)) if len(counts) == 1 else "auto"), counts


def template(language: str, *, standalone: bool, detected: Counter | None = None) -> str:
    """A commented configuration with every option at its default (language as given)."""
    prefix = "" if standalone else "tool.resolint."
    out = ["# resolint configuration: every option is shown at its default; see `resolint config`."]
    if not standalone:
        out.append("[tool.resolint]")
    found = ", ".join(f"{count} file{'s' if count != 1 else ''} in {code}" for code, count in sorted((detected or {}).items()))
    values = {"language": language, "select": ["ALL"], "ignore": [], "exclude": []}
    for key, value in values.items():
        out.append(f"# {_COMMENTS[key]}")
        if key == "language" and found:
            out.append(f"# Detected in this folder's texts: {found}.")
        out.append(f"{key} = {toml_value(value)}")
    out += ["", "# Severity of each rule: error, warning, info, hint, or off.", f"[{prefix}severity]"]
    for rule in registry.all_rules():
        out.append(f"# {rule.code} = {toml_value(rule.meta.default_severity.label)}  # {rule.name}")
    with_options = [rule for rule in registry.all_rules() if rule.option_fields()]
    out += ["", "# Options of the rules that have them (see `resolint rule CODE`)."]
    for rule in with_options:
        out.append(f"# [{prefix}rules.{rule.code}]")
        for name, option in rule.option_fields().items():
            out.append(f"# {name} = {toml_value(field_default(option))}")
    if not with_options:
        out.append("# (no rule has options yet)")
    return "\n".join(out) + "\n"


def write_init(folder: Path, *, standalone: bool = False, language: str | None = None) -> tuple[Path, str, Counter]:
    """Write the template into `folder`'s pyproject.toml (appended) or a new .resolint.toml;
    returns the file, the language written and the detection counts."""
    pyproject = folder / "pyproject.toml"
    standalone = standalone or not pyproject.exists()
    target = folder / (".resolint.toml" if standalone else "pyproject.toml")
    if (folder / ".resolint.toml").exists():
        raise InitError(f"{folder / '.resolint.toml'}: already exists; edit it instead")
    if target.is_symlink():  # a repository's link could lead anywhere: init writes only into `folder`
        raise InitError(f"{target}: a symbolic link; resolint init writes only a file of this folder")
    existing = ""
    if pyproject.exists():
        try:
            existing = pyproject.read_text(encoding="utf-8")
            tool = tomllib.loads(existing).get("tool", {})
        except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
            raise InitError(f"{pyproject}: cannot read it as TOML: {error}") from None
        except RecursionError:
            raise InitError(f"{pyproject}: cannot read it as TOML: arrays or tables nested too deeply") from None
        if isinstance(tool, dict) and "resolint" in tool:
            raise InitError(f"{pyproject}: already has a [tool.resolint] table; edit it instead")
    counts: Counter = Counter()
    if language is None:
        language, counts = detect_project_language(folder)
    text = template(language, standalone=standalone, detected=counts)
    if standalone:
        target.write_text(text, encoding="utf-8")
    else:
        separator = "" if not existing or existing.endswith("\n\n") else ("\n" if existing.endswith("\n") else "\n\n")
        with target.open("a", encoding="utf-8") as stream:
            stream.write(separator + text)
    return target, language, counts


def describe(config: Config, path: Path | None = None) -> dict[str, Any]:
    """The effective settings, each with its origin, and the rules that will run (on the
    file at `path`, when it is one: less those its `per-file-ignores` turn off)."""
    settings = []
    for key in KEYS:
        value = getattr(config, field_name(key))
        settings.append({
            "key": key,
            "value": list(value) if isinstance(value, tuple) else value,
            "origin": config.origins.get(field_name(key), DEFAULT_ORIGIN),
        })
    ignored_here = config.ignored_in(path) if path is not None and not path.is_dir() else ()
    rules = []
    for rule in registry.select(config.select, config.ignore + ignored_here):
        severity = config.severity_for(rule.code, rule.name, rule.meta.default_severity)
        options = dataclasses.asdict(rule.options(config.rules.get(rule.code)))
        rules.append({
            "code": rule.code,
            "name": rule.name,
            "severity": severity.label if severity else "off",
            "options": {name: list(value) if isinstance(value, tuple) else value for name, value in options.items()},
        })
    return {
        "file": str(config.path) if config.path else None,
        "settings": settings,
        "per_file_ignored": list(ignored_here),
        "rules": rules,
    }


def render_description(description: dict[str, Any], subject: str) -> str:
    where = description["file"] or "no configuration file (the defaults)"
    out = [f"# Effective configuration for {subject}", f"# from {where}"]
    width = max(len(f"{s['key']} = {toml_value(s['value'])}") for s in description["settings"])
    for setting in description["settings"]:
        line = f"{setting['key']} = {toml_value(setting['value'])}"
        out.append(f"{line:<{width}}  # {setting['origin']}")
    if description["per_file_ignored"]:
        out.append(f"# per-file-ignores for {subject}: {', '.join(description['per_file_ignored'])}")
    running = [rule for rule in description["rules"] if rule["severity"] != "off"]
    out.append(f"\n# Rules that run ({len(running)} of {len(registry.all_rules())}):")
    for rule in description["rules"]:
        options = f"  {toml_value(rule['options'])}" if rule["options"] else ""
        out.append(f"#   {rule['code']}  {rule['name']:<28} {rule['severity']}{options}")
    return "\n".join(out) + "\n"


def toml_value(value: Any) -> str:
    """A TOML literal for a default or configured value."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return repr(value)
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, (list, tuple, set, frozenset)):
        return "[" + ", ".join(toml_value(item) for item in value) + "]"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{toml_key(k)} = {toml_value(v)}" for k, v in value.items()) + "}"
    return json.dumps(str(value))

