"""Correcting entities in headless Chromium against a real server started with --allow-edits:
open a value's evidence from the search page, merge two values, see the counts change on the
search page, undo, see them back."""

from __future__ import annotations

import pytest
from live_server import live_server
from test_browser import browser, open_tab  # noqa: F401 - the module's Chromium fixture
from web_corpus import ARMY, ARTICLES, build_index

pytestmark = pytest.mark.browser


@pytest.fixture()
def editable_server(tmp_path):
    with live_server(build_index(tmp_path / "index", ARTICLES), allow_edits=True) as running:
        yield running.url


def test_merge_from_the_evidence_panel_then_undo(browser, editable_server):  # noqa: F811
    context, tab = open_tab(browser, editable_server)
    page = tab.page
    tab.goto("/")
    rows = tab.facet_rows("actor")
    assert rows[ARMY][0] == "5" and rows["Hezbollah"][0] == "1"

    with page.expect_navigation():  # the evidence link beside the value, by keyboard
        page.locator("#facet-actor a[aria-label='About Hezbollah']").focus()
        page.keyboard.press("Enter")
    assert tab.path() == "/entities/actor/Hezbollah"
    page.fill("#merge-into", ARMY)
    with page.expect_navigation():
        page.get_by_role("button", name="Merge").click()
    assert tab.path() == "/entities/actor/Syrian%20Army"
    assert page.locator(".correct-done").inner_text() == "Saved as c1."
    assert "Hezbollah" in page.locator(".document-side").inner_text()

    tab.goto("/")
    rows = tab.facet_rows("actor")
    assert rows[ARMY][0] == "6" and "Hezbollah" not in rows

    tab.goto("/entities/actor/Syrian%20Army?done=c1")
    with page.expect_navigation():
        page.get_by_role("button", name="Undo c1").click()
    assert tab.path() == "/corrections"
    assert "undo c1" in page.locator(".corrections-log").inner_text()

    tab.goto("/")
    rows = tab.facet_rows("actor")
    assert rows[ARMY][0] == "5" and rows["Hezbollah"][0] == "1"
    context.close()
    assert tab.dialogs == [] and tab.problems == []
