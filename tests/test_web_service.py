"""The submission service through its routes (Starlette's test client): offices' keys, the
ledger's history, and the web's defences — other sites, other Host names, security headers,
slow and heavy uploads, error pages a person can read. The same points against a real server
are in test_web_server.py, and in a browser in test_browser.py."""

from __future__ import annotations

import asyncio
import hashlib
import io
import re
import shutil
from pathlib import Path

import openpyxl
import pytest
from conftest import BANJARBARU, BANJARMASIN, SAMPLES
from starlette.testclient import TestClient
from typer.testing import CliRunner

from kinerja_xl.cli import app as cli
from kinerja_xl.inbox import Inbox
from kinerja_xl.web import Limits, ServeSettings, create_app

FAULTY = SAMPLES / "faulty" / "KPU Kabupaten Balangan - RKT 2024.xlsx"
LOCAL = "http://127.0.0.1"
PROVINCE_KEY = "kunci-provinsi-uji-0123456789"


def client(folder: Path | None = None, base_url: str = LOCAL, **options) -> TestClient:
    options.setdefault("workers", 0)
    return TestClient(create_app(ServeSettings(folder=folder, **options)), base_url=base_url)


def upload(*paths: Path, names: list[str] | None = None) -> list:
    names = names or [p.name for p in paths]
    return [("files", (name, p.read_bytes())) for name, p in zip(names, paths, strict=True)]


def bearer(key: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {key}"}


@pytest.fixture
def inbox(tmp_path) -> Path:
    folder = tmp_path / "kiriman"
    folder.mkdir()
    return folder


@pytest.fixture
def keys(inbox) -> dict[str, str]:
    """Two offices' keys, made as the province makes them."""
    made = {}
    for office in ("KPU Kota Banjarmasin", "KPU Kabupaten Balangan"):
        result = CliRunner().invoke(cli, ["token", str(inbox), "--office", office])
        assert result.exit_code == 0
        made[office] = result.stdout.strip()
    return made


@pytest.fixture
def service(inbox) -> TestClient:
    """The service as a province runs it on its network: its own key required."""
    return client(inbox, token=PROVINCE_KEY, province="Kalimantan Selatan", year=2024)


# --- keys per office, one for the province ------------------------------------------------------


def test_an_office_key_files_its_own_workbook_and_the_ledger_records_it(service, inbox, keys):
    key = keys["KPU Kota Banjarmasin"]
    answer = service.post("/api/kiriman", files=upload(BANJARMASIN), headers=bearer(key))
    assert answer.status_code == 200
    (filed,) = answer.json()["files"]
    assert filed["office"] == "KPU Kota Banjarmasin" and filed["saved_as"] == BANJARMASIN.name
    assert (inbox / BANJARMASIN.name).read_bytes() == BANJARMASIN.read_bytes()
    history = service.get("/api/riwayat", headers=bearer(key)).json()["submissions"]
    (entry,) = history
    assert {k: entry[k] for k in ("office", "document", "year", "file", "saved_as", "status")} == {
        "office": "KPU Kota Banjarmasin",
        "document": "RKT",
        "year": 2024,
        "file": BANJARMASIN.name,
        "saved_as": BANJARMASIN.name,
        "status": "current",
    }
    assert entry["sha256"] == hashlib.sha256(BANJARMASIN.read_bytes()).hexdigest()
    assert entry["by"] == "KPU Kota Banjarmasin #1" and entry["received_at"]


@pytest.mark.parametrize("route", ["/api/kiriman", "/api/check"])
def test_an_office_key_gets_403_for_another_office_workbook_naming_both(
    service, inbox, keys, route
):
    key = keys["KPU Kota Banjarmasin"]
    answer = service.post(route, files=upload(FAULTY), headers=bearer(key))
    assert answer.status_code == 403
    error = answer.json()["error"]
    assert "KPU Kabupaten Balangan" in error and "KPU Kota Banjarmasin" in error
    assert [p.name for p in inbox.glob("*.xlsx")] == []
    assert service.get("/api/riwayat").status_code == 401  # and the history needs a key
    assert service.get("/api/riwayat", headers=bearer(PROVINCE_KEY)).json()["submissions"] == []


def test_an_office_key_cannot_download_the_province_workbook(service, inbox, keys):
    shutil.copy(BANJARMASIN, inbox)
    office = service.get("/konsolidasi.xlsx", headers=bearer(keys["KPU Kota Banjarmasin"]))
    assert office.status_code == 403 and "hanya untuk provinsi" in office.text
    province = service.get("/konsolidasi.xlsx", headers=bearer(PROVINCE_KEY))
    assert province.status_code == 200
    assert openpyxl.load_workbook(io.BytesIO(province.content)).sheetnames[0] == "Ringkasan"


def test_an_office_sees_only_its_own_status_and_history(service, inbox, keys):
    for office, path in (("KPU Kota Banjarmasin", BANJARMASIN), ("KPU Kabupaten Balangan", FAULTY)):
        answer = service.post("/api/kiriman", files=upload(path), headers=bearer(keys[office]))
        assert answer.status_code == 200
    mine = service.get("/api/riwayat", headers=bearer(keys["KPU Kabupaten Balangan"])).json()
    assert [e["office"] for e in mine["submissions"]] == ["KPU Kabupaten Balangan"]
    page = service.get("/kiriman", headers=bearer(keys["KPU Kabupaten Balangan"])).text
    assert "KPU Kabupaten Balangan" in page and "Banjarmasin" not in page
    assert "konsolidasi.xlsx" not in page
    rows = re.findall(r"<tr>\s*<td>(63\.\d\d)</td>", page)
    assert rows == ["63.11"]
    other = service.get(
        f"/kiriman?berkas={BANJARMASIN.name}", headers=bearer(keys["KPU Kabupaten Balangan"])
    )
    assert other.status_code == 403
    everything = service.get("/api/riwayat", headers=bearer(PROVINCE_KEY)).json()["submissions"]
    assert [e["office"] for e in everything] == ["KPU Kota Banjarmasin", "KPU Kabupaten Balangan"]
    province_page = service.get("/kiriman", headers=bearer(PROVINCE_KEY)).text
    assert len(re.findall(r"<tr>\s*<td>(63\.\d\d)</td>", province_page)) == 13
    assert "konsolidasi.xlsx" in province_page


def test_a_revoked_key_is_refused(service, inbox, keys):
    key = keys["KPU Kota Banjarmasin"]
    assert service.get("/", headers=bearer(key)).status_code == 200
    CliRunner().invoke(cli, ["token", str(inbox), "--office", "63.71", "--revoke"])
    refused = service.get("/", headers=bearer(key))
    assert refused.status_code == 403 and "sudah dicabut" in refused.text


def test_a_link_carries_the_key_once_then_a_cookie_and_the_address_is_cleaned(service, keys):
    key = keys["KPU Kota Banjarmasin"]
    first = service.get(f"/kiriman?token={key}&lang=en", follow_redirects=False)
    assert first.status_code == 303 and first.headers["location"] == "/kiriman?lang=en"
    cookie = first.headers["set-cookie"]
    assert f"kinerja_token={key}" in cookie and "HttpOnly" in cookie and "SameSite=lax" in cookie
    after = service.get("/kiriman?lang=en")  # the cookie alone, from now on
    assert after.status_code == 200 and "Submissions — KPU Kota Banjarmasin" in after.text
    assert key not in after.text
    forgotten = service.get("/keluar", follow_redirects=False)
    assert forgotten.status_code == 303 and 'kinerja_token=""' in forgotten.headers["set-cookie"]


def test_without_a_key_on_this_computer_everything_is_open_but_an_office_key_still_limits(
    inbox, keys
):
    browser = client(inbox)
    assert browser.get("/api/riwayat").status_code == 200
    limited = browser.post(
        "/api/kiriman", files=upload(FAULTY), headers=bearer(keys["KPU Kota Banjarmasin"])
    )
    assert limited.status_code == 403
    assert browser.get("/", headers=bearer("salah")).status_code == 403


# --- the ledger: every upload kept, arrival decides, withdrawals are entries --------------------


def test_every_upload_is_kept_and_the_later_arrival_is_current(service, inbox):
    """An older file named '(revisi)' and a corrected one sent after it: the later arrival is
    current in the history, in Status Kiriman and in the workbook (it was the other way)."""
    names = ["Banjarmasin RKT (revisi).xlsx", "Banjarmasin RKT.xlsx"]
    for name in names:
        answer = service.post(
            "/api/kiriman", files=upload(BANJARMASIN, names=[name]), headers=bearer(PROVINCE_KEY)
        )
        assert answer.status_code == 200
    history = service.get("/api/riwayat", headers=bearer(PROVINCE_KEY)).json()["submissions"]
    assert [(e["saved_as"], e["status"]) for e in history] == [
        (names[0], "superseded"),
        (names[1], "current"),
    ]
    assert history[0]["superseded_by"] == history[1]["id"]
    assert history[0]["by"] == history[1]["by"] == "provinsi"
    book = openpyxl.load_workbook(
        io.BytesIO(service.get("/konsolidasi.xlsx", headers=bearer(PROVINCE_KEY)).content)
    )
    rows = book["Ringkasan"].iter_rows(values_only=True)
    header = next(rows)
    statuses = {row[1]: row[header.index("Status")] for row in rows if row[1] in names}
    assert statuses == {names[0]: "Digantikan", names[1]: "Siap"}
    assert sorted(p.name for p in inbox.glob("*.xlsx")) == sorted(names)  # both kept


def test_the_kiriman_page_shows_each_office_history_and_withdraws(service, inbox, keys):
    key = keys["KPU Kota Banjarmasin"]
    for name in ("v1.xlsx", "v2.xlsx"):
        service.post("/api/kiriman", files=upload(BANJARMASIN, names=[name]), headers=bearer(key))
    page = service.get("/kiriman", headers=bearer(key)).text
    assert "Riwayat kiriman" in page and "Digantikan oleh #2" in page and "Berlaku" in page
    assert page.count('action="/kiriman/tarik"') == 2
    withdrawn = service.post("/kiriman/tarik", data={"id": "2"}, headers=bearer(key))
    assert withdrawn.status_code == 200 and "Kiriman #2 ditarik" in withdrawn.text
    history = service.get("/api/riwayat", headers=bearer(key)).json()["submissions"]
    assert [(e["saved_as"], e["status"]) for e in history] == [
        ("v1.xlsx", "current"),
        ("v2.xlsx", "withdrawn"),
    ]
    assert (inbox / "v2.xlsx").is_file()
    other = keys["KPU Kabupaten Balangan"]
    assert service.post("/api/riwayat/1/tarik", headers=bearer(other)).status_code == 403
    book = openpyxl.load_workbook(
        io.BytesIO(service.get("/konsolidasi.xlsx", headers=bearer(PROVINCE_KEY)).content)
    )
    files = {row[1] for row in book["Ringkasan"].iter_rows(min_row=2, values_only=True)}
    assert "v1.xlsx" in files and "v2.xlsx" not in files  # a withdrawn file counts no more


@pytest.mark.parametrize(
    ("name", "data", "status", "said"),
    [
        (
            "dokumen.pdf",
            b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj <<>> endobj\n%%EOF\n",
            415,
            "bukan buku kerja",
        ),
        ("kosong.xlsx", b"", 415, "bukan buku kerja"),
        ("rusak.xlsx", BANJARMASIN.read_bytes()[:2000], 422, "tidak dapat dibaca"),
    ],
)
def test_only_workbooks_are_filed(service, inbox, name, data, status, said):
    answer = service.post(
        "/api/kiriman", files=[("files", (name, data))], headers=bearer(PROVINCE_KEY)
    )
    assert answer.status_code == status and said in answer.json()["error"]
    assert answer.json()["refused"][0]["file"] == name
    assert [p.name for p in inbox.iterdir() if p.suffix in (".xlsx", ".pdf")] == []
    assert service.get("/api/riwayat", headers=bearer(PROVINCE_KEY)).json()["submissions"] == []
    page = service.post("/kiriman", files=[("files", (name, data))], headers=bearer(PROVINCE_KEY))
    assert page.status_code == status and said in page.text and 'href="/kiriman"' in page.text


# --- the web's usual defences -------------------------------------------------------------------


@pytest.mark.parametrize(
    "headers",
    [
        {"Origin": "http://jahat.example"},
        {"Origin": "null"},
        {"Sec-Fetch-Site": "cross-site"},
        {"Sec-Fetch-Site": "same-site", "Origin": "http://127.0.0.1:9999"},
        {"Origin": "http://127.0.0.1:9999"},  # another server on this computer
    ],
)
def test_a_cross_site_post_is_refused_without_a_key_too(inbox, headers):
    browser = client(inbox)  # on this computer, no key asked: only the site check stands
    for route in ("/api/kiriman", "/kiriman", "/api/check", "/"):
        answer = browser.post(route, files=upload(BANJARMASIN), headers=headers)
        assert answer.status_code == 403, route
    assert browser.post("/kiriman/tarik", data={"id": "1"}, headers=headers).status_code == 403
    assert list(inbox.iterdir()) == []


def test_a_same_origin_post_and_a_script_without_origin_are_accepted(inbox):
    browser = client(inbox)
    same = {"Origin": LOCAL, "Sec-Fetch-Site": "same-origin"}
    assert browser.post("/api/kiriman", files=upload(BANJARMASIN), headers=same).status_code == 200
    form = {"Origin": "null", "Sec-Fetch-Site": "same-origin"}  # a form under no-referrer
    assert browser.post("/api/kiriman", files=upload(BANJARMASIN), headers=form).status_code == 200
    assert browser.post("/api/check", files=upload(BANJARMASIN)).status_code == 200  # curl


def test_another_site_may_link_to_the_page_but_not_read_it(inbox):
    browser = client(inbox)
    link = {"Sec-Fetch-Site": "cross-site", "Sec-Fetch-Mode": "navigate"}
    assert browser.get("/kiriman", headers=link).status_code == 200
    embedded = {"Sec-Fetch-Site": "cross-site", "Sec-Fetch-Mode": "no-cors"}
    assert browser.get("/konsolidasi.xlsx", headers=embedded).status_code == 403
    assert browser.get("/api/riwayat", headers={"Sec-Fetch-Site": "cross-site"}).status_code == 403


@pytest.mark.parametrize(
    ("host", "served"),
    [
        ("127.0.0.1:8000", True),
        ("localhost:8000", True),
        ("[::1]:8000", True),
        ("jahat.example", False),
        ("jahat.example:8000", False),
        ("127.0.0.1.nip.io", False),
        ("", False),
    ],
)
def test_a_host_the_server_does_not_serve_is_refused_with_a_key_too(inbox, host, served):
    browser = client(inbox, token=PROVINCE_KEY)
    headers = {"Host": host, **bearer(PROVINCE_KEY)}
    assert (browser.get("/api/riwayat", headers=headers).status_code == 200) is served
    assert (browser.get("/konsolidasi.xlsx", headers=headers).status_code == 400) is not served


def test_on_the_network_this_computer_addresses_and_the_names_given_are_served(inbox):
    from kinerja_xl.web.settings import lan_addresses

    browser = client(
        inbox, host="0.0.0.0", token=PROVINCE_KEY, allowed_hosts=("kinerja.kpu.example",)
    )
    own = lan_addresses()[0]  # what an office types: this computer's address on the network
    for host, served in (
        (f"{own}:8000", True),
        ("kinerja.kpu.example", True),
        ("jahat.example", False),
        ("203.0.113.9:8000", False),  # an address that is not this computer's
    ):
        answer = browser.get("/", headers={"Host": host, **bearer(PROVINCE_KEY)})
        assert (answer.status_code == 200) is served, host


@pytest.mark.parametrize(
    ("method", "path", "headers"),
    [
        ("GET", "/", {}),
        ("GET", "/kiriman", {}),
        ("GET", "/api/riwayat", {}),
        ("GET", "/static/style.css", {}),
        ("GET", "/tidak-ada", {}),
        ("GET", "/", {"Host": "jahat.example"}),
        ("POST", "/api/check", {"Origin": "http://jahat.example"}),
    ],
)
def test_every_answer_carries_the_security_headers(inbox, method, path, headers):
    answer = client(inbox).request(method, path, headers=headers)
    policy = answer.headers["content-security-policy"]
    assert "frame-ancestors 'none'" in policy and "default-src 'none'" in policy
    assert "'unsafe-inline'" not in policy
    assert answer.headers["x-content-type-options"] == "nosniff"
    assert answer.headers["referrer-policy"] == "same-origin"  # nothing to another site
    assert answer.headers["x-frame-options"] == "DENY"


def test_an_upload_that_stalls_gets_408():
    """The body's pace, at the ASGI edge: nothing for longer than the idle time -> 408."""
    limits = Limits(idle_seconds=0.2, grace_seconds=0.1, min_upload_rate=1)
    application = create_app(ServeSettings(workers=0, limits=limits))
    sent: list[dict] = []
    head = b'--x\r\nContent-Disposition: form-data; name="files"; filename="a.xlsx"\r\n\r\nPK'

    async def receive():
        if not sent and not getattr(receive, "once", False):
            receive.once = True  # type: ignore[attr-defined]
            return {"type": "http.request", "body": head, "more_body": True}
        await asyncio.sleep(5)  # and then nothing
        return {"type": "http.request", "body": b"", "more_body": False}

    async def send(message):
        sent.append(message)

    scope = {
        "type": "http",
        "method": "POST",
        "path": "/api/check",
        "raw_path": b"/api/check",
        "query_string": b"",
        "headers": [(b"host", b"127.0.0.1"), (b"content-type", b"multipart/form-data; boundary=x")],
        "scheme": "http",
        "server": ("127.0.0.1", 8000),
        "client": ("127.0.0.1", 5000),
        "root_path": "",
        "http_version": "1.1",
    }
    asyncio.run(asyncio.wait_for(application(scope, receive, send), 3))
    assert sent[0]["status"] == 408
    assert b"terlalu lambat" in b"".join(m.get("body", b"") for m in sent[1:])


def test_a_slow_but_steady_upload_is_not_cut():
    """Above the minimum rate an upload may take as long as it needs."""
    limits = Limits(idle_seconds=1, grace_seconds=0.1, min_upload_rate=1000)
    application = create_app(ServeSettings(workers=0, limits=limits))
    data = BANJARMASIN.read_bytes()
    body = (
        b'--x\r\nContent-Disposition: form-data; name="files"; filename="RKT.xlsx"\r\n\r\n'
        + data
        + b"\r\n--x--\r\n"
    )
    chunks = [body[i : i + 2000] for i in range(0, len(body), 2000)]
    sent: list[dict] = []

    async def receive():
        await asyncio.sleep(0.05)  # 40 KB/s: slow, steady
        chunk = chunks.pop(0)
        return {"type": "http.request", "body": chunk, "more_body": bool(chunks)}

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
            (b"content-length", str(len(body)).encode()),
        ],
        "scheme": "http",
        "server": ("127.0.0.1", 8000),
        "client": ("127.0.0.1", 5000),
        "root_path": "",
        "http_version": "1.1",
        "state": {},
    }
    asyncio.run(asyncio.wait_for(application(scope, receive, send), 30))
    assert sent[0]["status"] == 200


# --- for people -----------------------------------------------------------------------------------


def test_the_check_button_says_it_is_checking_in_the_page_language():
    """What the page's script shows while a check runs is the page's own (the browser test
    presses the button: test_browser.py)."""
    for lang, idle, busy in (("id", "Periksa", "Memeriksa…"), ("en", "Check", "Checking…")):
        page = client().get(f"/?lang={lang}").text
        assert f'<button type="submit" id="submit" data-busy="{busy}">{idle}</button>' in page
        assert 'id="progress" class="progress" role="status" aria-live="polite"' in page
        assert '<script src="/static/app.js"' in page


def test_the_same_files_checked_in_the_other_language_give_the_same_results():
    """The language toggle after a check sends the kept files to ?lang=…: the same issues, at
    the same cells, in the other language."""
    browser = client()
    found = {}
    for lang in ("id", "en"):
        page = browser.post(f"/?lang={lang}", files=upload(FAULTY)).text
        assert f'<html lang="{lang}">' in page
        found[lang] = re.findall(r'<td class="cell"><a href="#([^"]+)"', page)
    assert found["id"] and found["id"] == found["en"]
    toggle = browser.get("/").text  # the language chosen last is remembered
    assert 'id="lang-toggle" hreflang="id" href="?lang=id"' in toggle


def test_a_narrow_screen_gets_one_column_and_scrolling_tables():
    """390 px: the form in one column, the button full width, every wide table in a box of its
    own that scrolls (the browser test measures the page: test_browser.py)."""
    style = client().get("/static/style.css").text
    narrow = style[style.index("@media (max-width: 640px)") :]
    assert "form#upload { flex-direction: column" in narrow
    assert "form#upload button { width: 100%; }" in narrow
    page = client().post("/", files=upload(FAULTY)).text
    assert '<meta name="viewport" content="width=device-width' in page
    assert page.count('class="grid-wrap" tabindex="0" role="region"') >= 1
    assert re.search(r'<div class="table-wrap"[^>]*>\s*<table class="issues"', page)


def test_error_pages_speak_the_page_language_and_lead_back(inbox):
    browser = client(inbox, max_upload_mb=1)
    browser.get("/kiriman?lang=en")  # the toggle, remembered in a cookie
    big = [("files", ("besar.xlsx", b"PK\x03\x04" + b"0" * (1024 * 1024 + 10)))]
    for path, back in (("/kiriman", "/kiriman"), ("/", "/")):
        page = browser.post(path, files=big)
        assert page.status_code == 413 and '<html lang="en">' in page.text
        assert "The upload is too large: the limit is 1 MB at a time" in page.text
        assert f'<a class="back" href="{back}">' in page.text
        for technical in ("--max-upload-mb", "'files'", "KINERJA_XL", "Traceback"):
            assert technical not in page.text
    nothing = browser.post("/", files={"other": ("a.txt", b"x")})
    assert nothing.status_code == 400 and "No file was chosen" in nothing.text
    indonesian = client(inbox, max_upload_mb=1).post("/kiriman", files=big)
    assert '<html lang="id">' in indonesian.text and "Unggahan terlalu besar" in indonesian.text
    not_found = browser.get("/tidak-ada")
    assert (
        not_found.status_code == 404
        and "HTTP 404" in not_found.text
        and 'href="/"' in not_found.text
    )


def test_the_web_made_copy_names_the_real_file():
    html = client().post("/", files=upload(FAULTY)).text
    import base64

    data = re.search(r'href="data:[^;]+;base64,([^"]+)"', html).group(1)
    copy = openpyxl.load_workbook(io.BytesIO(base64.b64decode(data)))
    texts = [str(c.value) for row in copy["Masalah"].iter_rows() for c in row if c.value]
    assert any(FAULTY.name in t for t in texts)
    assert not any("000-" in t or "kinerja-web" in t for t in texts)


def test_the_check_page_links_each_issue_to_its_cell_which_keyboard_reaches():
    html = client().post("/", files=upload(FAULTY)).text
    cells = re.findall(
        r'<td class="(?:error|warning)" id="([^"]+)" tabindex="0"[^>]*aria-describedby="([^"]+)"',
        html,
    )
    assert cells
    for anchor, note in cells:
        assert note == f"{anchor}-note" and f'id="{note}" role="tooltip"' in html
    assert 'class="grid-wrap" tabindex="0" role="region"' in html


def test_the_lan_address_is_printed_for_all_interfaces(monkeypatch):
    from kinerja_xl.web import server, settings

    monkeypatch.setattr(server, "serve", lambda s, ready: ready())
    monkeypatch.setattr(settings, "lan_addresses", lambda: ["192.168.10.5"])
    result = CliRunner().invoke(
        cli, ["serve", "--host", "0.0.0.0", "--token", "abc", "--port", "8123"]
    )
    assert result.exit_code == 0
    assert "http://192.168.10.5:8123/?token=abc" in result.stdout
    assert "0.0.0.0" not in result.stdout


def test_the_lan_address_is_a_real_address_of_this_computer():
    import ipaddress

    from kinerja_xl.web.settings import lan_addresses

    for address in lan_addresses():
        assert not ipaddress.ip_address(address).is_unspecified


def test_a_second_office_key_for_banjarbaru_works_beside(service, keys, inbox):
    made = (
        CliRunner().invoke(cli, ["token", str(inbox), "--office", "Kota Banjarbaru"]).stdout.strip()
    )
    answer = service.post("/api/check", files=upload(BANJARBARU), headers=bearer(made))
    assert (
        answer.status_code == 200 and answer.json()["files"][0]["office"] == "KPU Kota Banjarbaru"
    )
    assert Inbox(inbox).key_of(made).name == "KPU Kota Banjarbaru #1"
