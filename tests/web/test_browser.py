"""End to end in headless Chromium (Debian's, driven by Playwright) against a real server."""

from __future__ import annotations

import os
import re
from pathlib import Path
from urllib.parse import parse_qsl, urlsplit

import pytest
from live_server import live_server
from web_corpus import ARMY, HTS, RUSSIA_AF, XSS_ARTICLE, XSS_IMG

pytestmark = pytest.mark.browser

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]


@pytest.fixture(scope="module")
def browser():
    """One Chromium for the module; missing Chromium skips locally but fails in CI."""
    if not CHROMIUM.exists():
        if os.environ.get("CI"):
            pytest.fail(f"{CHROMIUM} is missing in CI: install Debian's chromium (make browser)")
        pytest.skip(f"Debian's chromium is not installed at {CHROMIUM} (run: make browser)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture(scope="module")
def server(xss_index_dir):
    with live_server(xss_index_dir) as running:
        yield running.url


class Tab:
    """A page plus what must never happen on it: dialogs, script errors, CSP violations."""

    def __init__(self, context, base_url: str, javascript: bool = True):
        self.page = context.new_page()
        self.base = base_url
        self.dialogs: list[str] = []
        self.problems: list[str] = []
        self.page.on("dialog", self._on_dialog)
        self.page.on("pageerror", lambda exc: self.problems.append(f"page error: {exc}"))
        self.page.on("console", self._on_console)

    def _on_dialog(self, dialog) -> None:
        self.dialogs.append(dialog.message)
        dialog.dismiss()

    def _on_console(self, message) -> None:
        if message.type == "error":
            self.problems.append(f"console: {message.text}")

    def goto(self, path: str) -> None:
        self.page.goto(self.base + path)

    def params(self) -> list[tuple[str, str]]:
        return parse_qsl(urlsplit(self.page.url).query)

    def path(self) -> str:
        return urlsplit(self.page.url).path

    def count_text(self) -> str:
        return self.page.locator("#result-count").inner_text().strip()

    def facet_rows(self, facet: str) -> dict[str, tuple[str, bool]]:
        rows = {}
        for item in self.page.locator(f"#facet-{facet} li.facet-value").all():
            name = item.locator(".facet-name").inner_text().strip()
            box = item.locator("input[type=checkbox]")
            checked = box.count() == 1 and box.is_checked()
            rows[name] = (item.locator(".facet-count").inner_text().strip(), checked)
        return rows


def open_tab(browser, server, javascript: bool = True):
    context = browser.new_context(viewport={"width": 1280, "height": 900},
                                  java_script_enabled=javascript)
    return context, Tab(context, server, javascript)


@pytest.fixture()
def tab(browser, server):
    context, opened = open_tab(browser, server)
    yield opened
    context.close()
    assert opened.dialogs == []
    assert opened.problems == []


def test_search_filter_exclude_narrow_open_and_go_back(tab):
    page = tab.page
    tab.goto("/")
    page.fill("#q", "syrian")
    with page.expect_navigation():
        page.press("#q", "Enter")
    assert dict(tab.params()) == {"q": "syrian", "sort": "relevance"}
    assert tab.count_text() == "5 documents"

    for actor in (HTS, RUSSIA_AF):  # ticking a checkbox applies it at once (JS)
        with page.expect_navigation():
            page.locator("#facet-actor").get_by_label(actor, exact=True).click()
    assert [v for k, v in tab.params() if k == "actor"] == [HTS, RUSSIA_AF]
    assert tab.count_text() == "4 documents"
    rows = tab.facet_rows("actor")
    assert rows[HTS] == ("3", True) and rows[RUSSIA_AF] == ("1", True)
    assert rows[ARMY] == ("5", False)

    with page.expect_navigation():
        page.locator("#facet-place a[aria-label^='Exclude Idlib']").click()
    assert ("not_place", "Idlib") in tab.params()
    chip = page.locator(".chip-negative")
    assert chip.locator(".chip-label").inner_text() == "Not place:"
    assert chip.locator(".chip-value").inner_text().startswith("Idlib")
    assert tab.count_text() == "2 documents"

    with page.expect_navigation():
        page.locator("svg.timeline-chart a.timeline-bar").first.click()
    params = dict(tab.params())
    assert params["from"] <= "2024-11-30" <= params["to"] < "2024-12-05"
    assert tab.count_text() == "1 document"
    narrowed_url = page.url
    assert page.locator("li.hit h2").inner_text() == "Rebels enter Aleppo as the army withdraws"

    with page.expect_navigation():
        page.locator("li.hit h2 a").click()
    assert tab.path() == "/documents/reports/2024/aleppo-entered"
    mentions = page.locator(".document-text a.mention")
    assert mentions.all_inner_texts() == ["Syrian Army", "Aleppo", "Saturday",
                                          "Hayat Tahrir al-Sham", "Hama"]
    assert mentions.first.get_attribute("href") == "/?actor=Syrian+Army"

    page.go_back()
    assert page.url == narrowed_url
    assert tab.count_text() == "1 document"
    rows = tab.facet_rows("actor")
    assert rows[HTS][1] and rows[RUSSIA_AF][1] and not rows[ARMY][1]
    assert page.locator(".chip-negative .chip-value").inner_text().startswith("Idlib")
    assert page.locator("#q").input_value() == "syrian"


def test_mention_link_leads_to_the_filtered_search(tab):
    tab.goto("/documents/reports/2024/hama-captured")
    with tab.page.expect_navigation():
        tab.page.locator(".document-text a.mention-place", has_text="Hama").click()
    assert tab.path() == "/" and tab.params() == [("place", "Hama")]
    assert tab.count_text() == "2 documents"
    assert tab.facet_rows("place")["Hama · Syria"] == ("2", True)


def test_facet_filter_box_suggests_values_and_slash_focuses_the_query(tab):
    page = tab.page
    tab.goto("/?q=army")
    page.locator("body").press("/")
    assert page.evaluate("document.activeElement.id") == "q"
    page.fill("#filter-actor", "hay")
    suggestion = page.locator("#suggest-actor a")
    suggestion.first.wait_for()
    assert [" ".join(text.split()) for text in suggestion.all_inner_texts()] == [f"{HTS} 3"]
    with page.expect_navigation():
        suggestion.first.click()
    assert tab.params() == [("q", "army"), ("actor", HTS)]


def test_without_javascript_the_forms_and_links_still_work(browser, server):
    context, tab = open_tab(browser, server, javascript=False)
    page = tab.page
    tab.goto("/?q=syrian")
    page.locator("#facet-actor").get_by_label(HTS, exact=True).check()
    page.locator("#facet-actor").get_by_label(RUSSIA_AF, exact=True).check()
    with page.expect_navigation():
        page.get_by_role("button", name="Apply filters").click()
    assert tab.params() == [("q", "syrian"), ("actor", HTS), ("actor", RUSSIA_AF)]
    assert tab.count_text() == "4 documents"
    with page.expect_navigation():
        page.locator(".chip-remove").first.click()
    assert tab.params() == [("q", "syrian"), ("actor", RUSSIA_AF)]
    page.locator("#query-help-summary").click()
    assert page.locator(".query-help-body").is_visible()
    context.close()
    assert tab.dialogs == [] and tab.problems == []


def test_hostile_document_renders_inert(tab):
    page = tab.page
    tab.goto("/?q=evil")
    title = page.locator("li.hit h2")
    assert title.inner_text() == XSS_ARTICLE.title
    assert page.locator("img[src=x]").count() == 0
    assert page.locator("li.hit .badge-actor").inner_text() == XSS_IMG
    with page.expect_navigation():
        title.locator("a").click()
    assert page.locator("#doc-title").inner_text() == XSS_ARTICLE.title
    assert re.sub(r"\s+", " ", page.locator(".document-text").inner_text()).strip() == (
        XSS_ARTICLE.text)
    assert page.locator("script:not([src])").count() == 0
    assert page.locator("img[src=x]").count() == 0
    assert page.locator("dl.meta a[href^='javascript']").count() == 0
    page.goto(tab.base + "/?q=" + "%3Cscript%3Ealert(1)%3C%2Fscript%3E")
    assert page.locator("#q").input_value() == "<script>alert(1)</script>"


def test_document_page_keeps_the_search_and_steps_through_its_matches(tab):
    page = tab.page
    tab.goto("/?q=aleppo+OR+syrian")
    with page.expect_navigation():
        page.locator("#facet-actor").get_by_label(HTS, exact=True).click()
    assert not any(name.endswith("_prefix") for name, _ in tab.params())  # no empty fields
    results_url = page.url
    with page.expect_navigation():
        page.locator("li.hit h2 a").first.click()
    marks = page.locator("mark.match")
    total = marks.count()
    assert total >= 2
    assert page.locator(".match-count").inner_text().startswith(f"{total} matches for")
    for expected in (1, 2):
        page.locator("a.match-next").click()
        assert urlsplit(page.url).fragment == f"match-{expected}"
        assert page.locator("mark.match.is-current").get_attribute("id") == f"match-{expected}"
    page.locator("a.match-prev").click()
    assert urlsplit(page.url).fragment == "match-1"
    page.locator("a.match-prev").click()
    assert urlsplit(page.url).fragment == f"match-{total}"  # wraps around
    assert page.locator("#q").input_value() == "aleppo OR syrian"
    assert page.locator("p.back a").get_attribute("href") == results_url.removeprefix(tab.base)


PHONE = {"width": 390, "height": 844}
TAP_TARGETS = (".filters-button", "#facet-actor .facet-value input", "#facet-actor .facet-exclude",
               ".chip-remove", "li.hit .badge", ".export a", ".hit-title a")
MIN_TARGET_PX = 24


def test_on_a_phone_the_filters_open_above_the_results_and_targets_are_big_enough(browser, server):
    context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True)
    tab = Tab(context, server)
    page = tab.page
    tab.goto(f"/?q=syrian&actor={HTS.replace(' ', '+')}")
    first_hit = page.locator("li.hit").first.bounding_box()
    button = page.locator(".filters-button")
    assert " ".join(button.inner_text().split()) == "Filters (1 active)"
    assert button.bounding_box()["y"] < first_hit["y"]
    assert not page.locator("#facet-actor").is_visible()
    button.click()
    assert button.get_attribute("aria-expanded") == "true"
    facets = page.locator("#facet-actor").bounding_box()
    assert facets["y"] < page.locator("li.hit").first.bounding_box()["y"]
    small = []
    for selector in TAP_TARGETS:
        for target in page.locator(selector).all():
            box = target.bounding_box()
            if box and (box["height"] < MIN_TARGET_PX or box["width"] < MIN_TARGET_PX):
                small.append((selector, target.inner_text()[:30], box["width"], box["height"]))
    assert small == []
    with page.expect_navigation():
        page.locator("#facet-actor").get_by_label(ARMY, exact=True).click()
    assert ("actor", ARMY) in tab.params()
    context.close()
    assert tab.dialogs == [] and tab.problems == []


def test_on_a_phone_without_javascript_the_filters_button_leads_to_the_filters(browser, server):
    context = browser.new_context(viewport=PHONE, java_script_enabled=False)
    tab = Tab(context, server, javascript=False)
    tab.goto("/?q=syrian")
    tab.page.locator(".filters-button").click()
    assert urlsplit(tab.page.url).fragment == "filters"
    assert tab.page.locator("#facet-actor").is_visible()
    context.close()
