"""The web pages as a person sees them, for the README: kinerja-xl serve over a copy of
sample_workbooks/, driven by Chromium (Playwright) at desktop width and at 390 px, in Bahasa
Indonesia and English.

    python docs/screenshots.py [OUT_FOLDER]      # default: out/screenshots/
    python docs/screenshots.py docs/img          # the README's pictures (web-*.png)

Needs Debian's `chromium` (apt-get install chromium) and the test extras (Playwright).
"""

from __future__ import annotations

import os
import shutil
import socket
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "sample_workbooks"
FAULTY = SAMPLES / "faulty" / "KPU Kabupaten Balangan - RKT 2024.xlsx"
ARGS = ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"]
DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 390, "height": 844}


def main(out: Path) -> int:
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if chromium is None:
        print("screenshots: chromium not found (apt-get install chromium)", file=sys.stderr)
        return 2
    import uvicorn
    from playwright.sync_api import sync_playwright

    from kinerja_xl.inbox import Inbox
    from kinerja_xl.web import ServeSettings, create_app
    from kinerja_xl.web.server import config

    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as work:
        os.chdir(work)  # the page names the folder as it was given: "kiriman"
        folder = Path("kiriman")
        folder.mkdir()
        for path in [*SAMPLES.glob("*.xls*"), *SAMPLES.glob("*.ods"), FAULTY]:
            shutil.copy(path, folder)
        key, _ = Inbox(folder).make_key("KPU Kota Banjarmasin")
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            port = probe.getsockname()[1]
        settings = ServeSettings(folder, port=port, province="Kalimantan Selatan", year=2024)
        server = uvicorn.Server(config(settings, create_app(settings)))
        thread = threading.Thread(target=server.run, daemon=True)
        thread.start()
        while not server.started:
            time.sleep(0.05)
        address = f"http://127.0.0.1:{port}"
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=chromium, args=ARGS)
            office = browser.new_context(viewport=DESKTOP).new_page()
            office.goto(f"{address}/kiriman?token={key}")
            office.set_input_files("#files", str(SAMPLES / "KPU Kota Banjarmasin - RKT 2024.xlsx"))
            with office.expect_navigation():
                office.click("#submit")
            for lang, suffix in (("id", ""), ("en", "-en")):
                for viewport, size in ((DESKTOP, ""), (PHONE, "-390")):
                    page = browser.new_context(viewport=viewport).new_page()
                    page.goto(f"{address}/?lang={lang}")
                    page.set_input_files("#files", str(FAULTY))
                    page.click("#submit")
                    page.wait_for_selector("#results section.file")
                    page.screenshot(path=str(out / f"web-periksa-berkas{size}{suffix}.png"))
                    page.goto(f"{address}/kiriman?lang={lang}")
                    page.screenshot(path=str(out / f"web-kiriman{size}{suffix}.png"))
                    page.context.close()
            office.screenshot(path=str(out / "web-kiriman-satker.png"))
            browser.close()
        server.should_exit = True
        thread.join(timeout=30)
    print(f"screenshots: {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "out" / "screenshots"))
