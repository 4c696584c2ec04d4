"""`extract` works from an installed wheel, outside the repository (it needs the bundled dictionaries)."""

import json
import os
import subprocess
import sys

import pytest

SYNTHETIC = "Synthetic test text: Malian troops arrived in Gao on Thursday, local officials said.\n"


@pytest.fixture(scope="module")
def installed(repo, tmp_path_factory):
    out = tmp_path_factory.mktemp("extract-wheel")
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q", "-w", str(out / "w"), str(repo)],
        check=True,
    )
    (whl,) = (out / "w").glob("sahel_events-*.whl")
    target = out / "site"
    subprocess.run([sys.executable, "-m", "pip", "install", "--no-deps", "-q", "--target", str(target), str(whl)], check=True)
    return target


def test_extract_from_installed_wheel(installed, tmp_path):
    src = tmp_path / "synthetic.txt"
    src.write_text(SYNTHETIC, encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(installed)}
    code = "import sys; from sahel_events.cli import main; sys.argv[0] = 'sahel-events'; main()"
    done = subprocess.run(
        [sys.executable, "-c", code, "extract", str(src), "--published", "2023-10-13", "--compact"],
        cwd=tmp_path, env=env, capture_output=True, text=True, check=True,
    )
    doc = json.loads(done.stdout)
    assert [e["place_id"] for e in doc["events"]] == ["gao"]
    assert doc["events"][0]["date_start"] == "2023-10-12"
    assert {m["actor_id"] for m in doc["mentions"] if m["actor_id"]} == {"malian-armed-forces"}
