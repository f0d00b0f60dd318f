"""JUnit XML: one test case per file, a failure per finding (CI servers show them as test results)."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections import defaultdict

from ..finding import CheckResult, Finding
from ..registry import Rule

#: Characters XML 1.0 cannot carry.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def _x(text: str | None) -> str:
    return _NOT_XML.sub("\ufffd", text or "")


def junit(result: CheckResult, rules: dict[str, Rule]) -> str:
    by_path: dict[str, list[Finding]] = defaultdict(list)
    for f in result.findings:
        by_path[f.path].append(f)
    paths = list(dict.fromkeys([*result.checked, *by_path]))
    failures = len(result.findings)
    suites = ET.Element("testsuites", name="twinspan check", tests=str(len(paths)), failures=str(failures), errors=str(len(result.errors)))
    suite = ET.SubElement(
        suites,
        "testsuite",
        name="twinspan check",
        tests=str(len(paths)),
        failures=str(failures),
        errors=str(len(result.errors)),
        skipped="0",
    )
    for path in paths:
        case = ET.SubElement(suite, "testcase", classname="twinspan.check", name=_x(path), file=_x(path))
        for f in by_path.get(path, []):
            rule = rules.get(f.code)
            failure = ET.SubElement(
                case,
                "failure",
                type=f"{f.code} {rule.name if rule else ''}".strip(),
                message=_x(f"{f.line}:{f.column}: {f.code} {f.message}"),
            )
            body = [f"{f.path}:{f.line}:{f.column}: {f.code} [{f.severity}] {f.message}"]
            if f.segment:
                body.append(f"segment: {f.segment} ({f.locale or '?'})")
            if f.source is not None:
                body.append(f"source: {f.source}")
            if f.target is not None:
                body.append(f"target: {f.target}")
            if f.fix is not None:
                body.append(f"fix: {f.fix}")
            failure.text = _x("\n".join(body))
    for err in result.errors:
        case = ET.SubElement(suite, "testcase", classname="twinspan.check", name=_x(err.split(": ", 1)[0]))
        ET.SubElement(case, "error", message=_x(err))
    ET.indent(suites)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(suites, encoding="unicode") + "\n"
