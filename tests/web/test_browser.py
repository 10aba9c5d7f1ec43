"""Browser tests in real headless Chromium (Debian's chromium and chromium-driver, driven by
Selenium): the article page highlights statements and shows resolved speakers, the speaker
page's chart has points, the search form works.  Screenshots go to the test's tmp_path."""

from __future__ import annotations

import shutil
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from web_support import SEED

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMEDRIVER = shutil.which("chromedriver") or "/usr/bin/chromedriver"
pytestmark = pytest.mark.skipif(
    not (Path(CHROMIUM).exists() and Path(CHROMEDRIVER).exists()),
    reason="Debian's chromium and chromium-driver are not installed (.ci/run installs them)",
)
webdriver = pytest.importorskip("selenium.webdriver")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def server(app) -> Iterator[str]:
    import uvicorn

    port = free_port()
    config = uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning")
    srv = uvicorn.Server(config)
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    for _ in range(100):
        if srv.started:
            break
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    srv.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[object]:
    from selenium.webdriver.chrome.options import Options
    from selenium.webdriver.chrome.service import Service

    options = Options()
    options.binary_location = CHROMIUM
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync",
                 "--disable-dev-shm-usage", "--window-size=1280,1600",
                 f"--user-data-dir={tmp_path_factory.mktemp('chromium-profile')}"):
        options.add_argument(flag)
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    driver.set_page_load_timeout(30)
    yield driver
    driver.quit()


def test_article_page_highlights_statements_and_speakers(server, browser, tmp_path) -> None:
    from selenium.webdriver.common.by import By

    key = "000_4318a879f6337696" if SEED.exists() else "01_oslo_truce"
    browser.get(f"{server}/articles/{key}")
    browser.save_screenshot(str(tmp_path / "article.png"))
    contents = browser.find_elements(By.CSS_SELECTOR, ".body mark.content")
    cues = browser.find_elements(By.CSS_SELECTOR, ".body mark.cue")
    mentions = browser.find_elements(By.CSS_SELECTOR, ".body mark.mention")
    assert len(contents) >= 5 and len(cues) >= 5 and len(mentions) >= 3
    # the three roles are painted in different colours
    colours = {m.value_of_css_property("background-color") for m in (contents[0], cues[0], mentions[0])}
    assert len(colours) == 3
    speakers = [e.text for e in browser.find_elements(By.CSS_SELECTOR, ".statement .speaker")]
    if SEED.exists():
        assert speakers.count("Volodymyr Zelensky") >= 8
        resolved = [e.text for e in browser.find_elements(By.CSS_SELECTOR, ".statement .resolved")]
        assert any(r.strip("()“”").lower() == "he" for r in resolved)
    else:
        assert "Ingrid Dahl" in speakers
    assert (tmp_path / "article.png").stat().st_size > 10_000


def test_speaker_page_chart_has_points(server, browser, tmp_path) -> None:
    from selenium.webdriver.common.by import By

    if SEED.exists():
        browser.get(f"{server}/speakers/person:v-zelenski")
    else:
        browser.get(f"{server}/")
        browser.find_element(By.CSS_SELECTOR, "table.results td a").click()
    browser.save_screenshot(str(tmp_path / "speaker.png"))
    points = browser.find_elements(By.CSS_SELECTOR, "figure.chart svg circle")
    assert points and all(p.is_displayed() for p in points[:3])
    if SEED.exists():
        rows = browser.find_elements(By.CSS_SELECTOR, "tr.shift")
        assert any("territory" in r.text and "conditional" in r.text for r in rows)


def test_search_form(server, browser, tmp_path) -> None:
    from selenium.webdriver.common.by import By

    browser.get(f"{server}/")
    box = browser.find_element(By.NAME, "q")
    box.clear()
    box.send_keys("truce")
    browser.find_element(By.CSS_SELECTOR, "form.search button").click()
    browser.save_screenshot(str(tmp_path / "search.png"))
    assert "q=truce" in browser.current_url
    quotes = [e.text.lower() for e in browser.find_elements(By.CSS_SELECTOR, "table.results td.quote")]
    assert quotes and all("truce" in q for q in quotes)


def test_hostile_article_runs_no_script(server, browser) -> None:
    from selenium.webdriver.common.by import By

    browser.get(f"{server}/articles/hostile")
    body = browser.find_element(By.CSS_SELECTOR, ".body").text
    assert '<script>alert("x")</script>' in body  # shown as text
    assert browser.execute_script("return document.querySelectorAll('.body script, .body img').length") == 0
    alerts_seen = browser.execute_script("return typeof window.__alerted")
    assert alerts_seen == "undefined"
