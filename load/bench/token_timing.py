"""Response time of a refused tenant token: an unknown token id against a known id with a wrong secret
(issue: hardening, defect 8). Interleaves the two kinds so machine noise hits both alike; reports medians
for the first sight of each id (a record lookup) and for repeats (the silo's cache answers).
Usage: token_timing.py BASE_URL ADMIN_KEY [COUNT]   (a host from load/bench/start-host.sh)"""
import os
import statistics
import sys
import time

from benchlib import Client

base, admin_key = sys.argv[1], sys.argv[2]
count = int(sys.argv[3]) if len(sys.argv) > 3 else 400
admin = Client(base, admin_key)
_, tenant = admin.json("POST", "/admin/tenants", {"tenantId": "timing-" + os.urandom(4).hex()}, expect=201)
known = [tenant["tokenId"]]
for _ in range(count - 1):
    _, issued = admin.json("POST", f"/admin/tenants/{tenant['tenantId']}/tokens", expect=201)
    known.append(issued["tokenId"])
unknown = [os.urandom(12).hex() for _ in range(count)]
# Token grains stay 2 s after their last call (QuietDeactivation): wait until the issued ones have gone, as
# for ids issued long before they are probed.
time.sleep(3)
wrong_secret = "w" * 43


def timed(token_id):
    client = Client(base, token_id + "." + wrong_secret)
    start = time.perf_counter()
    status, _ = client.request("GET", "/scim/v2/Users")
    elapsed = (time.perf_counter() - start) * 1000
    client.close()
    assert status == 401, status
    return elapsed


def median_pair(rounds):
    first, second = [], []
    for known_id, unknown_id in rounds:
        first.append(timed(known_id))
        second.append(timed(unknown_id))
    return statistics.median(first), statistics.median(second)


for label, ids in (("first sight (record lookup)", list(zip(known, unknown))), ("repeat (cached)", list(zip(known, unknown)) * 3)):
    known_ms, unknown_ms = median_pair(ids)
    print(f"{label}: known id + wrong secret median {known_ms:.3f} ms, unknown id median {unknown_ms:.3f} ms, "
          f"difference {unknown_ms - known_ms:+.3f} ms over {len(ids)} pairs")
