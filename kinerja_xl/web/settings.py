"""What `kinerja-xl serve` was asked for, and what follows from it: whether a key is needed,
which Host names the server answers to, the addresses other computers can open."""

from __future__ import annotations

import ipaddress
import secrets
import socket
import time
from dataclasses import dataclass, field
from pathlib import Path

from .pool import cores

LOOPBACK = {"127.0.0.1", "localhost", "::1"}
WILDCARD = {"0.0.0.0", "::", ""}


@dataclass
class Limits:
    """How long and how much a request may take (the defences against slow and heavy clients)."""

    header_seconds: float = 10.0  # a request's headers, from the first byte to the last
    idle_seconds: float = 30.0  # an upload that sends nothing for this long is ended
    min_upload_rate: int = 4096  # bytes a second, on average, once `grace_seconds` have passed
    grace_seconds: float = 15.0
    max_connections: int = 500  # beyond: the longest-waiting idle connection makes way
    keep_alive_seconds: int = 5
    linger_seconds: float = 20.0  # after an early answer, what the client still sends is read
    linger_mb: int = 2048  # … up to this much, so that any client can read that answer
    task_seconds: float = 120.0  # one check on a worker


@dataclass
class ServeSettings:
    folder: Path | None = None  # the province's inbox (the Kiriman page and its API)
    host: str = "127.0.0.1"
    port: int = 8000
    token: str | None = None  # the province's key: required on every request when set
    max_upload_mb: int = 20
    province: str | None = None
    year: int | None = None
    schemas: Path | None = None
    workers: int | None = None  # check processes: one per core (None); 0: in this process
    allowed_hosts: tuple[str, ...] = ()  # more Host names to answer to (a DNS name, a proxy's)
    lang: str = "id"  # the server's own log lines
    limits: Limits = field(default_factory=Limits)
    folder_shown: str = ""  # the folder as the province named it (the page says it)

    def __post_init__(self) -> None:
        if self.host not in LOOPBACK and not self.token:
            self.token = secrets.token_urlsafe(24)  # beyond this computer: never open
        if self.folder is not None:
            self.folder_shown = self.folder_shown or str(self.folder)
            self.folder = Path(self.folder).resolve()
        if self.workers is None:
            self.workers = cores()

    @property
    def wildcard(self) -> bool:
        return self.host in WILDCARD

    def host_allowed(self, name: str) -> bool:
        """The Host allow-list: loopback names, the address or name the server was started on,
        names added with --allow-host; on all interfaces (0.0.0.0) also this computer's own
        names and addresses. Any other name — one that merely points here (DNS rebinding), or
        an address that is not this computer's — is refused."""
        name = name.strip().lower().rstrip(".")
        if name in LOOPBACK or name == self.host.lower() or _is_loopback(name):
            return True
        if name in {h.lower().rstrip(".") for h in self.allowed_hosts}:
            return True
        if self.wildcard:
            return name in machine_names() or name in machine_addresses()
        return False


def _is_loopback(name: str) -> bool:
    try:
        return ipaddress.ip_address(name).is_loopback
    except ValueError:
        return False


_ADDRESSES: tuple[float, frozenset[str]] = (0.0, frozenset())


def machine_addresses() -> frozenset[str]:
    """This computer's own IP addresses (refreshed every 30 s: a laptop's can change), as the
    system lists them (Linux: every interface's), else those its name and its route outwards
    give."""
    global _ADDRESSES
    now = time.monotonic()
    if now - _ADDRESSES[0] > 30:
        found = set(_interface_addresses()) | set(lan_addresses())
        _ADDRESSES = (now, frozenset(str(ipaddress.ip_address(a)) for a in found))
    return _ADDRESSES[1]


def _interface_addresses() -> list[str]:
    """Every interface's addresses on Linux (IPv4 by ioctl, IPv6 from /proc); [] elsewhere."""
    found: list[str] = []
    try:
        import fcntl
        import struct

        with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
            for _index, interface in socket.if_nameindex():
                request = struct.pack("256s", interface.encode()[:15])
                try:
                    answer = fcntl.ioctl(probe.fileno(), 0x8915, request)  # SIOCGIFADDR
                except OSError:
                    continue
                found.append(socket.inet_ntoa(answer[20:24]))
    except (ImportError, OSError, AttributeError):
        pass
    try:
        with open("/proc/net/if_inet6", encoding="ascii") as table:
            for line in table:
                digits = line.split()[0]
                found.append(":".join(digits[i : i + 4] for i in range(0, 32, 4)))
    except OSError:
        pass
    return found


def machine_names() -> set[str]:
    """This computer's own names ('kantor', 'kantor.local', its full name)."""
    names = set()
    try:
        short = socket.gethostname().lower()
        names |= {short, f"{short}.local", socket.getfqdn().lower()}
    except OSError:
        pass
    return {n for n in names if n}


def split_host(header: str) -> tuple[str, int | None]:
    """'kantor:8000' -> ('kantor', 8000); '[::1]:8000' -> ('::1', 8000); ('', None) if bad."""
    header = header.strip()
    if header.startswith("["):
        host, _, rest = header[1:].partition("]")
        port = rest[1:] if rest.startswith(":") else ""
    elif header.count(":") == 1:
        host, _, port = header.partition(":")
    else:
        host, port = header, ""
    if port and not port.isdigit():
        return "", None
    return host, int(port) if port else None


def lan_addresses() -> list[str]:
    """The addresses other computers on the network can reach this one at: the one the system
    routes outwards from, then any other of its names' addresses (loopback left out)."""
    found: list[str] = []
    try:
        with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
            probe.connect(("10.255.255.255", 1))  # no packet is sent: a route is chosen
            found.append(probe.getsockname()[0])
    except OSError:
        pass
    try:
        for info in socket.getaddrinfo(socket.gethostname(), None, socket.AF_INET):
            found.append(str(info[4][0]))
    except OSError:
        pass
    usable = [a for a in dict.fromkeys(found) if not ipaddress.ip_address(a).is_loopback]
    return usable or ["127.0.0.1"]


def addresses(settings: ServeSettings) -> list[str]:
    """The addresses to print: what a person types to open the page (with the province's key)."""
    if settings.wildcard:
        hosts = lan_addresses()
    elif settings.host in ("127.0.0.1", "::1"):
        hosts = ["localhost"]
    else:
        hosts = [settings.host]
    query = f"?token={settings.token}" if settings.token else ""
    shown = [f"[{h}]" if ":" in h else h for h in hosts]
    return [f"http://{h}:{settings.port}/{query}" for h in shown]
