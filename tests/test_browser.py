"""The web page in a real browser: Playwright driving Debian's Chromium (Playwright cannot
download a browser of its own here). Skipped, and said so, where Chromium is not installed
(`.ci/run` installs it). Screenshots go to out/screenshots/ (desktop and 390 px, id and en)."""

from __future__ import annotations

import base64
import http.server
import shutil
import socket
import threading
import time
from pathlib import Path

import openpyxl
import pytest
from conftest import BANJARMASIN, ROOT, SAMPLES
from corpus import CASES

from kinerja_xl.inbox import Inbox

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
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    """kinerja-xl serve on loopback (its own server, checks on a worker process), in a thread,
    over a folder of submissions, with a key made for KPU Kota Banjarmasin."""
    import uvicorn

    from kinerja_xl.web import ServeSettings, create_app
    from kinerja_xl.web.server import config

    folder = tmp_path_factory.mktemp("kiriman")
    for path in (BANJARMASIN, FAULTY, SAMPLES / "KPU Kota Banjarbaru - IKU 2024.xlsx"):
        shutil.copy(path, folder)
    key, _ = Inbox(folder).make_key("KPU Kota Banjarmasin")
    port = free_port()
    settings = ServeSettings(
        folder=folder, port=port, province="Kalimantan Selatan", year=2024, workers=1
    )
    runner = uvicorn.Server(config(settings, create_app(settings)))
    thread = threading.Thread(target=runner.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 90
    while not runner.started and time.monotonic() < deadline:
        time.sleep(0.05)
    assert runner.started, "the server did not start"
    yield f"http://127.0.0.1:{port}", folder, key
    runner.should_exit = True
    thread.join(timeout=20)


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=ARGS)
        yield chromium
        chromium.close()


def new_page(browser, viewport=DESKTOP):
    context = browser.new_context(accept_downloads=True, viewport=viewport)
    return context, context.new_page()


@pytest.fixture
def page(browser):
    context, opened = new_page(browser)
    yield opened
    context.close()


@pytest.fixture
def phone(browser):
    context, opened = new_page(browser, PHONE)
    yield opened
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


def wait_until(page, expression: str, seconds: float = 60) -> None:
    """Poll a condition in the page (wait_for_function evaluates a string, which the page's
    Content-Security-Policy forbids, as it should)."""
    deadline = time.monotonic() + seconds
    while not page.evaluate(f"() => Boolean({expression})"):
        assert time.monotonic() < deadline, expression
        time.sleep(0.05)


def check_and_wait(page, path: Path) -> list:
    """Choose a file, press the button; what the button said the moment it was pressed."""
    page.set_input_files("#files", str(path))
    state = page.evaluate(
        """() => {
            const form = document.getElementById("upload");
            const button = document.getElementById("submit");
            form.requestSubmit();
            return [button.disabled, button.textContent,
                    document.getElementById("results").getAttribute("aria-busy")];
        }"""
    )
    wait_until(page, "!document.getElementById('submit').disabled")
    return state


def shot(page, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=False)


# --- an office checks its workbook -----------------------------------------------------------------


def test_an_office_drops_its_workbook_sees_each_problem_and_downloads_the_copy(
    server, page, tmp_path
):
    address, _folder, _key = server
    page.goto(address + "/")
    drop_file(page, FAULTY)
    page.wait_for_selector("#results section.file")
    issues = page.locator("table.issues tbody tr")
    assert issues.count() == 17
    first = issues.first.locator("td")
    assert [first.nth(i).inner_text() for i in (0, 1, 3)] == ["RKT", "D4", "120%"]
    flagged = page.locator("table.grid td.error").first
    assert flagged.inner_text().startswith("120%")
    assert "di luar rentang" in flagged.get_attribute("title")
    assert page.url == address + "/"  # the page stayed; the files are still chosen
    shot(page, "periksa-berkas")
    with page.expect_download() as download:
        page.get_by_text("Unduh salinan bertanda").click()
    saved = tmp_path / download.value.suggested_filename
    download.value.save_as(saved)
    assert saved.name == "KPU Kabupaten Balangan - RKT 2024 (diperiksa).xlsx"
    copy = openpyxl.load_workbook(saved)
    assert copy.sheetnames[0] == "Masalah" and copy["RKT"]["D4"].comment is not None
    texts = [str(c.value) for row in copy["Masalah"].iter_rows() for c in row if c.value]
    assert any("KPU Kabupaten Balangan - RKT 2024.xlsx" in t for t in texts)  # the real name


def test_while_checking_the_button_is_disabled_and_says_so(server, page):
    address, _folder, _key = server
    page.goto(address + "/")
    assert check_and_wait(page, FAULTY) == [True, "Memeriksa…", "true"]
    button = page.locator("#submit")
    assert button.inner_text() == "Periksa" and button.is_enabled()
    page.goto(address + "/?lang=en")
    assert check_and_wait(page, BANJARMASIN) == [True, "Checking…", "true"]


def test_the_results_survive_the_language_toggle(server, page):
    address, _folder, _key = server
    page.goto(address + "/")
    check_and_wait(page, FAULTY)
    assert page.locator("#results .status.fix").inner_text() == "Perlu perbaikan"
    page.get_by_role("link", name="English").click()
    wait_until(page, "document.documentElement.lang === 'en'")
    page.wait_for_selector("#results section.file")
    assert page.locator("#results .status.fix").inner_text() == "Needs fixing"
    assert page.locator("table.issues tbody tr").count() == 17
    assert "is outside the valid range" in page.locator("table.issues").inner_text()
    assert page.locator("#submit").inner_text() == "Check"
    shot(page, "periksa-berkas-en")
    page.get_by_role("link", name="Bahasa Indonesia").click()  # and back, the files kept
    wait_until(page, "document.documentElement.lang === 'id'")
    page.wait_for_selector("#results .status.fix")
    assert page.locator("#results .status.fix").inner_text() == "Perlu perbaikan"


def test_a_hostile_file_gets_a_message_and_the_page_still_works(server, page, tmp_path):
    address, _folder, _key = server
    bomb = tmp_path / "bom-zip.xlsx"
    next(c for c in CASES if c.name == "bom-zip.xlsx").build(bomb)
    page.goto(address + "/?lang=en")
    check_and_wait(page, bomb)
    assert page.locator(".status.unreadable").inner_text() == "Unreadable"
    assert "as in a zip bomb" in page.locator("table.issues").inner_text()
    check_and_wait(page, BANJARMASIN)
    assert page.locator(".status.ready").inner_text() == "Ready"


# --- for people: a phone, the keyboard, errors ------------------------------------------------------


@pytest.mark.parametrize("lang", ["id", "en"])
def test_the_page_fits_a_phone(server, phone, lang):
    address, _folder, _key = server
    phone.goto(f"{address}/?lang={lang}")
    check_and_wait(phone, FAULTY)
    width = phone.evaluate("document.documentElement.scrollWidth")
    assert width <= PHONE["width"]  # nothing sticks out: the tables scroll in their own box
    box = phone.locator("#submit").bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"]
    wrap = phone.locator("table.issues").locator("xpath=..")
    assert wrap.evaluate("e => getComputedStyle(e).overflowX") == "auto"
    shot(phone, f"periksa-berkas-390-{lang}")
    phone.goto(f"{address}/kiriman?lang={lang}")
    assert phone.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    shot(phone, f"kiriman-390-{lang}")


def test_cell_messages_and_the_sheet_are_reached_by_keyboard(server, phone):
    address, _folder, _key = server
    phone.goto(address + "/")
    check_and_wait(phone, FAULTY)
    link = phone.locator("table.issues tbody tr").first.locator("td.cell a")
    link.focus()
    phone.keyboard.press("Enter")
    focused = phone.evaluate("[document.activeElement.tagName, document.activeElement.className]")
    assert focused == ["TD", "error"]
    note = phone.locator("td.error:focus .cell-note")
    assert note.is_visible() and "di luar rentang" in note.inner_text()
    wrap = phone.locator(".grid-wrap").first
    wrap.focus()
    assert wrap.evaluate("e => e.scrollHeight > e.clientHeight")  # taller than its box
    phone.keyboard.press("End")  # the sheet scrolls by keyboard
    wait_until(phone, "document.querySelector('.grid-wrap').scrollTop > 100", 5)
    phone.keyboard.press("Home")
    wait_until(phone, "document.querySelector('.grid-wrap').scrollTop === 0", 5)
    phone.keyboard.press("Tab")
    assert phone.evaluate("document.activeElement.className") in ("error", "warning")
    assert phone.locator("td:focus .cell-note").is_visible()


def test_an_error_page_speaks_the_page_language_and_leads_back(server, page, tmp_path):
    address, folder, _key = server
    pdf = tmp_path / "laporan.pdf"
    pdf.write_bytes(b"%PDF-1.7\n1 0 obj << >> endobj\n%%EOF\n")
    page.goto(address + "/kiriman?lang=en")
    page.set_input_files("#files", str(pdf))
    with page.expect_navigation():
        page.get_by_role("button", name="Upload submissions").click()
    assert page.locator("html").get_attribute("lang") == "en"
    message = page.locator(".error-message").inner_text()
    assert "laporan.pdf is not an Excel or Calc workbook" in message
    shot(page, "galat-en")
    page.get_by_role("link", name="Back").click()
    assert page.url.startswith(address + "/kiriman")
    assert not (folder / "laporan.pdf").exists() and not (folder / "laporan.pdf.xlsx").exists()


# --- an office's key, in a link -------------------------------------------------------------------


def test_an_office_opens_its_link_and_sees_only_its_own(server, page):
    address, _folder, key = server
    page.goto(f"{address}/kiriman?token={key}")
    assert page.url == address + "/kiriman"  # the key left the address
    assert "token" not in page.evaluate("document.location.href")
    cookies = {c["name"]: c for c in page.context.cookies()}
    assert cookies["kinerja_token"]["httpOnly"] and cookies["kinerja_token"]["value"] == key
    assert page.locator("h1").inner_text().endswith("KPU Kota Banjarmasin 2024")
    assert page.locator("table.status-table tbody tr").count() == 1
    assert page.get_by_text("Unduh buku kerja konsolidasi").count() == 0
    page.set_input_files("#files", str(BANJARMASIN))
    with page.expect_navigation():
        page.get_by_role("button", name="Unggah kiriman").click()
    assert "1 berkas disimpan." in page.locator("main").inner_text()
    history = page.locator("table.history tbody tr")
    assert history.count() == 1 and "Berlaku" in history.first.inner_text()
    shot(page, "kiriman-satker")
    page.goto(address + "/")
    check_and_wait(page, FAULTY)  # another office's workbook: refused, naming both
    alert = page.locator("#results .error-message").inner_text()
    assert "KPU Kabupaten Balangan" in alert and "KPU Kota Banjarmasin" in alert
    page.goto(address + "/keluar")


def test_the_province_sees_the_offices_and_downloads_the_consolidated_workbook(
    server, page, tmp_path
):
    address, _folder, _key = server
    page.goto(address + "/kiriman")
    offices = page.locator("table.status-table tbody tr")
    assert offices.count() == 14  # KPU Provinsi Kalimantan Selatan and its 13 offices
    assert offices.first.locator("td").nth(1).inner_text() == "KPU Provinsi Kalimantan Selatan"
    banjarmasin = page.locator("table.status-table tr", has_text="KPU Kota Banjarmasin")
    assert banjarmasin.locator("td.status.ready").count() == 3  # RKT KPU, Sekretariat, Anggaran
    shot(page, "kiriman")
    page.locator("table.status-table tr", has_text="KPU Kabupaten Balangan").get_by_text(
        "Perlu perbaikan"
    ).first.click()
    assert page.locator("#berkas table.issues tbody tr").count() == 17
    with page.expect_download() as download:
        page.get_by_text("Unduh buku kerja konsolidasi").click()
    saved = tmp_path / "konsolidasi.xlsx"
    download.value.save_as(saved)
    assert openpyxl.load_workbook(saved).sheetnames[:3] == ["Ringkasan", "Status Kiriman", "RKT"]
    page.goto(address + "/kiriman?lang=en")
    shot(page, "kiriman-en")


# --- a page on another site posting into the inbox -------------------------------------------------

HOSTILE = """<!doctype html><html><body>
<form id="f" method="post" enctype="multipart/form-data" action="{target}/kiriman">
  <input type="file" name="files" id="files">
</form>
<script>
  const bytes = Uint8Array.from(atob("{data}"), c => c.charCodeAt(0));
  const file = new File([bytes], "KPU Kota Banjarmasin - RKT 2024 palsu.xlsx");
  const form = new FormData();
  form.append("files", file);
  window.fetchDone = fetch("{target}/api/kiriman", {{method: "POST", body: form, mode: "no-cors",
                                                   credentials: "include"}})
    .then(() => "sent", () => "failed");
  window.submitForm = () => {{
    const transfer = new DataTransfer();
    transfer.items.add(file);
    document.getElementById("files").files = transfer.files;
    document.getElementById("f").submit();
  }};
</script></body></html>"""


@pytest.fixture
def hostile_site(server, tmp_path):
    """Another web server on this computer (another port: the same site, another origin), whose
    page posts a forged workbook into the inbox, with a plain fetch and with a plain form."""
    address, _folder, _key = server
    data = base64.b64encode(BANJARMASIN.read_bytes()).decode()
    (tmp_path / "index.html").write_text(HOSTILE.format(target=address, data=data))

    class Quiet(http.server.SimpleHTTPRequestHandler):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, directory=str(tmp_path), **kwargs)

        def log_message(self, *args):
            pass

    site = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Quiet)
    threading.Thread(target=site.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{site.server_address[1]}/index.html"
    site.shutdown()


def test_a_page_on_another_site_cannot_post_into_the_inbox(server, page, hostile_site):
    address, folder, _key = server
    before = sorted(p.name for p in folder.iterdir())
    recorded = len(Inbox(folder).history())
    with page.expect_request(lambda r: r.url.endswith("/api/kiriman")) as sent:
        page.goto(hostile_site)  # the browser sends it: no preflight for a form's body
    assert sent.value.method == "POST"
    assert page.evaluate("window.fetchDone") == "failed"  # and the page reads nothing
    with page.expect_navigation():
        page.evaluate("window.submitForm()")
    assert page.url.startswith(address + "/kiriman")
    assert "Permintaan dari situs lain ditolak" in page.locator(".error-message").inner_text()
    assert sorted(p.name for p in folder.iterdir()) == before  # nothing filed, nothing recorded
    assert len(Inbox(folder).history()) == recorded


# --- the web's defences, as a browser meets them -----------------------------------------------

FRAMING = """<!doctype html><html><body>
<iframe id="f" src="{target}/kiriman" width="600" height="400"></iframe>
</body></html>"""


def test_another_site_cannot_frame_the_page(server, page, tmp_path):
    """A page on another site that frames Kiriman (to trick a click) gets an empty frame."""
    address, _folder, _key = server
    (tmp_path / "frame.html").write_text(FRAMING.format(target=address))

    class Quiet(http.server.SimpleHTTPRequestHandler):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, directory=str(tmp_path), **kwargs)

        def log_message(self, *args):
            pass

    site = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Quiet)
    threading.Thread(target=site.serve_forever, daemon=True).start()
    try:
        with page.expect_response(lambda r: r.url.startswith(address + "/kiriman")) as framed:
            page.goto(f"http://127.0.0.1:{site.server_address[1]}/frame.html")
        assert "frame-ancestors 'none'" in framed.value.headers["content-security-policy"]
        time.sleep(0.5)
        inner = next(f for f in page.frames if f is not page.main_frame)
        assert "Kiriman" not in inner.content() and inner.locator("table").count() == 0
    finally:
        site.shutdown()


def test_a_rebinding_name_gets_nothing(server, browser):
    """DNS rebinding: a name the server does not serve (here mapped to 127.0.0.1 by the
    browser's resolver, as a rebinding DNS server would) gets 400 and no data, in every page."""
    address, _folder, _key = server
    port = address.rsplit(":", 1)[1]
    rules = "--host-resolver-rules=MAP rebind.example 127.0.0.1"
    rebound = browser.browser_type.launch(
        executable_path=CHROMIUM, headless=True, args=[*ARGS, rules]
    )
    try:
        opened = rebound.new_page()
        for path in ("/kiriman", "/api/riwayat", "/"):
            answer = opened.goto(f"http://rebind.example:{port}{path}")
            assert answer.status == 400, path
            text = opened.locator("body").inner_text()
            assert "tidak melayani alamat 'rebind.example'" in text
            assert "KPU Kota Banjarmasin" not in text and "submissions" not in text
        answer = opened.goto(f"http://localhost:{port}/")  # the names it serves: served
        assert answer.status == 200
    finally:
        rebound.close()


def test_a_crowd_trickling_headers_does_not_keep_a_person_out(page, tmp_path):
    """`kinerja-xl serve` where a process may open 1,024 files (a common default), and 1,100
    connections trickling their headers: the page opens and a check answers as usual, for a
    person in the browser (without the connection limit the server ran out of files and
    refused everyone)."""
    import resource
    import subprocess
    import sys
    import urllib.request

    def files_1024() -> None:
        resource.setrlimit(
            resource.RLIMIT_NOFILE, (1024, resource.getrlimit(resource.RLIMIT_NOFILE)[1])
        )

    port = str(free_port())
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "kinerja_xl",
            "serve",
            str(tmp_path),
            "--port",
            port,
            "--workers",
            "1",
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        cwd=ROOT,
        preexec_fn=files_1024,
    )
    address = f"http://127.0.0.1:{port}"
    crowd = None
    try:
        deadline = time.monotonic() + 90
        while True:
            try:
                urllib.request.urlopen(address + "/", timeout=2).read()
                break
            except OSError:
                assert time.monotonic() < deadline, "the server did not start"
                time.sleep(0.2)
        crowd = subprocess.Popen(
            [sys.executable, str(ROOT / "tests" / "trickle_crowd.py"), port, "1100"],
            stdout=subprocess.PIPE,
            text=True,
        )
        assert int(crowd.stdout.readline()) == 1100
        started = time.monotonic()
        page.goto(address + "/")
        check_and_wait(page, FAULTY)
        took = time.monotonic() - started
        assert page.locator("table.issues tbody tr").count() == 17
        assert took < 8, took  # the headers' deadline is 10 s: no waiting for it
    finally:
        if crowd is not None:
            crowd.kill()
            crowd.wait()
        server.terminate()
        _, log = server.communicate(timeout=30)
    assert "Traceback" not in log and "Too many open files" not in log


def test_an_upload_over_the_limit_is_said_in_the_browser(server, page, tmp_path):
    """A file over --max-upload-mb (20): the browser reads the 413 (no 'connection reset'),
    on the check page and from the Kiriman page's plain form, and nothing is filed."""
    address, folder, _key = server
    large = tmp_path / "KPU Kota Banjarmasin - RKT 2024 besar.xlsx"
    large.write_bytes(b"PK\x03\x04" + b"\0" * (24 * 1024 * 1024))
    page.goto(address + "/")
    check_and_wait(page, large)
    assert (
        "Unggahan terlalu besar: batasnya 20 MB"
        in page.locator("#results .error-message").inner_text()
    )
    shot(page, "periksa-terlalu-besar")
    page.goto(address + "/kiriman?lang=en")
    page.set_input_files("#files", str(large))
    with page.expect_navigation():
        page.get_by_role("button", name="Upload submissions").click()
    assert "The upload is too large" in page.locator(".error-message").inner_text()
    assert "20 MB" in page.locator(".error-message").inner_text()
    page.get_by_role("link", name="Back").click()
    assert page.url.startswith(address + "/kiriman")
    assert not any("besar" in p.name for p in folder.iterdir())


# --- an office's history, withdrawals, and what its key cannot do ----------------------------------


def test_an_office_withdraws_a_submission_and_cannot_download_the_province_workbook(
    server, page, tmp_path
):
    address, folder, key = server
    first = tmp_path / "KPU Kota Banjarmasin - RKT 2024 awal.xlsx"
    corrected = tmp_path / "KPU Kota Banjarmasin - RKT 2024 perbaikan.xlsx"
    page.goto(f"{address}/kiriman?token={key}")
    for path in (first, corrected):
        shutil.copy(BANJARMASIN, path)
        page.set_input_files("#files", str(path))
        with page.expect_navigation():
            page.get_by_role("button", name="Unggah kiriman").click()
        assert "1 berkas disimpan." in page.locator("main").inner_text()
    newest = page.locator("table.history tbody tr", has_text=corrected.name)
    number = newest.locator("td").first.inner_text()
    assert "Berlaku" in newest.inner_text()
    earlier = page.locator("table.history tbody tr", has_text=first.name)
    assert f"Digantikan oleh #{number}" in earlier.inner_text()
    with page.expect_navigation():
        page.get_by_role("button", name=f"Tarik kiriman #{number}").click()
    assert f"Kiriman #{number} ditarik" in page.locator("main").inner_text()
    assert "Ditarik" in page.locator("table.history tbody tr", has_text=corrected.name).inner_text()
    assert corrected.name in {p.name for p in folder.iterdir()}  # kept, on record
    shot(page, "kiriman-satker-ditarik")
    ledger = page.evaluate("fetch('/api/riwayat').then(r => r.json())")["submissions"]
    mine = {e["saved_as"]: e for e in ledger}
    assert {e["office"] for e in ledger} == {"KPU Kota Banjarmasin"}  # its own only
    entry = mine[corrected.name]
    assert entry["status"] == "withdrawn" and entry["by"] == "KPU Kota Banjarmasin #1"
    for name in ("office", "document", "year", "file", "saved_as", "sha256", "received_at"):
        assert entry[name], name
    answer = page.goto(address + "/konsolidasi.xlsx")
    assert answer.status == 403
    assert "hanya untuk provinsi" in page.locator(".error-message").inner_text()
    page.get_by_role("link", name="Kembali").click()
    assert page.url == address + "/"
    page.goto(address + "/keluar")


def test_a_revoked_key_is_refused_and_forgotten(server, page):
    address, folder, _key = server
    key, _ = Inbox(folder).make_key("KPU Kabupaten Tapin")
    page.goto(f"{address}/kiriman?token={key}")
    assert page.locator("h1").inner_text().endswith("KPU Kabupaten Tapin 2024")
    Inbox(folder).revoke("KPU Kabupaten Tapin")
    answer = page.goto(address + "/kiriman")
    assert answer.status == 403
    assert "tidak berlaku" in page.locator(".error-message").inner_text()
    assert "kinerja_token" not in {c["name"] for c in page.context.cookies()}


# --- throughput: a large file never holds up the others ---------------------------------------------


def test_a_large_file_sent_meanwhile_does_not_hold_up_a_small_check(server, page, tmp_path):
    """Another office sends a plan of 20,000 rows (seconds of work); a person checking an
    ordinary workbook meanwhile gets the answer before that one is done."""
    import http.client

    import xlsxwriter

    address, _folder, _key = server
    large = tmp_path / "RKT besar.xlsx"
    book = xlsxwriter.Workbook(str(large), {"constant_memory": True})
    sheet = book.add_worksheet("RKT")
    sheet.write_row(2, 0, ["No", "Sasaran Strategis", "Indikator Kinerja", "Target"])
    for i in range(20_000):
        sheet.write_row(3 + i, 0, [i + 1, f"Sasaran {i % 50}", f"Persentase layanan {i}", "90%"])
    book.close()
    head = b'--b\r\nContent-Disposition: form-data; name="files"; filename="RKT besar.xlsx"\r\n\r\n'
    body = head + large.read_bytes() + b"\r\n--b--\r\n"
    answered: list[int] = []

    def send_large() -> None:
        connection = http.client.HTTPConnection(address.removeprefix("http://"), timeout=300)
        connection.request(
            "POST", "/", body=body, headers={"Content-Type": "multipart/form-data; boundary=b"}
        )
        answered.append(connection.getresponse().status)

    other = threading.Thread(target=send_large)
    other.start()
    try:
        page.goto(address + "/")
        time.sleep(1)  # the large one is on the worker
        check_and_wait(page, FAULTY)
        assert page.locator("table.issues tbody tr").count() == 17
        assert other.is_alive() and not answered  # answered before the large one
    finally:
        other.join(timeout=300)
    assert answered == [200]
