#!/usr/bin/env python3
"""Benchmark 3 driver (issue 6): grows one group to all of a tenant's users, BATCH members per PATCH,
timing every PATCH; then times reads of the big group and single-member changes on it against the same
on a 10-member group.

Usage: group_growth.py BASE_URL TENANT_ID TOKEN EXPECTED_USERS [BATCH=100]
One keep-alive connection (http.client), requests one after another, times with time.perf_counter.
Member PATCHes use Azure AD's older dialect: {"op":"Add","path":"members","value":[{"value":id},...]}."""
import os
import random
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from benchlib import GROUP_SCHEMA, PATCH_SCHEMA, Client, cursor_walk, filter_query, mean, median, members_add, ms, percentile  # noqa: E402

base, tenant, token, expected = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
batch = int(sys.argv[5]) if len(sys.argv) > 5 else 100
client = Client(base, token)
scim = f"/tenants/{tenant}/scim/v2"

ids, pages, seconds, total = cursor_walk(client, scim + "/Users", 1000, attributes="userName")
print(f"collected {len(ids)} user ids (cursor walk, {pages} pages, {seconds:.1f} s)")
if len(ids) != expected or len(set(ids)) != expected:
    sys.exit(f"expected {expected} distinct users, the walk returned {len(ids)} ({len(set(ids))} distinct)")


def timed(method, path, body=None, expect=None):
    t0 = time.perf_counter()
    _, payload = client.request(method, path, body, expect)
    return time.perf_counter() - t0, payload


def create_group(name):
    _, group = client.json("POST", scim + "/Groups", {"schemas": [GROUP_SCHEMA], "displayName": name}, expect=201)
    return group["id"]


# Warm-up (JIT, grain activations of the PATCH path), not reported: up to 1,000 members into a throwaway
# group, which is then deleted so that every user starts the measured growth in no group.
warm = create_group(f"bench3-warmup-{random.randrange(1 << 30)}")
for i in range(0, min(len(ids), 10 * batch), batch):
    client.request("PATCH", f"{scim}/Groups/{warm}", members_add(ids[i:i + batch]), expect=(200, 204))
client.request("DELETE", f"{scim}/Groups/{warm}", expect=204)

group = create_group(f"bench3-big-{random.randrange(1 << 30)}")
times = []
started = time.perf_counter()
for i in range(0, len(ids), batch):
    elapsed, _ = timed("PATCH", f"{scim}/Groups/{group}", members_add(ids[i:i + batch]), expect=(200, 204))
    times.append(elapsed)
growth_seconds = time.perf_counter() - started
n = len(times)


def block(label, k):
    overlap = f" (only {n} PATCHes: the two sets overlap)" if 2 * k > n else ""
    k = min(k, n)
    first, last = times[:k], times[-k:]
    print(f"{label:<52} first: mean {ms(mean(first)):7.2f} ms, median {ms(median(first)):7.2f} ms | "
          f"last: mean {ms(mean(last)):7.2f} ms, median {ms(median(last)):7.2f} ms | "
          f"ratio last/first: mean {mean(last) / mean(first):.2f}, median {median(last) / median(first):.2f}{overlap}")


print("-- result")
print(f"group grown to {len(ids)} members with {n} PATCHes of {batch}: {growth_seconds:.1f} s, "
      f"{len(ids) / growth_seconds:.0f} members/s; PATCH mean {ms(mean(times)):.2f} ms, p50 {ms(median(times)):.2f} ms, "
      f"p99 {ms(percentile(times, 99)):.2f} ms, max {ms(max(times)):.2f} ms")
print(f"(the issue's \"first/last 1,000 PATCHes\" cannot be literal: {len(ids)} members / {batch} = {n} PATCHes in all;"
      " both readings follow; target ratio <= 2)")
block(f"first/last 100 PATCHes ({100 * batch} members each):", 100)
block(f"first/last 10 PATCHes (= first/last {10 * batch} members):", 10)
tenth = max(1, n // 10)
print("mean PATCH per tenth of the growth (ms): " + " ".join(f"{ms(mean(times[i:i + tenth])):.1f}" for i in range(0, tenth * 10, tenth) if times[i:i + tenth]))

# Reads of the big group.
get_times = [timed("GET", f"{scim}/Groups/{group}?excludedAttributes=members", expect=200)[0] for _ in range(50)]
member = ids[len(ids) // 2]
check = filter_query(f'id eq "{group}" and members eq "{member}"')
check_times, hit = [], None
for _ in range(50):
    elapsed, payload = timed("GET", f"{scim}/Groups?{check}&excludedAttributes=members", expect=200)
    check_times.append(elapsed)
    hit = b'"totalResults":1,' in payload and b'"members"' not in payload
print(f"{'GET /Groups/{id}?excludedAttributes=members:':<52} median {ms(median(get_times)):7.2f} ms, max {ms(max(get_times)):7.2f} ms (50 calls)")
print(f"{'membership check (id eq and members eq, excluded):':<52} median {ms(median(check_times)):7.2f} ms, max {ms(max(check_times)):7.2f} ms (50 calls; answer {'right' if hit else 'WRONG'})")
full = []
for _ in range(3):
    elapsed, payload = timed("GET", f"{scim}/Groups/{group}", expect=200)
    full.append(elapsed)
members_returned = payload.count(b'"value":')
print(f"{'GET /Groups/{id} with all members:':<52} median {ms(median(full)):7.2f} ms (3 calls; {len(payload) / 1e6:.1f} MB, "
      f"{members_returned} member values returned of {len(ids)})")

# One member removed and added back, on the big group and on a 10-member group.
small = create_group(f"bench3-small-{random.randrange(1 << 30)}")
client.request("PATCH", f"{scim}/Groups/{small}", members_add(ids[:10]), expect=(200, 204))


def single_member_changes(group_id, pool):
    remove_times, add_times = [], []
    for i in range(50):
        u = pool[i % len(pool)]
        remove = {"schemas": [PATCH_SCHEMA], "Operations": [{"op": "remove", "path": f'members[value eq "{u}"]'}]}
        remove_times.append(timed("PATCH", f"{scim}/Groups/{group_id}", remove, expect=(200, 204))[0])
        add_times.append(timed("PATCH", f"{scim}/Groups/{group_id}", members_add([u]), expect=(200, 204))[0])
    return median(remove_times), median(add_times)


big_remove, big_add = single_member_changes(group, random.sample(ids, 50))
small_remove, small_add = single_member_changes(small, ids[:10])
print(f"one member removed / added back, {len(ids)}-member group: median {ms(big_remove):6.2f} / {ms(big_add):6.2f} ms; "
      f"10-member group: {ms(small_remove):6.2f} / {ms(small_add):6.2f} ms; ratio big/small {big_remove / small_remove:.2f} / {big_add / small_add:.2f} (50 each)")
