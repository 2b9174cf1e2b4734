"""The web page in a real browser: Playwright driving Debian's Chromium (Playwright cannot
download a browser of its own here). Skipped, and said so, where Chromium is not installed
(`.ci/run` installs it). Screenshots go to out/screenshots/."""

from __future__ import annotations

import base64
import shutil
import socket
import threading
import time
from pathlib import Path

import openpyxl
import pytest
from conftest import BANJARMASIN, ROOT, SAMPLES
from corpus import CASES

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
pytestmark = pytest.mark.skipif(
    CHROMIUM is None,
    reason="Chromium is not installed (apt-get install chromium): no browser tests",
)
FAULTY = SAMPLES / "faulty" / "KPU Kabupaten Balangan - RKT 2024.xlsx"
SHOTS = ROOT / "out" / "screenshots"
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    """kinerja-xl serve on loopback, in a thread, over a folder of submissions."""
    import uvicorn

    from kinerja_xl.web import ServeSettings, create_app

    folder = tmp_path_factory.mktemp("kiriman")
    for path in (BANJARMASIN, FAULTY, SAMPLES / "KPU Kota Banjarbaru - IKU 2024.xlsx"):
        shutil.copy(path, folder)
    port = free_port()
    settings = ServeSettings(folder=folder, port=port, province="Kalimantan Selatan", year=2024)
    config = uvicorn.Config(create_app(settings), host="127.0.0.1", port=port, log_level="warning")
    runner = uvicorn.Server(config)
    thread = threading.Thread(target=runner.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not runner.started and time.monotonic() < deadline:
        time.sleep(0.05)
    assert runner.started, "the server did not start"
    yield f"http://127.0.0.1:{port}", folder
    runner.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(accept_downloads=True, viewport={"width": 1280, "height": 900})
    yield context.new_page()
    context.close()


def drop_file(page, path: Path) -> None:
    """Drop a workbook on the upload area, as a person drags it from their folder."""
    data = base64.b64encode(path.read_bytes()).decode()
    page.evaluate(
        """([name, data]) => {
            const bytes = Uint8Array.from(atob(data), c => c.charCodeAt(0));
            const transfer = new DataTransfer();
            transfer.items.add(new File([bytes], name));
            const drop = document.getElementById("drop");
            drop.dispatchEvent(new DragEvent("dragover", {dataTransfer: transfer, bubbles: true}));
            drop.dispatchEvent(new DragEvent("drop", {dataTransfer: transfer, bubbles: true}));
        }""",
        [path.name, data],
    )


def test_an_office_drops_its_workbook_sees_each_problem_and_downloads_the_copy(
    server, page, tmp_path
):
    address, _folder = server
    page.goto(address + "/")
    with page.expect_navigation():
        drop_file(page, FAULTY)
    issues = page.locator("table.issues tbody tr")
    assert issues.count() == 17
    first = issues.first.locator("td")
    assert [first.nth(i).inner_text() for i in (0, 1, 3)] == ["RKT", "D4", "120%"]
    flagged = page.locator("table.grid td.error").first
    assert flagged.inner_text() == "120%" and "di luar rentang" in flagged.get_attribute("title")
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / "periksa-berkas.png"), full_page=False)
    with page.expect_download() as download:
        page.get_by_text("Unduh salinan bertanda").click()
    saved = tmp_path / download.value.suggested_filename
    download.value.save_as(saved)
    assert saved.name == "KPU Kabupaten Balangan - RKT 2024 (diperiksa).xlsx"
    copy = openpyxl.load_workbook(saved)
    assert copy.sheetnames[0] == "Masalah" and copy["RKT"]["D4"].comment is not None


def test_the_province_sees_the_offices_and_downloads_the_consolidated_workbook(
    server, page, tmp_path
):
    address, _folder = server
    page.goto(address + "/kiriman")
    offices = page.locator("table.status-table tbody tr")
    assert offices.count() == 14  # KPU Provinsi Kalimantan Selatan and its 13 offices
    assert offices.first.locator("td").nth(1).inner_text() == "KPU Provinsi Kalimantan Selatan"
    banjarmasin = page.locator("table.status-table tr", has_text="KPU Kota Banjarmasin")
    assert banjarmasin.locator("td.status.ready").count() == 3  # RKT KPU, Sekretariat, Anggaran
    page.screenshot(path=str(SHOTS / "kiriman.png"), full_page=False)
    page.locator("table.status-table tr", has_text="KPU Kabupaten Balangan").get_by_text(
        "Perlu perbaikan"
    ).first.click()
    assert page.locator("#berkas table.issues tbody tr").count() == 17
    with page.expect_download() as download:
        page.get_by_text("Unduh buku kerja konsolidasi").click()
    saved = tmp_path / "konsolidasi.xlsx"
    download.value.save_as(saved)
    assert openpyxl.load_workbook(saved).sheetnames[:3] == ["Ringkasan", "Status Kiriman", "RKT"]


def test_a_hostile_file_gets_a_message_and_the_page_still_works(server, page, tmp_path):
    address, _folder = server
    bomb = tmp_path / "bom-zip.xlsx"
    next(c for c in CASES if c.name == "bom-zip.xlsx").build(bomb)
    page.goto(address + "/?lang=en")
    page.set_input_files("#files", str(bomb))
    with page.expect_navigation():
        page.get_by_role("button", name="Check").click()
    assert page.locator(".status.unreadable").inner_text() == "Unreadable"
    assert "too large once inflated" in page.locator("table.issues").inner_text()
    page.set_input_files("#files", str(BANJARMASIN))
    with page.expect_navigation():
        page.get_by_role("button", name="Check").click()
    assert page.locator(".status.ready").inner_text() == "Ready"
