"""`kinerja-xl serve`: the routes, through Starlette's test client — what an office and the
province see, the HTTP API (the same JSON as the command line), and every safety point."""

from __future__ import annotations

import base64
import io
import json
import os
import re
import shutil
import tempfile
import threading
from pathlib import Path

import openpyxl
import pytest
from conftest import BANJARMASIN, SAMPLES, build_xlsx, digest
from corpus import CASES
from starlette.testclient import TestClient
from typer.testing import CliRunner

from kinerja_xl.cli import app as cli
from kinerja_xl.web import ServeSettings, create_app

FAULTY = SAMPLES / "faulty" / "KPU Kabupaten Balangan - RKT 2024.xlsx"
LOCAL = "http://127.0.0.1"
BY_NAME = {case.name: case for case in CASES}


def client(folder: Path | None = None, **options) -> TestClient:
    """The app in this process (checks in a thread, not on worker processes), reached as
    http://127.0.0.1, one of the names it serves."""
    options.setdefault("workers", 0)
    return TestClient(create_app(ServeSettings(folder=folder, **options)), base_url=LOCAL)


def upload(*paths: Path, names: list[str] | None = None) -> list:
    names = names or [p.name for p in paths]
    return [("files", (name, p.read_bytes())) for name, p in zip(names, paths, strict=True)]


@pytest.fixture
def inbox(tmp_path):
    folder = tmp_path / "kiriman"
    folder.mkdir()
    for path in (BANJARMASIN, FAULTY, SAMPLES / "KPU Kota Banjarbaru - IKU 2024.xlsx"):
        shutil.copy(path, folder)
    return folder


# --- Periksa berkas ----------------------------------------------------------------------


def test_the_check_page_shows_each_issue_at_its_cell_and_hands_back_the_marked_up_copy():
    page = client().post("/", files=upload(FAULTY))
    assert page.status_code == 200
    html = page.text
    assert "KPU Kabupaten Balangan" in html and "Perlu perbaikan" in html
    row = (
        r'<td class="cell"><a href="#([^"]+)">D4</a></td>\s*<td class="severity">kesalahan</td>'
        r'\s*<td class="value" data-label="Nilai">120%</td>'
    )
    linked = re.search(row, html)
    assert linked  # the issue's cell links to that cell in the sheet view
    flagged = re.search(r'<td class="error" id="([^"]+)" tabindex="0" title="([^"]*)"', html)
    assert flagged and flagged.group(2).startswith("Target &#39;120%&#39; di luar rentang")
    assert flagged.group(1) == linked.group(1)
    name, data = re.search(r'download="([^"]+)" href="data:[^;]+;base64,([^"]+)"', html).groups()
    assert name == "KPU Kabupaten Balangan - RKT 2024 (diperiksa).xlsx"
    copy = openpyxl.load_workbook(io.BytesIO(base64.b64decode(data)))
    assert copy.sheetnames[0] == "Masalah" and copy["RKT"]["D4"].fill.fgColor.rgb.endswith("FFC7CE")


def test_nothing_an_office_checks_is_kept(tmp_path, monkeypatch):
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    client().post("/", files=upload(FAULTY, BANJARMASIN))
    client().post("/api/check", files=upload(FAULTY))
    assert list(tmp_path.iterdir()) == []


def test_the_page_speaks_english_on_the_toggle_and_remembers_it():
    browser = client()
    page = browser.get("/?lang=en")
    assert "Check files" in page.text and page.cookies.get("kinerja_lang") == "en"
    result = browser.post("/", files=upload(FAULTY))
    assert "Needs fixing" in result.text and "is outside the valid range" in result.text


def test_api_check_answers_what_check_format_json_prints(tmp_path, monkeypatch):
    names = ["RKT Balangan.xlsx", "RKT Banjarmasin.xlsx"]
    answer = client().post("/api/check", files=upload(FAULTY, BANJARMASIN, names=names))
    assert answer.status_code == 200
    for name, source in zip(names, (FAULTY, BANJARMASIN), strict=True):
        shutil.copy(source, tmp_path / name)
    monkeypatch.chdir(tmp_path)
    printed = CliRunner().invoke(cli, ["check", *names, "--format", "json"])
    assert answer.json() == json.loads(printed.stdout)


def test_an_office_text_shaped_like_html_is_shown_as_text(tmp_path):
    path = build_xlsx(
        tmp_path / "x.xlsx",
        {
            "RKT": [
                ["No", "Sasaran", "Indikator Kinerja", "Target"],
                ["1", "<b>S</b>", "<script>alert(1)</script>", "<i>9</i>"],
            ]
        },
    )
    html = client().post("/", files=upload(path)).text
    assert "<script>alert(1)</script>" not in html and "<b>S</b>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_the_check_page_says_when_the_file_name_names_another_office(tmp_path):
    """Banjarmasin's workbook sent as Banjarbaru's: the office is the title's, and the page says
    what the file name says instead."""
    names = ["KPU Kota Banjarbaru - RKT 2024.xlsx"]
    html = client().post("/", files=upload(BANJARMASIN, names=names)).text
    assert "KPU Kota Banjarmasin" in html
    assert "(nama berkas menyebut KPU Kota Banjarbaru: periksa judul atau nama berkasnya)" in html


# --- Kiriman -----------------------------------------------------------------------------


def test_the_kiriman_page_shows_the_offices_and_links_each_to_its_issues(inbox):
    browser = client(inbox, province="Kalimantan Selatan", year=2024)
    page = browser.get("/kiriman").text
    rows = re.findall(r"<tr>\s*<td>(63\.\d\d)</td>\s*<td>([^<]+)</td>", page)
    assert len(rows) == 13 and rows[-1] == ("63.72", "KPU Kota Banjarbaru")
    balangan = page[page.index("KPU Kabupaten Balangan") :]
    assert 'class="status fix"' in balangan.split("</tr>")[0]
    link = re.search(r'href="(\?berkas=[^"]*Balangan[^"]*)"', page).group(1)
    issues = browser.get("/kiriman" + link.replace("&amp;", "&")).text
    assert "Masalah di KPU Kabupaten Balangan - RKT 2024.xlsx" in issues and ">D4<" in issues


def test_a_submission_is_filed_into_the_folder_under_a_safe_name(inbox):
    browser = client(inbox)
    names = ["../../../etc/passwd.xlsx", "..\\..\\jahat.xlsx", "~$kunci.xlsx", ".tersembunyi"]
    answer = browser.post("/api/kiriman", files=upload(*[BANJARMASIN] * 4, names=names))
    assert answer.status_code == 200
    saved = [f["saved_as"] for f in answer.json()["files"]]
    assert saved == ["passwd.xlsx", "jahat.xlsx", "_kunci.xlsx", "tersembunyi.xlsx"]
    for name in saved:
        assert digest(inbox / name) == digest(BANJARMASIN)
    assert not (inbox.parent / "jahat.xlsx").exists() and not Path("/etc/passwd.xlsx").exists()
    assert [f["path"] for f in answer.json()["files"]] == names
    again = browser.post("/api/kiriman", files=upload(BANJARMASIN, names=["passwd.xlsx"]))
    assert again.json()["files"][0]["saved_as"] == "passwd (2).xlsx"  # never over another file


def test_the_html_upload_files_into_the_folder_and_the_newest_supersedes(inbox):
    browser = client(inbox, province="Kalimantan Selatan")
    page = browser.post("/kiriman", files=upload(BANJARMASIN, names=["Banjarmasin perbaikan.xlsx"]))
    assert page.status_code == 200 and "1 berkas disimpan." in page.text
    assert (inbox / "Banjarmasin perbaikan.xlsx").exists()
    workbook = browser.get("/konsolidasi.xlsx")
    book = openpyxl.load_workbook(io.BytesIO(workbook.content))
    rows = book["Ringkasan"].iter_rows(values_only=True)
    header = next(rows)
    statuses = {row[1]: row[header.index("Status")] for row in rows}
    assert statuses["Banjarmasin perbaikan.xlsx"] == "Siap"
    assert statuses["KPU Kota Banjarmasin - RKT 2024.xlsx"] == "Digantikan"


def test_the_consolidated_workbook_downloads(inbox):
    answer = client(inbox, province="Kalimantan Selatan", year=2024).get("/konsolidasi.xlsx")
    assert answer.status_code == 200
    assert (
        'filename="Konsolidasi-Kalimantan-Selatan-2024.xlsx"'
        in answer.headers["content-disposition"]
    )
    book = openpyxl.load_workbook(io.BytesIO(answer.content))
    assert book.sheetnames[:2] == ["Ringkasan", "Status Kiriman"]
    assert [p.name for p in inbox.iterdir() if p.name.startswith(".")] == []


def test_without_a_folder_there_is_no_kiriman():
    assert client().get("/kiriman").status_code == 404
    assert client().post("/api/kiriman", files=upload(BANJARMASIN)).status_code == 404


# --- safety -------------------------------------------------------------------------------


def test_beyond_this_computer_every_request_needs_the_token(inbox):
    settings = ServeSettings(folder=inbox, host="0.0.0.0", workers=0)
    assert settings.token  # made up when none was given
    browser = TestClient(create_app(settings), base_url=LOCAL)
    assert browser.get("/").status_code == 401
    assert browser.get("/static/style.css").status_code == 401
    assert browser.post("/api/check", files=upload(BANJARMASIN)).status_code == 401
    assert browser.get("/konsolidasi.xlsx").status_code == 401
    assert browser.get("/?token=salah").status_code == 403
    assert browser.get("/", headers={"Authorization": "Bearer salah"}).status_code == 403
    first = browser.get(f"/?token={settings.token}")
    assert first.status_code == 200 and browser.cookies.get("kinerja_token") == settings.token
    assert browser.get("/kiriman").status_code == 200  # the cookie now
    other = TestClient(create_app(settings), base_url=LOCAL)
    bearer = {"Authorization": f"Bearer {settings.token}"}
    assert other.post("/api/check", files=upload(BANJARMASIN), headers=bearer).status_code == 200


def test_on_this_computer_no_token_is_asked():
    settings = ServeSettings(workers=0)
    assert settings.token is None
    assert TestClient(create_app(settings), base_url=LOCAL).get("/").status_code == 200


def test_an_upload_over_the_limit_gets_413_and_a_clear_message(inbox):
    big = ("files", ("besar.xlsx", b"PK\x03\x04" + os.urandom(1024 * 1024 + 10)))
    browser = client(inbox, max_upload_mb=1)
    answer = browser.post("/api/check", files=[big])
    assert answer.status_code == 413 and "batasnya 1 MB" in answer.json()["error"]
    page = browser.post("/kiriman", files=[big])
    assert page.status_code == 413 and "batasnya 1 MB sekali kirim" in page.text
    assert "--max-upload-mb" not in page.text and 'href="/kiriman"' in page.text  # a way back
    assert sorted(p.name for p in inbox.iterdir()) == sorted(
        [BANJARMASIN.name, FAULTY.name, "KPU Kota Banjarbaru - IKU 2024.xlsx"]
    )


def test_an_upload_without_a_length_is_cut_at_the_limit():
    import asyncio

    application = create_app(ServeSettings(max_upload_mb=1, workers=0))
    head = b'--x\r\nContent-Disposition: form-data; name="files"; filename="a.xlsx"\r\n\r\n'
    chunks = [b"x" * 65536] * 40 + [
        head
    ]  # 2.5 MB, announced by no Content-Length (popped last first)
    sent: list[dict] = []

    async def receive():
        return {
            "type": "http.request",
            "body": chunks.pop() if chunks else b"",
            "more_body": bool(chunks),
        }

    async def send(message):
        sent.append(message)

    scope = {
        "type": "http",
        "method": "POST",
        "path": "/api/check",
        "raw_path": b"/api/check",
        "query_string": b"",
        "headers": [
            (b"host", b"127.0.0.1"),
            (b"content-type", b"multipart/form-data; boundary=x"),
        ],
        "scheme": "http",
        "server": ("testserver", 80),
        "client": ("test", 1),
        "root_path": "",
        "http_version": "1.1",
    }
    asyncio.run(application(scope, receive, send))
    assert sent[0]["type"] == "http.response.start" and sent[0]["status"] == 413


@pytest.mark.parametrize("name", ["bom-zip.xlsx", "bom-xml.xlsx", "xlsb-sel-XFD1048576.xlsb"])
def test_a_hostile_upload_is_unreadable_quickly_and_the_server_keeps_serving(tmp_path, name):
    path = tmp_path / name
    BY_NAME[name].build(path)
    browser = client()
    answer = browser.post("/api/check", files=upload(path))
    (entry,) = answer.json()["files"]
    assert entry["readable"] is False and entry["issues"][0]["code"] == "file-unreadable"
    page = browser.post("/", files=upload(path, BANJARMASIN))
    assert (
        page.status_code == 200
        and "Tidak terbaca" in page.text
        and "KPU Kota Banjarmasin" in page.text
    )


def test_two_uploads_at_once_leave_the_folder_consistent(inbox):
    browser = client(inbox)
    errors: list[BaseException] = []

    def send(index: int) -> None:
        try:
            answer = browser.post("/api/kiriman", files=upload(BANJARMASIN, names=["RKT.xlsx"]))
            assert answer.status_code == 200
        except BaseException as exc:  # noqa: BLE001 (handed to the main thread)
            errors.append(exc)

    threads = [threading.Thread(target=send, args=(i,)) for i in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    filed = sorted(p.name for p in inbox.iterdir() if p.name.startswith("RKT"))
    assert filed == sorted(["RKT.xlsx"] + [f"RKT ({n}).xlsx" for n in range(2, 9)])
    assert {digest(inbox / name) for name in filed} == {digest(BANJARMASIN)}
    assert [p for p in inbox.iterdir() if p.name.startswith(".")] == []


def test_a_crash_mid_upload_leaves_no_partial_file(inbox, monkeypatch):
    from kinerja_xl.inbox import filing

    def half(source, target, *args, **kwargs):
        Path(target).write_bytes(b"PK\x03\x04 half")
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(filing.shutil, "copyfile", half)
    before = sorted(p.name for p in inbox.iterdir())
    with pytest.raises(OSError):
        client(inbox).post("/api/kiriman", files=upload(BANJARMASIN, names=["baru.xlsx"]))
    assert sorted(p.name for p in inbox.iterdir()) == before


def test_a_bounded_load_on_loopback_loses_nothing():
    """8 clients × 6 uploads of the sample workbooks to a real server (benchmarks/serve_load.py
    runs the full 8 × 50 and reports the time per check)."""
    import sys

    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))
    from serve_load import run

    result = run(clients=8, uploads=6)
    assert result["errors"] == [] and result["lost_or_partial"] == [] and result["leftovers"] == []
    assert result["unrecorded"] == []  # every file filed is in the ledger, with its sha256
    assert result["filed"] == result["files_in_folder"] == 24
