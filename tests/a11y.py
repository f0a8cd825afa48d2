"""Accessibility scan with axe-core (bundled by axe-playwright-python).

Every feature scans its key pages: ``assert_accessible(page)`` fails with a readable
list when axe reports a serious or critical WCAG 2.2 A/AA violation (2.2 adds target size).
"""

from axe_playwright_python.sync_playwright import Axe

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"]
BLOCKING_IMPACTS = {"serious", "critical"}

_axe = Axe()


def serious_violations(page) -> list[dict]:
    results = _axe.run(page, options={"runOnly": {"type": "tag", "values": WCAG_TAGS}})
    return [v for v in results.response["violations"] if v["impact"] in BLOCKING_IMPACTS]


def assert_accessible(page) -> None:
    violations = serious_violations(page)
    summary = "\n".join(
        f"- {v['id']} ({v['impact']}): {v['help']} at "
        + ", ".join(str(node["target"]) for node in v["nodes"][:5])
        for v in violations
    )
    assert not violations, f"axe found on {page.url}:\n{summary}"
