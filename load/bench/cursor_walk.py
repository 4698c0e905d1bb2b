#!/usr/bin/env python3
"""Walks a tenant's whole /Users listing with cursor paging (GET /Users?count=N&cursor, then
&cursor=<nextCursor> until there is none) and checks that it saw every user exactly once.
Usage: cursor_walk.py BASE_URL TENANT_ID TOKEN EXPECTED_TOTAL [PAGE_SIZE=1000]
Prints: RESULT resources=... unique=... total_results=... pages=... seconds=... per_s=... page_p50_ms=... page_max_ms=..."""
import os
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from benchlib import Client, median, ms, quote  # noqa: E402

base, tenant, token, expected = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
page_size = int(sys.argv[5]) if len(sys.argv) > 5 else 1000
client = Client(base, token)
path = f"/tenants/{tenant}/scim/v2/Users"
ids, page_times, total, cursor = [], [], None, ""
started = time.perf_counter()
while True:
    t0 = time.perf_counter()
    _, page = client.json("GET", f"{path}?count={page_size}&cursor={quote(cursor)}", expect=200)
    page_times.append(time.perf_counter() - t0)
    if total is None:
        total = page.get("totalResults")
    ids.extend(r["id"] for r in page.get("Resources", []))
    cursor = page.get("nextCursor")
    if not cursor:
        break
seconds = time.perf_counter() - started
unique = len(set(ids))
print(f"RESULT resources={len(ids)} unique={unique} total_results={total} pages={len(page_times)} seconds={seconds:.2f} "
      f"per_s={len(ids) / seconds:.0f} page_p50_ms={ms(median(page_times)):.1f} page_max_ms={ms(max(page_times)):.1f} "
      f"first_page_ms={ms(page_times[0]):.1f} last_page_ms={ms(page_times[-1]):.1f}")
if len(ids) != expected or unique != expected:
    print(f"cursor walk: expected {expected} users, saw {len(ids)} ({unique} distinct)", file=sys.stderr)
    sys.exit(1)
