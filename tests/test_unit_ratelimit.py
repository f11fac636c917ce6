"""Unit tests (no demo run) of the participation's rate limits: the sliding window of
``services.participation.security.RateLimiter`` (in memory and shared by worker processes through its SQLite
file), the limits read from the environment, and which key a request is counted under (per client address
for staff logins, per kiosk id for the town-hall kiosk), through the Flask app in-process."""
from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path

import pytest
from flask import Flask
from flask.testing import FlaskClient

from services.participation import security
from services.participation.security import RateLimiter

Factory = Callable[[int, int], RateLimiter]


class Clock:
    def __init__(self, t: float = 1_000_000.0):
        self.t = t

    def __call__(self) -> float:
        return self.t


@pytest.fixture
def clock(monkeypatch: pytest.MonkeyPatch) -> Clock:
    c = Clock()
    monkeypatch.setattr(security.time, "time", c)
    return c


@pytest.fixture(params=["memory", "sqlite"])
def make(request: pytest.FixtureRequest, tmp_path: Path) -> Callable[[int, int], RateLimiter]:
    """RateLimiter factory for both modes (``path=None`` keeps counts in memory)."""
    path = None if request.param == "memory" else tmp_path / "ratelimit.db"

    def factory(limit: int, window_s: int) -> RateLimiter:
        return RateLimiter(limit, window_s, path)

    return factory


def test_allows_the_limit_then_refuses(make: Factory, clock: Clock) -> None:
    lim = make(3, 600)
    assert [lim.allow("ip:10.0.0.1") for _ in range(5)] == [True, True, True, False, False]


def test_window_slides(make: Factory, clock: Clock) -> None:
    lim = make(2, 600)
    assert lim.allow("ip:a")           # t = 0
    clock.t += 300
    assert lim.allow("ip:a")           # t = 300
    assert not lim.allow("ip:a")
    clock.t += 299                      # t = 599: both hits still inside the window
    assert not lim.allow("ip:a")
    clock.t += 1                        # t = 600: the first hit has left the window
    assert lim.allow("ip:a")
    assert not lim.allow("ip:a")


def test_refused_requests_do_not_extend_the_block(make: Factory, clock: Clock) -> None:
    lim = make(1, 600)
    assert lim.allow("ip:a")
    for _ in range(10):
        clock.t += 50
        assert not lim.allow("ip:a")
    clock.t += 100                      # 600 s after the only accepted hit
    assert lim.allow("ip:a")


def test_keys_are_counted_separately(make: Factory, clock: Clock) -> None:
    lim = make(1, 600)
    assert lim.allow("ip:10.0.0.1")
    assert not lim.allow("ip:10.0.0.1")
    assert lim.allow("ip:10.0.0.2")
    assert lim.allow("login:10.0.0.1")  # logins have their own budget per address
    assert lim.allow("kiosk:kiosk-1")


@pytest.mark.parametrize("limit", [0, -1])
def test_limit_zero_switches_it_off(tmp_path: Path, limit: int) -> None:
    lim = RateLimiter(limit, 600, tmp_path / "ratelimit.db")
    assert all(lim.allow("ip:a") for _ in range(100))
    assert not (tmp_path / "ratelimit.db").exists()


def test_worker_processes_share_counts_through_the_file(tmp_path: Path, clock: Clock) -> None:
    path = tmp_path / "ratelimit.db"
    worker1, worker2 = RateLimiter(3, 600, path), RateLimiter(3, 600, path)
    assert worker1.allow("ip:a") and worker2.allow("ip:a") and worker1.allow("ip:a")
    assert not worker2.allow("ip:a")


def test_client_and_kiosk_limits_share_one_file_without_interfering(tmp_path: Path, clock: Clock) -> None:
    """As the app sets them up: both limiters on ``ratelimit.db``, told apart by the key prefix."""
    path = tmp_path / "ratelimit.db"
    client, kiosk = RateLimiter(2, 600, path), RateLimiter(5, 600, path)
    assert client.allow("ip:10.0.0.1") and client.allow("ip:10.0.0.1")
    assert not client.allow("ip:10.0.0.1")
    assert [kiosk.allow("kiosk:kiosk-1") for _ in range(6)] == [True] * 5 + [False]


def test_concurrent_requests_never_exceed_the_limit(make: Factory) -> None:
    lim = make(50, 600)
    results: list[bool] = []
    lock = threading.Lock()

    def worker() -> None:
        for _ in range(10):
            ok = lim.allow("ip:burst")
            with lock:
                results.append(ok)

    threads = [threading.Thread(target=worker) for _ in range(12)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    assert len(results) == 120 and results.count(True) == 50


def test_limits_come_from_the_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from core.config import load_settings
    from services.participation.config import load_config
    monkeypatch.setenv("GDI_VAR", str(tmp_path / "var"))
    for var in ("GDI_BETEILIGUNG_RATE", "GDI_BETEILIGUNG_KIOSK_RATE"):
        monkeypatch.delenv(var, raising=False)
    cfg = load_config(load_settings())
    assert (cfg.rate_per_client, cfg.rate_per_kiosk, cfg.rate_window_s) == (20, 120, 600)
    monkeypatch.setenv("GDI_BETEILIGUNG_RATE", "5")
    monkeypatch.setenv("GDI_BETEILIGUNG_KIOSK_RATE", "0")
    cfg = load_config(load_settings())
    assert (cfg.rate_per_client, cfg.rate_per_kiosk) == (5, 0)


# --------------------------------------------------------------------------- keys of the web app

@pytest.fixture
def app_client(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Flask, bytes]:
    """The participation app in-process with small limits and its own var dir."""
    from core.config import load_settings
    from services.participation.app import create
    monkeypatch.setenv("GDI_VAR", str(tmp_path / "var"))
    monkeypatch.delenv("GDI_BETEILIGUNG_DB", raising=False)
    monkeypatch.setenv("GDI_BETEILIGUNG_RATE", "2")
    monkeypatch.setenv("GDI_BETEILIGUNG_KIOSK_RATE", "2")
    settings = load_settings()
    app = create(settings)
    secret = security.load_secret(settings.var_dir / "participation")
    return app, secret


def _session(app: Flask, secret: bytes, addr: str) -> tuple[FlaskClient, str]:
    client = app.test_client()
    client.environ_base["REMOTE_ADDR"] = addr
    sid = "test-session-" + addr
    client.set_cookie(security.SID_COOKIE, sid)
    return client, security.csrf_token(secret, sid)


def test_login_attempts_are_throttled_per_account_and_address(app_client: tuple[Flask, bytes]) -> None:
    """Five failures of one account from one address are free, then that pair waits (backoff); the same
    account from another address is not locked out (a town hall behind one NAT is not locked out either:
    the address alone allows 50). Through nginx with device cookies: tests/test_requests_edge.py."""
    app, secret = app_client
    a, csrf_a = _session(app, secret, "192.0.2.10")
    form = {"username": "nobody", "password": "wrong", "csrf": csrf_a}
    assert [a.post("/staff/login", data=form).status_code for _ in range(7)] == [401] * 5 + [429] * 2
    b, csrf_b = _session(app, secret, "192.0.2.11")
    assert b.post("/staff/login", data={**form, "csrf": csrf_b}).status_code == 401  # another address


# Kiosk statements: the limit is keyed on enrolled devices (a server-side credential), not on an id the
# client sends; a made-up kiosk id is refused: tests/test_requests_edge.py::test_kiosk_needs_an_enrolled_device...
