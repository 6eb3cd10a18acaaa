"""A page that times out must not charge its time to the pages after it."""

from onrecord.errors import IngestError
from onrecord.ingest import html as html_mod
from onrecord.ingest.raw import RawDoc

BIG = "<html><body><article>" + "".join(f"<p>Paragraph {i} says the minister spoke at length.</p>" for i in range(4000)) + "</article></body></html>"
SMALL = "<html><body><article><p>The minister said the bridge would reopen on Monday after repairs.</p></article></body></html>"


def test_timeout_then_fresh_pool_for_next_page():
    stuck_pool = html_mod._pool()
    try:
        html_mod.extract_html(RawDoc("big", html=BIG), timeout=0.001)
        raise AssertionError("expected a timeout")
    except IngestError as exc:
        assert exc.reason == "timeout"
    # the stuck worker's pool is abandoned; the next page runs on a new one at once
    assert html_mod._pool() is not stuck_pool
    raw = html_mod.extract_html(RawDoc("small", html=SMALL), timeout=30)
    assert "reopen on Monday" in raw.text
