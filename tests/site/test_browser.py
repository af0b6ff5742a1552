"""The built site in a real headless Chromium: pages, plots, formulas, language switch, search.

The browser may reach only the local server: every other request is aborted and
recorded, so these tests see the site as a reader without a network does.
Skipped when /usr/bin/chromium or the ``playwright`` package is missing. The
screenshots go to test-artifacts/site/ (git-ignored).
"""

import functools
import http.server
import re
import threading
from pathlib import Path

import pytest

CHROMIUM = Path("/usr/bin/chromium")
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "site"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
SEARCH_LESSON = "01-linear-regression"
SEARCH_TERMS = {"zh": "线性回归", "en": "regression"}

if not CHROMIUM.exists():
    pytest.skip(f"{CHROMIUM} is missing (apt-get install -y chromium)", allow_module_level=True)
sync_api = pytest.importorskip("playwright.sync_api", reason="the playwright package is missing")


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    """Serve files without logging every request to stderr."""

    def log_message(self, format, *args):
        """Stay silent."""


@pytest.fixture(scope="module")
def base_url(built_site):
    if built_site.result.returncode != 0:
        pytest.skip("the site did not build (see test_build.py)")
    handler = functools.partial(QuietHandler, directory=str(built_site.path))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="module")
def blocked():
    """URLs the pages tried to load from outside the local server (all aborted)."""
    return []


@pytest.fixture(scope="module")
def page(base_url, blocked):
    ARTIFACTS.mkdir(parents=True, exist_ok=True)

    def only_local(route):
        if route.request.url.startswith(base_url):
            route.continue_()
        else:
            blocked.append(route.request.url)
            route.abort()

    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        context = browser.new_context(viewport={"width": 1280, "height": 900})
        context.route("**/*", only_local)  # no network: the site must work offline
        page = context.new_page()
        page.set_default_timeout(15000)
        yield page
        browser.close()


def test_home_page_in_both_languages(page, base_url):
    for lang, prefix, text in (("zh", "", "课程地图"), ("en", "en/", "Course map")):
        page.goto(base_url + prefix)
        assert page.locator("html").get_attribute("lang") == lang
        assert "kerasedu" in page.title()
        assert text in page.locator("article").inner_text()
        page.screenshot(path=str(ARTIFACTS / f"home-{lang}.png"), full_page=True)


def lesson_with_plot(built_site):
    for stem in built_site.lessons:
        html = built_site.page(f"lessons/{stem}")
        if "<img" in html:
            return stem
    pytest.skip("no lesson has a plot yet")


def test_lesson_page_shows_its_plots(page, base_url, built_site):
    stem = lesson_with_plot(built_site)
    for prefix in ("", "en/"):
        page.goto(base_url + f"{prefix}lessons/{stem}/")
        images = page.locator("article img")
        assert images.count() > 0
        images.first.scroll_into_view_if_needed()
        page.wait_for_function(
            "() => [...document.querySelectorAll('article img')].every(i => i.complete)"
        )
        widths = images.evaluate_all("imgs => imgs.map(i => i.naturalWidth)")
        assert all(width > 0 for width in widths), widths
        page.screenshot(
            path=str(ARTIFACTS / f"lesson-{stem}-{prefix[:-1] or 'zh'}.png"), full_page=True
        )


def lesson_with_formulas(built_site):
    for stem in built_site.lessons:
        if "<math" in built_site.page(f"lessons/{stem}"):
            return stem
    pytest.fail("no lesson page has a formula")


# The article's text outside code: TeX left unrendered would show as $...$, \(...\) or \[...\].
PROSE_TEXT = """() => {
    const article = document.querySelector("article").cloneNode(true);
    article.querySelectorAll("pre, code, math").forEach(e => e.remove());
    return article.textContent;
}"""


def test_formulas_render_offline(page, base_url, built_site, blocked):
    stem = lesson_with_formulas(built_site)
    for prefix in ("", "en/"):
        blocked.clear()
        page.goto(base_url + f"{prefix}lessons/{stem}/", wait_until="load")
        formulas = page.locator("article math")
        assert formulas.count() > 0
        sizes = formulas.evaluate_all(
            "ms => ms.map(m => [m.getBoundingClientRect().width, m.getBoundingClientRect().height])"
        )
        assert all(width > 0 and height > 0 for width, height in sizes), sizes
        # MathML laid out as math: a fraction's parts stack (a plain inline box would not).
        fractions = page.locator("article mfrac")
        if fractions.count():
            heights = fractions.evaluate_all("fs => fs.map(f => f.getBoundingClientRect().height)")
            line = page.evaluate("parseFloat(getComputedStyle(document.body).fontSize)")
            assert max(heights) > line, (heights, line)
        prose = page.evaluate(PROSE_TEXT)
        raw = re.findall(r"\$[^$\s][^$]*\$|\\\(|\\\[", prose)
        assert not raw, raw[:5]
        assert blocked == [], f"the page tried to reach the network: {blocked}"
        page.locator("article math").first.scroll_into_view_if_needed()
        page.screenshot(path=str(ARTIFACTS / f"formulas-{stem}-{prefix[:-1] or 'zh'}.png"))


def test_language_switch_goes_to_the_same_page(page, base_url, built_site):
    stem = built_site.lessons[0] if built_site.lessons else None
    start = f"lessons/{stem}/" if stem else "installation/"
    for here, there, lang in (("", "en/", "en"), ("en/", "", "zh")):
        page.goto(base_url + here + start)
        link = page.locator(f"a.md-select__link[hreflang='{lang}']")
        page.goto(link.evaluate("a => a.href"))  # the switcher menu opens on hover
        assert page.url.rstrip("/").endswith((there + start).rstrip("/")), page.url
        assert page.locator("html").get_attribute("lang") == lang


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_search_finds_the_lesson(page, base_url, built_site, lang):
    if SEARCH_LESSON not in built_site.lessons:
        pytest.skip(f"lesson {SEARCH_LESSON} does not exist yet")
    prefix = "" if lang == "zh" else "en/"
    page.goto(base_url + prefix)
    search = page.locator("input.md-search__input")
    search.click()
    search.fill(SEARCH_TERMS[lang])
    results = page.locator(".md-search-result__item a")
    results.first.wait_for()
    hrefs = results.evaluate_all("links => links.map(a => a.href)")
    page.screenshot(path=str(ARTIFACTS / f"search-{lang}.png"))
    wanted = base_url + prefix + f"lessons/{SEARCH_LESSON}/"
    assert any(href.startswith(wanted) for href in hrefs), hrefs
