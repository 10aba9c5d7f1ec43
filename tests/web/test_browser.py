"""Browser tests in real headless Chromium (Debian's chromium and chromium-driver, driven by
Selenium) against uvicorn on a free port: the article page highlights statements in three
colours and shows resolved speakers, the speaker page's chart has points, the search form works,
the cluster page lists its variants, pages fit a phone's width, hostile text runs nothing.
Screenshots go to each test's tmp_path."""

from __future__ import annotations

import shutil
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import quote

import pytest
from web_support import HOSTILE_ID, SEED, SEED_KEY, ZELENSKY

CHROMIUM = "/usr/bin/chromium"
CHROMEDRIVER = shutil.which("chromedriver") or "/usr/bin/chromedriver"
if not Path(CHROMIUM).exists():
    # the one reason to skip: where Chromium is installed, a missing driver or Selenium fails
    pytest.skip("/usr/bin/chromium is absent: apt-get install -y chromium chromium-driver "
                "(scripts/install-chromium.sh)", allow_module_level=True)

from selenium import webdriver  # noqa: E402
from selenium.common.exceptions import WebDriverException  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.support import expected_conditions as EC  # noqa: E402
from selenium.webdriver.support.ui import WebDriverWait  # noqa: E402

DESKTOP = (1280, 1400)
PHONE = (390, 844)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def server(app) -> Iterator[str]:
    import uvicorn

    port = free_port()
    srv = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 15
    while not srv.started:
        assert thread.is_alive() and time.monotonic() < deadline, "uvicorn did not start"
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    srv.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[object]:
    from selenium.webdriver.chrome.options import Options
    from selenium.webdriver.chrome.service import Service

    assert Path(CHROMEDRIVER).exists(), "Chromium is here but not its driver: apt-get install -y chromium-driver"
    options = Options()
    options.binary_location = CHROMIUM
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync",
                 "--disable-dev-shm-usage", "--hide-scrollbars", f"--window-size={DESKTOP[0]},{DESKTOP[1]}",
                 f"--user-data-dir={tmp_path_factory.mktemp('chromium-profile')}"):
        options.add_argument(flag)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    driver.set_page_load_timeout(30)
    yield driver
    driver.quit()


@pytest.fixture
def desktop(browser):
    browser.set_window_size(*DESKTOP)
    return browser


def open_page(browser, url: str) -> None:
    browser.get(url)
    WebDriverWait(browser, 10).until(lambda b: b.execute_script("return document.readyState") == "complete")


def shot(browser, path: Path, full: bool = True) -> Path:
    """A screenshot of the whole page (the window grown to the page's height, up to a limit)."""
    if full:
        width = browser.get_window_size()["width"]
        height = browser.execute_script("return document.documentElement.scrollHeight")
        browser.set_window_size(width, min(max(height, 600), 6000))
    browser.save_screenshot(str(path))
    assert path.stat().st_size > 10_000
    return path


def background(element) -> str:
    return element.value_of_css_property("background-color")


def test_article_page_highlights_statements_and_speakers(server, desktop, tmp_path) -> None:
    key = SEED_KEY if SEED.exists() else "01_oslo_truce"
    open_page(desktop, f"{server}/articles/{key}")
    contents = desktop.find_elements(By.CSS_SELECTOR, ".body mark.content")
    cues = desktop.find_elements(By.CSS_SELECTOR, ".body mark.cue")
    mentions = desktop.find_elements(By.CSS_SELECTOR, ".body mark.mention")
    assert len(contents) >= 5 and len(cues) >= 5 and len(mentions) >= 3
    # the stylesheet loaded under the CSP: three roles in three colours, as the legend shows
    colours = {background(m) for m in (contents[0], cues[0], mentions[0])}
    assert len(colours) == 3 and "rgba(0, 0, 0, 0)" not in colours
    legend = {role: background(desktop.find_element(By.CSS_SELECTOR, f".legend mark.{role}"))
              for role in ("content", "cue", "mention")}
    assert legend["content"] == background(contents[0]) and legend["cue"] == background(cues[0])
    assert all(c.is_displayed() for c in contents[:5])
    speakers = [e.text for e in desktop.find_elements(By.CSS_SELECTOR, ".statement .speaker")]
    if SEED.exists():
        assert speakers.count("Volodymyr Zelensky") >= 8
        # "he" is followed by the name it stands for, visibly
        resolved = desktop.find_elements(By.CSS_SELECTOR, ".body .resolved-name")
        assert resolved and all(r.is_displayed() for r in resolved)
        assert {r.text.lstrip("= ").strip() for r in resolved} >= {"Volodymyr Zelensky"}
        # hovering a quote tells speaker, venue, translation and date
        sky = [c.get_attribute("title") for c in contents if "Sky News" in (c.get_attribute("title") or "")]
        assert sky and "through a translator" in sky[0] and "2024-11-29" in sky[0]
        assert "Zelensky" in desktop.find_element(By.CSS_SELECTOR, ".body").text
    else:
        assert "Ingrid Dahl" in speakers
    assert not desktop.find_elements(By.TAG_NAME, "script")
    shot(desktop, tmp_path / "article.png")


def test_speaker_page_chart_has_points(server, desktop, tmp_path) -> None:
    if SEED.exists():
        open_page(desktop, f"{server}/speakers/{ZELENSKY}")
    else:
        open_page(desktop, f"{server}/speakers?q=dahl")
        desktop.find_element(By.CSS_SELECTOR, "ul.speakers a").click()
        WebDriverWait(desktop, 10).until(EC.presence_of_element_located((By.CSS_SELECTOR, "main h1")))
    charts = desktop.find_elements(By.CSS_SELECTOR, "figure.chart svg")
    if SEED.exists():
        assert charts, "Zelensky's statements touch issues: a chart each"
        territory = desktop.find_element(By.CSS_SELECTOR, 'figure.chart[data-issue="territory"] svg')
        points = territory.find_elements(By.CSS_SELECTOR, "circle")
        assert len(points) >= 2 and all(p.is_displayed() for p in points)
        assert territory.size["width"] > 300 and territory.size["height"] > 100
        ringed = [p for p in points if p.get_attribute("stroke") == "black"]
        assert ringed, "the territory shift is marked on the chart"
        rows = desktop.find_elements(By.CSS_SELECTOR, "tr.shift")
        assert any("territory" in r.text and "oppose" in r.text and "conditional" in r.text for r in rows)
    assert desktop.find_elements(By.CSS_SELECTOR, "table.statements tbody tr")
    shot(desktop, tmp_path / "speaker.png")


def gone(element):
    """Waits until ``element`` has left the page.  Chrome may report a node the navigation just
    detached as an inspector error rather than a stale reference: gone all the same (the
    expected condition ``staleness_of`` let that error through and failed the test now and then)."""
    def check(_driver) -> bool:
        try:
            element.is_enabled()  # any call on a node the page no longer holds raises
        except WebDriverException:  # StaleElementReferenceException is one
            return True
        return False
    return check


def test_search_form(server, desktop, tmp_path) -> None:
    open_page(desktop, f"{server}/")
    box = desktop.find_element(By.NAME, "q")
    box.clear()
    box.send_keys("truce")
    old = desktop.find_element(By.TAG_NAME, "main")
    desktop.find_element(By.CSS_SELECTOR, "form.search button").click()
    WebDriverWait(desktop, 10).until(gone(old))  # the results page, not the form's page
    WebDriverWait(desktop, 10).until(lambda b: "q=truce" in b.current_url)
    assert desktop.find_element(By.NAME, "q").get_attribute("value") == "truce"
    quotes = [e.text.lower() for e in desktop.find_elements(By.CSS_SELECTOR, "table.results td.quote")]
    assert quotes and all("truce" in q for q in quotes)
    shot(desktop, tmp_path / "search.png")
    # a speaker link from the results opens the speaker's page
    desktop.find_element(By.CSS_SELECTOR, "table.results tbody td a").click()
    WebDriverWait(desktop, 10).until(lambda b: "/speakers/" in b.current_url)
    assert desktop.find_element(By.TAG_NAME, "h1").text


def test_cluster_page_lists_variants(server, desktop, tmp_path) -> None:
    open_page(desktop, f"{server}/clusters")
    link = next(a for a in desktop.find_elements(By.CSS_SELECTOR, "ol.clusters a") if "single incident" in a.text)
    link.click()
    WebDriverWait(desktop, 10).until(lambda b: "/clusters/" in b.current_url)
    variants = desktop.find_elements(By.CSS_SELECTOR, "li.variant")
    assert len(variants) == 2
    assert "Wire A" in desktop.find_element(By.CSS_SELECTOR, ".first-report").text
    shot(desktop, tmp_path / "cluster.png")


def test_pages_fit_a_phone(server, browser, tmp_path) -> None:
    browser.set_window_size(*PHONE)
    key = SEED_KEY if SEED.exists() else "01_oslo_truce"
    try:
        for name, path in (("article", f"/articles/{key}"), ("search", "/?q=truce"),
                           ("speaker", f"/speakers/{ZELENSKY}" if SEED.exists() else "/speakers")):
            open_page(browser, server + path)
            inner = browser.execute_script("return window.innerWidth")
            scroll = browser.execute_script("return document.documentElement.scrollWidth")
            assert scroll <= inner + 1, f"the {name} page is wider than a phone: {scroll} > {inner}"
            shot(browser, tmp_path / f"phone-{name}.png")
            browser.set_window_size(*PHONE)
    finally:
        browser.set_window_size(*DESKTOP)


def test_hostile_article_runs_no_script(server, desktop, tmp_path) -> None:
    open_page(desktop, f"{server}/articles/{quote(HOSTILE_ID)}")
    body = desktop.find_element(By.CSS_SELECTOR, ".body").text
    assert "<script>alert(1)</script>" in body  # shown as text
    assert '"We open it on Monday" onmouseover="x"' in body
    assert "<img src=x onerror=alert(3)>" in body
    assert desktop.find_element(By.TAG_NAME, "h1").text == '<img src=x onerror="alert(2)">'
    counts = desktop.execute_script(
        "return [document.scripts.length, document.images.length,"
        " document.querySelectorAll('[onmouseover],[onerror],b').length]")
    assert counts == [0, 0, 0]
    # hovering the mark with the hostile attribute text does nothing either
    mark = next(m for m in desktop.find_elements(By.CSS_SELECTOR, ".body mark.content") if "onmouseover" in m.text)
    webdriver.ActionChains(desktop).move_to_element(mark).perform()
    desktop.find_element(By.TAG_NAME, "h1").click()
    with pytest.raises(Exception, match="no such alert"):
        desktop.switch_to.alert.text  # noqa: B018
    shot(desktop, tmp_path / "hostile.png", full=False)
