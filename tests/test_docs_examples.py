"""Every code example in the docs runs: the docs cannot rot.

Python and shell blocks run in a fresh process outside the checkout (so they
use the installed package, as a reader would); R blocks run when Rscript and
jsonlite are available; YAML blocks must parse. A block in any other language
fails the test unless it is listed as not code.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from _docs_site import DOCS, ROOT

FENCE = re.compile(r"^```([\w+-]*)[^\n]*\n(.*?)^```\s*$", re.MULTILINE | re.DOTALL)
NOT_CODE = {"text", "bibtex"}  # formulas and citations, not programs
RUNNABLE = {"python", "bash", "r", "yaml"}


def blocks() -> list[tuple[str, int, str, str]]:
    """(page, index, language, code) for every fenced block of every page."""
    out = []
    for page in sorted(DOCS.glob("*.md")):
        for i, m in enumerate(FENCE.finditer(page.read_text(encoding="utf-8"))):
            out.append((page.name, i, m.group(1).lower(), m.group(2)))
    return out


def _env() -> dict[str, str]:
    env = dict(os.environ)
    env["PATH"] = f"{Path(sys.executable).parent}{os.pathsep}{env.get('PATH', '')}"
    env["MPLBACKEND"] = "Agg"
    return env


def test_every_block_has_a_known_language():
    unknown = [f"{p} block {i}: {lang or 'no language'}" for p, i, lang, _ in blocks() if lang not in RUNNABLE | NOT_CODE]
    assert not unknown, "give each code block a language (python, bash, r) or mark it text: " + ", ".join(unknown)


@pytest.mark.parametrize(("page", "index", "lang", "code"), [b for b in blocks() if b[2] in RUNNABLE],
                         ids=lambda v: v if isinstance(v, (str, int)) and not str(v).count("\n") else "")
def test_example_runs(page, index, lang, code, tmp_path):
    if lang == "yaml":
        import yaml

        assert yaml.safe_load(code) is not None, f"{page} block {index}: empty YAML"
        return
    if lang == "python":
        cmd, cwd = [sys.executable, "-c", code], tmp_path
    elif lang == "bash":
        cmd, cwd = ["bash", "-euo", "pipefail", "-c", code], tmp_path
    else:
        if shutil.which("Rscript") is None:
            pytest.skip("Rscript is not installed")
        check = subprocess.run(["Rscript", "-e", "library(jsonlite)"], capture_output=True)
        if check.returncode != 0:
            pytest.skip("the R package jsonlite is not installed")
        # R examples run from the folder that holds datapackage.json, as the page says.
        cmd, cwd = ["Rscript", "-e", code], ROOT
    proc = subprocess.run(cmd, cwd=cwd, env=_env(), capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, f"{page} block {index} ({lang}) failed:\n{code}\n--- stdout\n{proc.stdout}\n--- stderr\n{proc.stderr}"
