"""The language server's features as pure functions of an analysis: code actions, settings,
completion context, the opening-phrase hover provider; and `check` never loading pygls."""
from __future__ import annotations

import dataclasses
import subprocess
import sys

import pytest
from lsprotocol import types

from resolint import lint_text, parse
from resolint.document.diagnostics import Applicability, Diagnostic, Edit, Fix, Severity
from resolint.document.langdata import pack
from resolint.document.span import Span
from resolint.facts import Facts
from resolint.linter.config import Config
from resolint.linter.fixes import apply_edits
from resolint.lsp import actions, completion
from resolint.lsp.analysis import analyse
from resolint.lsp.settings import Settings, parse_settings
from resolint.rules import HOVER_PROVIDERS
from resolint.rules.structure.hover import opening_phrases

from .conftest import ROOT, SPANISH_SAMPLE

DRAFT = """*The General Assembly*,

*Recalling* its resolution 70/1;

1. *Takes note* of the report;

3. *Decides* to remain seized of the matter.
"""


def analysis_of(text: str, **config):
    return analyse("file:///draft.md", 1, text, path=None, config=Config(**config), encoding="utf-16")


def codes(text: str) -> list[str]:
    return sorted(d.code for d in lint_text(text))


# --- code actions -------------------------------------------------------------------------

def disable(text: str, code: str) -> tuple[str, str]:
    """The title of the action disabling the first `code` finding, and the text after it."""
    finding = next(d for d in lint_text(text) if d.code == code)
    title, edits = actions.disable_edits(parse(text), finding)
    return title, apply_edits(text, edits)


def test_disable_comment_goes_on_its_own_line_above():
    title, fixed = disable(DRAFT, "ST006")
    assert title == "Disable ST006 for this line"
    assert "\n<!-- resolint: disable-next-line ST006 -->\n*Recalling*" in fixed
    assert codes(fixed) == [c for c in codes(DRAFT) if c != "ST006"]


def test_disable_comment_already_there_gets_the_code_added():
    text = DRAFT.replace("3. *Decides* to remain seized of the matter.", "3. *Decides* to remain seized of the matter;")
    first = next(d for d in lint_text(text) if d.code == "ST006" and "full stop" in d.message)
    once = apply_edits(text, actions.disable_edits(parse(text), first)[1])
    second = next(d for d in lint_text(once) if d.code == "ST004")
    twice = apply_edits(once, actions.disable_edits(parse(once), second)[1])
    assert "<!-- resolint: disable-next-line ST006, ST004 -->\n3. *Decides*" in twice
    assert twice.count("<!--") == 1
    assert "ST004" not in codes(twice) and codes(twice).count("ST006") == codes(text).count("ST006") - 1


def test_a_paragraph_written_over_several_lines_is_wrapped_not_split():
    text = DRAFT.replace("*Recalling* its resolution 70/1;", "*Recalling* its resolution\n70/1 of 25 September 2015;")
    title, fixed = disable(text, "ST006")
    assert title == "Disable ST006 for this paragraph"
    assert "<!-- resolint: disable ST006 -->\n*Recalling* its resolution\n70/1 of 25 September 2015;\n<!-- resolint: enable ST006 -->" in fixed
    assert codes(fixed) == [c for c in codes(text) if c != "ST006"]


def test_disable_comment_keeps_windows_line_endings():
    fixed = disable(DRAFT.replace("\n", "\r\n"), "ST006")[1]
    assert "<!-- resolint: disable-next-line ST006 -->\r\n*Recalling*" in fixed
    assert "ST006" not in codes(fixed)


def test_quick_fixes_safe_preferred_unsafe_marked_and_kind_filters():
    analysis = analysis_of(DRAFT)
    unsafe = Diagnostic("ST004", "operative-numbering", Severity.WARNING, Span(60, 62), "Renumber",
                        Fix("Renumber the paragraphs", (Edit(Span(60, 61), "2"),), applicability=Applicability.UNSAFE))
    analysis = dataclasses.replace(analysis, findings=(*analysis.findings, unsafe))
    everything = actions.code_actions(analysis, Span(0, len(DRAFT)), None, document_changes=True)
    titles = [a.title for a in everything]
    safe = next(a for a in everything if a.title == "End with a comma (ST006)")
    assert safe.is_preferred and safe.kind == types.CodeActionKind.QuickFix
    marked = next(a for a in everything if a.title.startswith("Renumber the paragraphs"))
    assert "unsafe" in marked.title and not marked.is_preferred
    assert "Disable ST006 for this line" in titles and titles[-1] == "Fix all safely fixable resolint problems"
    assert [a.kind for a in actions.code_actions(analysis, Span(0, 0), ["source"], True)] == [actions.FIX_ALL]
    assert actions.FIX_ALL not in [a.kind for a in actions.code_actions(analysis, Span(0, len(DRAFT)), ["quickfix"], True)]
    nowhere = actions.code_actions(analysis, Span(0, 3), ["quickfix"], True)
    assert nowhere == []


def test_fix_all_equals_fixing_until_stable():
    text = (ROOT / "examples" / "draft-oceans-en.md").read_text(encoding="utf-8")
    edit = actions.fix_all(analysis_of(text))
    fixed = apply_edits(text, [edit])
    assert not [d for d in lint_text(fixed) if d.fix and d.fix.applicability is Applicability.SAFE]
    assert actions.fix_all(analysis_of(fixed)) is None


# --- settings -----------------------------------------------------------------------------

def test_settings_parse_and_apply_like_command_line_options():
    settings, problems = parse_settings({"enable": True, "language": "es", "select": ["ST"], "ignore": "ST006",
                                         "severity": {"ST004": "error"}, "debounce": 0, "trace": {"server": "off"}})
    assert problems == []
    assert settings == Settings(True, "es", ("ST",), ("ST006",), {"ST004": "error"}, 0)
    config = settings.apply(Config(language="fr", select=("ST001",), severity={"ST005": "info"}))
    assert (config.language, config.select, config.ignore) == ("es", ("ST",), ("ST006",))
    assert config.severity == {"ST005": "info", "ST004": "error"}
    kept = Settings().apply(Config(language="fr", select=("ST001",)))
    assert (kept.language, kept.select) == ("fr", ("ST001",))  # "auto" and [] leave the file's values


@pytest.mark.parametrize("raw, key", [
    ({"enable": "yes"}, "resolint.enable"),
    ({"language": "de"}, "resolint.language"),
    ({"select": ["XX999"]}, "XX999"),
    ({"ignore": [3]}, "resolint.ignore"),
    ({"severity": {"ST004": "loud"}}, "loud"),
    ({"debounce": -5}, "resolint.debounce"),
    ({"debounce": True}, "resolint.debounce"),
    ("everything", "expected an object"),
])
def test_invalid_settings_are_left_out_with_a_message(raw, key):
    base = Settings(debounce_ms=0)
    settings, problems = parse_settings(raw, base)
    assert settings == base
    assert len(problems) == 1 and key in problems[0]


# --- completion context -------------------------------------------------------------------

def labels(text: str, offset: int) -> set[str]:
    return {item.detail for item in completion.completions(analysis_of(text), offset).items}


def test_openings_only_at_the_start_of_a_paragraph():
    text = DRAFT + "\n*Reco"
    assert labels(text, len(text)) == {"operative opening phrase"}
    inside = DRAFT.index("its resolution") + 3
    assert not labels(DRAFT, inside) & {"preambular opening phrase", "operative opening phrase"}
    continued = DRAFT.replace("70/1;", "70/1\nand Reco")
    assert "preambular opening phrase" not in labels(continued, continued.index("and Reco") + 8)
    lettered = DRAFT + "\n(a) Reco"
    assert labels(lettered, len(lettered)) == set()


def test_parts_and_fragments_decide_the_kind():
    two_parts = DRAFT + "\nB\n\n*The General Assembly*,\n\n*Reco"
    assert labels(two_parts, len(two_parts)) == {"preambular opening phrase"}
    fragment = "*Reco"
    assert labels(fragment, len(fragment)) == {"preambular opening phrase", "operative opening phrase"}


def test_completion_uses_the_language_pack_contract():
    for language in ("en", "es", "fr"):
        assert len(pack(language).topic("ordinals")["sessions"]) >= 120


@pytest.mark.parametrize("heading, language, agreeing, other", [
    ("*El Consejo de Seguridad*,", "es", "Profundamente preocupado", "Profundamente preocupada"),
    ("*La Asamblea General*,", "es", "Profundamente preocupada", "Profundamente preocupado"),
    ("*Le Conseil de sécurité*,", "fr", "Profondément préoccupé", "Profondément préoccupée"),
])
def test_opening_phrases_offered_agree_with_the_organ(heading, language, agreeing, other):
    """The phrases come from the document's lexicon (Facts.lexicon), in the organ's gender, so
    that what completion offers is what the agreement rule (VB006) accepts."""
    text = f"{heading}\n\n*Prof"
    analysis = analysis_of(text, language=language)
    offered = {item.label for item in completion.completions(analysis, len(text)).items}
    assert agreeing in offered and other not in offered
    filled = text[: -len("*Prof")] + f"*{agreeing}* por la situación;\n"
    assert "VB006" not in {d.code for d in analysis_of(filled, language=language).findings}


# --- the opening-phrase hover provider ----------------------------------------------------

def test_opening_phrase_hover_says_preambular_or_operative():
    assert opening_phrases in HOVER_PROVIDERS
    text = DRAFT.replace("1. *Takes note* of the report;", "1. *Takes note* of the report:\n\n(a) *Welcomes* the plan;")
    doc = parse(text)
    items = {text[i.span.start : i.span.end]: i.markdown for i in opening_phrases(Facts(doc, pack("en")))}
    assert "preambular paragraph" in items["*Recalling*"] and "the General Assembly" in items["*Recalling*"]
    assert "operative paragraph 1**" in items["*Takes note*"]
    assert "full stop, as the last one" in items["*Decides*"]
    assert items["*Welcomes*"].startswith("*Welcomes* opens sub-paragraph (a) of operative paragraph 1")


def test_spanish_sample_hover_items_cover_every_opening():
    doc = parse(SPANISH_SAMPLE.read_text(encoding="utf-8"))
    items = list(opening_phrases(Facts(doc, pack("es"))))
    openings = [p for p in (*doc.preambular, *doc.operative) if p.opening]
    assert len(items) == len(openings) == 24


# --- the command line stays light ---------------------------------------------------------

def test_check_does_not_load_the_language_server():
    program = (
        "import sys\nfrom resolint.cli import app\n"
        f"try:\n    app(['check', {str(SPANISH_SAMPLE)!r}])\nexcept SystemExit:\n    pass\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('pygls', 'lsprotocol', 'cattrs')))"
    )
    result = subprocess.run([sys.executable, "-c", program], capture_output=True, text=True, timeout=120)
    assert result.stdout.strip().splitlines()[-1] == "[]"
