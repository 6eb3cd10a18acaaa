"""The desk in a real browser (Debian's Chromium driven by Playwright): pages render, the speaker
chart draws, hostile article text runs nothing, and a flag is confirmed with the operator token."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]
ARTIFACTS = Path(__file__).resolve().parent.parent / "test-artifacts"

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not os.path.exists(CHROMIUM), reason=f"{CHROMIUM} is absent (apt-get install -y chromium)"),
]
sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed (pip install playwright)")

from test_web_api import TOKEN, DeskServer, build_store  # noqa: E402  (same tests folder)

from onrecord.store import open_store  # noqa: E402


@pytest.fixture(scope="module")
def desk(tmp_path_factory):
    url, ids = build_store(tmp_path_factory.mktemp("browser"))
    with DeskServer(url, token=TOKEN) as srv:
        yield srv.base, ids, url


@pytest.fixture(scope="module")
def browser():
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
        yield b
        b.close()


@pytest.fixture
def page(browser):
    ctx = browser.new_context(viewport={"width": 1280, "height": 900})
    pg = ctx.new_page()
    pg.dialogs = []
    pg.on("dialog", lambda d: (pg.dialogs.append(d.message), d.dismiss()))
    yield pg
    ctx.close()


def _shot(page, name: str) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)


def test_pages_render_and_hostile_text_runs_nothing(desk, page):
    base, ids, _ = desk
    paths = {
        "overview": "/",
        "articles": "/articles",
        "article-evil": f"/articles/{ids['articles']['evil']}",
        "statement-evil": f"/statements/{ids['statements']['evil']}",
        "flag-evil": f"/flags/{ids['flags']['disagreement']}",
        "flags": "/flags",
        "speakers": "/speakers",
        "search": "/search?q=harmless",
    }
    for name, path in paths.items():
        resp = page.goto(base + path)
        assert resp.status == 200, path
        page.wait_for_load_state("load")
        page.mouse.move(200, 300)  # hover handlers, if any had survived
        assert page.evaluate("typeof window.__pwned") == "undefined", path
        assert page.evaluate("document.querySelectorAll('script').length") == 0, path
        assert page.evaluate("[...document.querySelectorAll('[href]')].filter(a => a.href.startsWith('javascript:')).length") == 0
        _shot(page, name)
    assert page.dialogs == []
    page.goto(base + f"/articles/{ids['articles']['evil']}")
    assert "<script>window.__pwned=1</script>" in page.inner_text("article .body")  # shown as text


def test_speaker_chart_renders(desk, page):
    base, ids, _ = desk
    page.goto(base + f"/speakers/{ids['speaker']}")
    chart = page.locator("figure.chart svg")
    assert chart.is_visible()
    box = chart.bounding_box()
    assert box["width"] > 300 and box["height"] > 50
    assert page.locator("svg rect.tl-bar").count() >= 1 and page.locator("svg .tl-flag").count() == 2
    _shot(page, "speaker")


def test_confirm_flag_with_token(desk, page):
    base, ids, url = desk
    fid = ids["flags"]["number_drift"]
    page.goto(base + f"/flags/{fid}")
    assert page.locator("section.side").count() == 2
    assert page.locator("section.side mark.hl-content").count() == 2
    assert page.locator("section.side mark.hl-mention").count() == 2
    _shot(page, "flag")
    page.fill("input[name=token]", "wrong-token")
    page.click("button[value=confirmed]")
    assert "E060" in page.content()
    page.goto(base + f"/flags/{fid}")
    page.fill("input[name=note]", "checked both sources")
    page.fill("input[name=token]", TOKEN)
    page.click("button[value=confirmed]")
    page.wait_for_url(f"{base}/flags/{fid}")
    assert "CONFIRMED" in page.inner_text("#verdict").upper()
    with open_store(url) as store:
        verdict = store.flag(fid)["verdict"]
    assert verdict["verdict"] == "confirmed" and verdict["note"] == "checked both sources"
    _shot(page, "flag-confirmed")
