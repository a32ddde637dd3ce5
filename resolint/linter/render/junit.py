"""JUnit XML, as CI systems (Jenkins, GitLab, Azure) show test reports: a test suite per file,
a test case per finding (a `<failure>` at warning or error level; info findings pass, with
their text in `<system-out>`), and one passing test case for a file without findings.
Characters that XML 1.0 cannot hold (form feeds from PDF conversions...) become U+FFFD."""
from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from ...document.diagnostics import Diagnostic, Severity
from ..locator import Locator

_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def render_junit(results: list[tuple[str, Locator, list[Diagnostic]]]) -> str:
    root = ET.Element("testsuites", name="resolint")
    total = failed = 0
    for path, locator, diagnostics in results:
        suite = ET.SubElement(root, "testsuite", name=_clean(path))
        failures = 0
        for d in diagnostics:
            where = locator.locate(d.span)
            line, column = where.line, where.column
            where = f"{path}:{line}:{column}"
            case = ET.SubElement(
                suite, "testcase", name=_clean(f"{d.code} {d.name} at {line}:{column}"), classname=_clean(path),
                file=_clean(path), line=str(line),
            )
            text = _clean(f"{where}: {d.code} {d.message}" + (f"\n{d.url}" if d.url else ""))
            if d.severity <= Severity.WARNING:
                failure = ET.SubElement(case, "failure", message=_clean(d.message), type=d.code)
                failure.text = text
                failures += 1
            else:
                ET.SubElement(case, "system-out").text = text
        if not diagnostics:
            ET.SubElement(suite, "testcase", name="resolint", classname=_clean(path), file=_clean(path))
        tests = max(1, len(diagnostics))
        suite.set("tests", str(tests))
        suite.set("failures", str(failures))
        suite.set("errors", "0")
        suite.set("skipped", "0")
        total += tests
        failed += failures
    root.set("tests", str(total))
    root.set("failures", str(failed))
    root.set("errors", "0")
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"


def _clean(text: str) -> str:
    return _NOT_XML.sub("\ufffd", text)
