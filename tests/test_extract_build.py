"""Build integration: an article without annotation is coded by the extractor and the package stays valid."""

from conftest import build_project
from sahel_events.validate import package_problems

SYNTHETIC = (
    "Synthetic article written for this test. Malian troops arrived in Gao on Thursday, local officials said.\n\n"
    "The army recently dispatched a convoy to Kidal, and the convoy has been attacked twice.\n"
)
META = (
    "title: Synthetic test article\npublisher: SYNTHETIC\nurl: 'synthetic:'\npublished: 2023-10-13\n"
    "language: en\nlicense: CC0-1.0\n"
)


def test_unannotated_article_gets_auto_rows_and_validates(project):
    (project / "data" / "sources" / "synthetic-auto.txt").write_text(SYNTHETIC, encoding="utf-8")
    (project / "data" / "sources" / "synthetic-auto.yaml").write_text(META, encoding="utf-8")
    result = build_project(project, use_cache=False)
    assert not result.failures, result.failures
    events = (project / "data" / "tables" / "events.csv").read_text(encoding="utf-8")
    assert "synthetic-auto" in events and ",auto" in events
    assert ",curated" in events  # the seed keeps its curated coding
    problems = package_problems(project / "datapackage.json", run_frictionless=True)
    assert not problems, [str(p) for p in problems]
