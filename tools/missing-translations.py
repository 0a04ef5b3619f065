#!/usr/bin/env python3
"""Lists UI texts (localization keys) without an English translation.

Keys are the Dutch texts passed to the localizer: L["..."] in src/Plusflat.Web/**/*.razor (and *.cs),
including the ones inside string.Format(L["... {0} ..."], ...) and L["... {0} ...", arg], plus the
indirect keys: NavigationLinks labels, RoleNames, OrganisationKindNames and the missing hard
criteria of CareProviderFacts. Compares them with src/Plusflat.Web/Resources/SharedResource.en.resx.

Usage:
  python3 tools/missing-translations.py           # missing keys; exit code 1 when any are missing
  python3 tools/missing-translations.py --all     # every key, with its English text
  python3 tools/missing-translations.py --stub    # missing keys as <data> elements to paste into the resx
  python3 tools/missing-translations.py --unused  # resx entries no source uses (candidates to remove)
"""
import re
import sys
import xml.etree.ElementTree as ET
from pathlib import Path
from xml.sax.saxutils import escape

ROOT = Path(__file__).resolve().parent.parent
WEB = ROOT / "src" / "Plusflat.Web"
RESX = WEB / "Resources" / "SharedResource.en.resx"

# L["..."] or L[@"..."]; a C# regular or verbatim string literal directly after the bracket.
# Also a localizer handed in as a parameter (l["..."], localizer["..."]), e.g. in DosText.
LOCALIZER = re.compile(r'\b(?:L|l|localizer|Localizer)\[\s*(?:@"((?:[^"]|"")*)"|"((?:[^"\\]|\\.)*)")')
DYNAMIC = re.compile(r'\bL\[\s*\$')
INDIRECT = {
    # Label (second argument) and purpose (the last line of each entry).
    WEB / "Components" / "Shell" / "NavigationLinks.cs": re.compile(r'(?:new\(\s*"[^"]*"\s*,\s*|^\s+)"((?:[^"\\]|\\.)*)"(?=,\s*Permission|\),\s*$)', re.M),
    WEB / "Tenancy" / "RoleNames.cs": re.compile(r'=>\s*"((?:[^"\\]|\\.)*)"'),
    WEB / "Features" / "Organisations" / "OrganisationKindNames.cs": re.compile(r'=>\s*"((?:[^"\\]|\\.)*)"'),
    ROOT / "src" / "Plusflat.Domain" / "Organisations" / "CareProviderFacts.cs": re.compile(r'missing\.Add\(\s*"((?:[^"\\]|\\.)*)"'),
}


def unescape(literal: str, verbatim: bool) -> str:
    if verbatim:
        return literal.replace('""', '"')
    return re.sub(r'\\(.)', lambda m: {"n": "\n", "t": "\t", "r": "\r", "0": "\0"}.get(m.group(1), m.group(1)), literal)


def source_files():
    for path in sorted(WEB.rglob("*")):
        parts = path.relative_to(WEB).parts
        if parts[0] in ("bin", "obj", "node_modules", "wwwroot"):
            continue
        if path.suffix in (".razor", ".cs") and path.is_file():
            yield path


def used_keys():
    keys: dict[str, list[str]] = {}
    warnings = []
    for path in source_files():
        text = path.read_text(encoding="utf-8")
        for m in LOCALIZER.finditer(text):
            line = text.count("\n", 0, m.start()) + 1
            key = unescape(m.group(1), True) if m.group(1) is not None else unescape(m.group(2), False)
            keys.setdefault(key, []).append(f"{path.relative_to(ROOT)}:{line}")
        for m in DYNAMIC.finditer(text):
            line = text.count("\n", 0, m.start()) + 1
            warnings.append(f"{path.relative_to(ROOT)}:{line}: interpolated key L[$\"...\"] cannot be translated")
    for path, pattern in INDIRECT.items():
        if not path.exists():
            warnings.append(f"{path.relative_to(ROOT)} not found (indirect keys moved?)")
            continue
        text = path.read_text(encoding="utf-8")
        for m in pattern.finditer(text):
            line = text.count("\n", 0, m.start()) + 1
            keys.setdefault(unescape(m.group(1), False), []).append(f"{path.relative_to(ROOT)}:{line}")
    return keys, warnings


def translations():
    if not RESX.exists():
        return {}
    return {d.get("name"): (d.findtext("value") or "") for d in ET.parse(RESX).getroot().iter("data")}


def main(argv):
    keys, warnings = used_keys()
    english = translations()
    for w in warnings:
        print(f"warning: {w}", file=sys.stderr)
    if "--all" in argv:
        for key in sorted(keys):
            print(f"{key!r} -> {english.get(key)!r}")
        print(f"{len(keys)} keys, {len(english)} translations", file=sys.stderr)
        return 0
    if "--unused" in argv:
        for key in sorted(set(english) - set(keys)):
            print(repr(key))
        return 0
    missing = sorted(k for k in keys if not english.get(k, "").strip())
    # A .resources file cannot hold two names that differ only in case (MSB3568 drops the second),
    # and the lookup is case-sensitive: such a key can never be translated until the source uses one spelling.
    folded: dict[str, list[str]] = {}
    for key in set(keys) | set(english):
        folded.setdefault(key.casefold(), []).append(key)
    for group in sorted(g for g in folded.values() if len(g) > 1):
        print(f"case clash: {' / '.join(repr(k) for k in sorted(group))} differ only in case; "
              "one resource file cannot translate both: use one spelling (or a longer text) in the source", file=sys.stderr)
    for key in missing:
        if "--stub" in argv:
            print(f'  <data name="{escape(key, {chr(34): "&quot;"})}" xml:space="preserve">\n    <value>TODO</value>\n  </data>')
        else:
            print(f"{key!r}  ({', '.join(keys[key])})")
    print(f"{len(missing)} of {len(keys)} keys without English translation", file=sys.stderr)
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
