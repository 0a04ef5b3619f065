#!/usr/bin/env python3
"""Reads the .trx files of one `./plusflat test` run.

  test-results.py retry-filter DIR   prints a `dotnet test --filter` for the failed BROWSER tests (Playwright in the
                                     stack trace) when there are at most 3 of them and no other failure; else nothing.
  test-results.py totals DIR [RETRY_DIR]
                                     prints one line of totals; a browser test that failed and then passed in RETRY_DIR
                                     counts as passed and is named as flaky.
"""
import glob
import sys
import xml.etree.ElementTree as ET

NS = {"t": "http://microsoft.com/schemas/VisualStudio/TeamTest/2010"}
MAX_RETRIES = 3


def results(directory):
    """(full name, outcome, message+stack) of every test in the directory's .trx files."""
    for path in glob.glob(directory + "/*.trx"):
        root = ET.parse(path).getroot()
        methods = {}
        for test in root.iterfind("t:TestDefinitions/t:UnitTest", NS):
            method = test.find("t:TestMethod", NS)
            methods[test.get("id")] = f"{method.get('className')}.{method.get('name')}"
        for result in root.iterfind("t:Results/t:UnitTestResult", NS):
            text = " ".join(e.text or "" for e in result.iterfind(".//t:ErrorInfo/*", NS))
            yield methods.get(result.get("testId"), result.get("testName")), result.get("outcome"), text


def failed(directory):
    return [(name, text) for name, outcome, text in results(directory) if outcome not in ("Passed", "NotExecuted")]


def retry_filter(directory):
    failures = failed(directory)
    if not failures or len(failures) > MAX_RETRIES or any("Microsoft.Playwright" not in text for _, text in failures):
        return ""
    return "|".join(sorted({f"FullyQualifiedName={name}" for name, _ in failures}))


def totals(directory, retry_directory=None):
    outcomes = {}
    for name, outcome, _ in results(directory):
        outcomes.setdefault(name, []).append(outcome)
    flaky = []
    if retry_directory:
        retried = {}
        for name, outcome, _ in results(retry_directory):
            retried.setdefault(name, []).append(outcome)
        for name, retry_outcomes in retried.items():
            # A theory reruns all its cases: it counts as passed only when every case passed on the retry.
            if all(o == "Passed" for o in retry_outcomes) and name in outcomes:
                outcomes[name] = ["Passed" if o != "Passed" else o for o in outcomes[name]]
                flaky.append(name)
    flat = [o for os in outcomes.values() for o in os]
    passed = flat.count("Passed")
    skipped = flat.count("NotExecuted")
    failures = len(flat) - passed - skipped
    line = f"{passed} passed, {failures} failed, {skipped} skipped"
    if flaky:
        line += f" ({len(flaky)} browser test(s) failed once and passed on the retry: {', '.join(sorted(flaky))})"
    return line


if __name__ == "__main__":
    command, directory = sys.argv[1], sys.argv[2]
    if command == "retry-filter":
        print(retry_filter(directory))
    elif command == "totals":
        print(totals(directory, sys.argv[3] if len(sys.argv) > 3 else None))
    else:
        sys.exit(f"unknown command {command}")
