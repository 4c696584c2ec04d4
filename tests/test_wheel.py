"""The wheel carries its data: load every table and validate from an installed copy, outside the repo."""

import json
import os
import subprocess
import sys
import zipfile

import pytest

CHECK = """
import json, sahel_events as se
from frictionless import Package
p = se.datapackage_path()
report = Package(str(p)).validate()
print(json.dumps({"file": se.__file__, "dp": str(p), "rows": {t: len(se.load(t)) for t in se.tables()},
                  "valid": report.valid, "version": se.__version__}))
"""


@pytest.fixture(scope="module")
def wheel(repo, tmp_path_factory):
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q", "-w", str(out), str(repo)],
        check=True,
    )
    (whl,) = out.glob("sahel_events-*.whl")
    return whl


def test_wheel_contents(wheel):
    names = set(zipfile.ZipFile(wheel).namelist())
    for required in (
        "sahel_events/_data/datapackage.json",
        "sahel_events/_data/schemas/events.schema.json",
        "sahel_events/_data/data/tables/events.parquet",
        "sahel_events/_data/data/tables/events.csv",
        "sahel_events/_data/data/reference/actors.yaml",
    ):
        assert required in names


def test_installed_wheel_loads_and_validates(wheel, tmp_path):
    target = tmp_path / "site"
    subprocess.run([sys.executable, "-m", "pip", "install", "--no-deps", "-q", "--target", str(target), str(wheel)], check=True)
    env = {**os.environ, "PYTHONPATH": str(target)}
    done = subprocess.run([sys.executable, "-c", CHECK], cwd=tmp_path, env=env, capture_output=True, text=True, check=True)
    info = json.loads(done.stdout.strip().splitlines()[-1])
    assert info["file"].startswith(str(target))
    assert info["dp"].startswith(str(target))
    assert all(n > 0 for n in info["rows"].values()), info["rows"]
    assert info["valid"]
