"""Screenshots for the README's "Try it" section, taken in headless Chromium on the demo registry.

    PYTHONPATH=src .venv/bin/python scripts/readme_screenshots.py [--out docs/img]

Builds a throw-away registry with the bundled acts (and the demo's fictitious sample cases), serves
it on a free port and photographs what the README tells a newcomer to try.  Run it again when the
pages change; the pictures are committed so the README shows them without running anything.
"""

from __future__ import annotations

import argparse
import tempfile
from pathlib import Path

CHROMIUM = "/usr/bin/chromium"
TOKEN = "readme-screenshots"
SHOTS = [
    # (file, path, viewport width, what to do on the page)
    ("search.png", "/?q=заңгер&lang=kk", 1200, None),
    ("post.png", "/positions/9344-a2-33?lang=ru", 1200, None),
    ("act-charts.png", "/acts/reg-9344?lang=en", 1200, "#charts"),
    ("eligibility.png", "/eligibility?lang=ru", 1200, None),
    ("phone-search.png", "/?q=бас+маман&lang=kk", 390, None),
]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", default="docs/img", help="folder for the PNG files (default docs/img)")
    args = ap.parse_args()
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)

    from playwright.sync_api import sync_playwright

    from kzqual.api import Settings, create_app
    from kzqual.api.server import ServerThread
    from kzqual.bundled import act_paths
    from kzqual.store import open_store

    with tempfile.TemporaryDirectory() as tmp:
        db = str(Path(tmp) / "demo.db")
        with open_store(db) as store:
            store.ingest_paths(act_paths())
            try:
                from kzqual.services.samples import seed_sample_cases

                seed_sample_cases(store.engine)
            except ImportError:  # an older tree without sample cases
                pass
        srv = ServerThread(create_app(Settings(db=db, token=TOKEN)))
        base = srv.start()
        try:
            with sync_playwright() as pw:
                browser = pw.chromium.launch(executable_path=CHROMIUM, args=["--headless", "--no-sandbox"])
                for name, path, width, element in SHOTS:
                    ctx = browser.new_context(viewport={"width": width, "height": 900},
                                              device_scale_factor=1 if width > 500 else 2)
                    page = ctx.new_page()
                    page.goto(base + path)
                    target = page.locator(element) if element else page
                    target.screenshot(path=str(out / name), **({} if element else {"full_page": False}))
                    ctx.close()
                    print(out / name)
                browser.close()
        finally:
            srv.stop()


if __name__ == "__main__":
    main()
