"""The benchmark scripts run end to end on tiny SYNTHETIC corpora and write their figures.

Figures are not asserted (speed is measured by the scripts, not by tests);
that the scripts run and report every figure is.
"""

import json
import subprocess
import sys

from conftest import REPO


def run(script, *args):
    done = subprocess.run([sys.executable, str(REPO / "scripts" / script), *args], capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr[-3000:]
    return done.stdout


def test_bench_extract(tmp_path):
    out = tmp_path / "extract.json"
    printed = run("bench_extract.py", "--articles", "20", "--out", str(out))
    figures = json.loads(out.read_text())
    assert json.loads(printed)["extract"]["words_per_s"] > 0
    assert figures["extract_seed_article_repeated"]["words_per_s"] > 0


def test_bench_build(tmp_path):
    out = tmp_path / "build.json"
    printed = run("bench_build.py", "--sizes", "30", "--jobs", "1,2", "--words", "150", "--out", str(out))
    figures = json.loads(out.read_text())
    assert figures["synthetic"] is True
    assert [(b["articles"], b["jobs"]) for b in figures["builds"]] == [(30, 1), (30, 2)]
    assert figures["incremental"]["changed"] == 1
    assert figures["validation"]["problems"] == 0
    assert "incremental rebuild" in printed
