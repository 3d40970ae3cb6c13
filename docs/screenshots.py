"""Screenshots of the main views, desktop and phone, from a real server over a real index.

    .venv/bin/python docs/screenshots.py --index index [--port 8765] [--out docs]

Starts `trawl serve` on the index, drives Debian's Chromium with Playwright and writes
search-*.png, document-*.png and error-*.png. Index the samples first (`make serve` does).
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import time
from pathlib import Path

import httpx
from playwright.sync_api import sync_playwright

CHROMIUM = "/usr/bin/chromium"
DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 390, "height": 844}
SEARCH = "/?q=aleppo&not_place=Damascus"
START_TIMEOUT_S = 30


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--index", default="index")
    parser.add_argument("--port", type=int, default=8765)
    parser.add_argument("--out", type=Path, default=Path(__file__).resolve().parent)
    args = parser.parse_args(argv)
    base = f"http://127.0.0.1:{args.port}"
    server = subprocess.Popen([sys.executable, "-m", "indexer.cli", "--index", args.index,
                               "serve", "--port", str(args.port)])
    try:
        _wait(base)
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
            for name, viewport in (("desktop", DESKTOP), ("phone", PHONE)):
                _shoot(browser, base, viewport, name, args.out)
            browser.close()
    finally:
        server.terminate()
        server.wait(timeout=10)
    return 0


def _wait(base: str) -> None:
    deadline = time.monotonic() + START_TIMEOUT_S
    while time.monotonic() < deadline:
        try:
            if httpx.get(base + "/healthz").status_code == 200:
                return
        except httpx.HTTPError:
            time.sleep(0.2)
    raise SystemExit(f"no server at {base}")


def _shoot(browser, base: str, viewport: dict, name: str, out: Path) -> None:
    context = browser.new_context(viewport=viewport, is_mobile=name == "phone")
    page = context.new_page()
    page.goto(base + SEARCH)
    if name == "phone":
        page.locator(".filters-button").click()
    page.screenshot(path=str(out / f"search-{name}.png"))
    page.goto(base + SEARCH)
    page.locator("li.hit h2 a").first.click()
    page.wait_for_load_state()
    page.locator("a.match-next").click()
    page.screenshot(path=str(out / f"document-{name}.png"))
    page.goto(base + '/?q="aleppo&actor=Hayat+Tahrir+al-Sham')
    page.screenshot(path=str(out / f"error-{name}.png"))
    context.close()


if __name__ == "__main__":
    raise SystemExit(main())
