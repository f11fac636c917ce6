"""Screenshots of the demo for README (docs/img/): the viewer's start view, a street in the old town, and the
kiosk's 3D screen, taken in headless Chromium (SwiftShader) from a running ``make demo``.

    .venv/bin/gdi demo                       # in another shell; or gdi serve on a demo var dir
    .venv/bin/python scripts/screenshots.py [--base http://127.0.0.1:5000] [--var var] [--out docs/img]

The kiosk is enrolled as a new device "screenshots-<time>" by the demo's moderation account (its password
in ``<var>/participation/demo-staff.txt``, written by ``gdi demo``).
"""
from __future__ import annotations

import argparse
import math
import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
CHROMIUM = "/usr/bin/chromium"
FLAGS = ["--no-sandbox", "--use-angle=swiftshader", "--enable-unsafe-swiftshader", "--disable-background-networking",
         "--disable-component-update", "--no-first-run"]


def _wait(page, what: str, timeout: float = 120.0) -> None:
    end = time.time() + timeout
    while time.time() < end:
        if page.evaluate(f"!!({what})"):
            return
        time.sleep(0.2)
    raise SystemExit(f"page not ready after {timeout} s: {what}")


def _street() -> str:
    from pyproj import Transformer

    from core.area import MARKT_25832
    lon, lat = Transformer.from_crs("EPSG:25832", "OGC:CRS84", always_xy=True).transform(*MARKT_25832)
    height, pitch = 180.0, -28.0
    back = height / math.tan(math.radians(-pitch))
    return f"{lon:.6f},{lat - back / 111_320:.6f},{height + 120:.0f},20,{pitch},0"


def viewer(ctx, base: str, out: Path, name: str, frag: str) -> None:
    page = ctx.new_page()
    page.goto(f"{base}/viewer/{frag}")
    _wait(page, "window.gdiViewer && gdiViewer.phase === 'ready'")
    _wait(page, "gdiViewer.imageryReady && gdiViewer.viewer.scene.globe.tilesLoaded")
    page.wait_for_timeout(2500)   # terrain switch and the last tiles
    _wait(page, "gdiViewer.viewer.scene.globe.tilesLoaded")
    page.screenshot(path=str(out / name))
    page.close()
    print("wrote", out / name)


def kiosk(browser, base: str, var: Path, out: Path) -> None:
    text = (var / "participation" / "demo-staff.txt").read_text(encoding="utf-8")
    m = re.search(r"^moderation (\S+)$", text, re.M)
    if not m:
        raise SystemExit(f"no moderation account in {var}/participation/demo-staff.txt")
    staff = browser.new_context()
    sp = staff.new_page()
    sp.goto(f"{base}/beteiligung/staff/login")
    sp.fill("#username", "moderation")
    sp.fill("#password", m.group(1))
    sp.click("button[type=submit]")
    sp.wait_for_selector("table.queue")
    sp.goto(f"{base}/beteiligung/staff/kiosks")
    sp.fill("#kiosk", f"screenshots-{int(time.time())}")
    sp.click("form.narrow button[type=submit]")
    link = re.sub(r"^https?://[^/]+", base, sp.text_content("#kiosk-enroll-url").strip())
    staff.close()
    ctx = browser.new_context(has_touch=True, viewport={"width": 1366, "height": 1024}, locale="de-DE")
    page = ctx.new_page()
    page.goto(link)
    page.click("#kiosk-enroll")
    page.wait_for_url(re.compile(r".*/kiosk(\?.*)?$"))
    from services.participation.demo import DEMO_ID
    page.goto(f"{base}/beteiligung/kiosk?verfahren={DEMO_ID}")   # the demo procedure, whatever else is open
    page.tap("#k-open-3d")
    page.wait_for_selector("#app[data-ready3d=true]", state="attached", timeout=120_000)   # buildings + ground
    page.tap("#s-3d button.variant >> nth=1")
    page.wait_for_selector("#app[data-loaded]", state="attached", timeout=120_000)
    page.wait_for_timeout(4000)
    page.screenshot(path=str(out / "kiosk-3d.png"))
    ctx.close()
    print("wrote", out / "kiosk-3d.png")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--base", default="http://127.0.0.1:5000")
    ap.add_argument("--var", default=str(ROOT / "var"))
    ap.add_argument("--out", default=str(ROOT / "docs" / "img"))
    args = ap.parse_args()
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    from playwright.sync_api import sync_playwright
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=FLAGS, headless=True)
        ctx = browser.new_context(viewport={"width": 1280, "height": 800}, locale="de-DE")
        day = "time=2026-06-21T11:00"   # the sun of a summer morning, whatever the hour of the run
        viewer(ctx, args.base, out, "viewer-start.png", f"#{day}")
        viewer(ctx, args.base, out, "viewer-strasse.png", f"#view={_street()}&layers=buildings,basemap,trees&{day}")
        ctx.close()
        kiosk(browser, args.base, Path(args.var), out)
        browser.close()


if __name__ == "__main__":
    main()
