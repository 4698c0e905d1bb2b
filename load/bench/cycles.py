#!/usr/bin/env python3
"""Benchmark 5 driver (issue 6): Azure-AD-like provisioning cycles against a small and a big tenant,
alternating, in one run; reports cycles/s for each and the ratio big/small.

Usage: cycles.py BASE_URL SMALL_TENANT SMALL_TOKEN BIG_TENANT BIG_TOKEN
Env: THREADS (16), ROUNDS (3), PHASE_SECONDS (20), WARMUP (10; seconds per tenant before the rounds, not counted).

One cycle, as Azure AD sends it for a new user who is assigned through a group:
  1. GET  /Users?filter=userName eq "<new>"           -> 200, totalResults 0
  2. POST /Users                                        -> 201
  3. PATCH /Users/{id}  Replace active "False" + path-less replace name.givenName -> 200
  4. PATCH /Groups/{g}  {"op":"Add","path":"members","value":[{"value":id}]}      -> 204
  5. GET  /Users?filter=externalId eq "<its externalId>" -> 200, totalResults 1
Each tenant has one group, created here; it grows by one member per cycle (alike in both tenants).
THREADS threads, one keep-alive connection each, run cycles back to back for PHASE_SECONDS; a round runs the
small tenant and the big one (order alternating per round: AB, BA, AB, ...)."""
import json
import os
import random
import sys
import threading
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from benchlib import GROUP_SCHEMA, PATCH_SCHEMA, Client, filter_query, median, members_add, ms, new_user, percentile  # noqa: E402

base = sys.argv[1]
tenants = {"A": (sys.argv[2], sys.argv[3]), "B": (sys.argv[4], sys.argv[5])}
threads = int(os.environ.get("THREADS", "16"))
rounds = int(os.environ.get("ROUNDS", "3"))
seconds = float(os.environ.get("PHASE_SECONDS", "20"))
warmup = float(os.environ.get("WARMUP", "10"))
run_tag = f"{random.randrange(1 << 30):x}"
STEPS = ("lookup_userName", "create", "patch_user", "patch_group", "lookup_externalId")

groups = {}
for key, (tenant, token) in tenants.items():
    _, group = Client(base, token).json("POST", f"/tenants/{tenant}/scim/v2/Groups",
                                        {"schemas": [GROUP_SCHEMA], "displayName": f"bench5-{run_tag}"}, expect=201)
    groups[key] = group["id"]

patch_user = json.dumps({"schemas": [PATCH_SCHEMA], "Operations": [
    {"op": "Replace", "path": "active", "value": "False"},
    {"op": "replace", "value": {"name.givenName": "Patched"}}]})


def worker(key, phase, index, deadline, out):
    tenant, token = tenants[key]
    scim = f"/tenants/{tenant}/scim/v2"
    client = Client(base, token)
    lat = {s: [] for s in STEPS}
    cycles, errors, first_error, i = 0, 0, None, 0
    while time.perf_counter() < deadline:
        i += 1
        name = f"cyc-{run_tag}-{phase}-{index}-{i}@contoso.com"
        external = f"ext-{run_tag}-{phase}-{index}-{i}"
        try:
            t0 = time.perf_counter()
            _, body = client.request("GET", f"{scim}/Users?" + filter_query(f'userName eq "{name}"'), expect=200)
            if b'"totalResults":0' not in body:
                raise RuntimeError(f"lookup of a new userName found something: {body[:200]!r}")
            t1 = time.perf_counter()
            _, user = client.json("POST", f"{scim}/Users", new_user(name, external), expect=201)
            t2 = time.perf_counter()
            client.request("PATCH", f"{scim}/Users/{user['id']}", patch_user, expect=200)
            t3 = time.perf_counter()
            client.request("PATCH", f"{scim}/Groups/{groups[key]}", members_add([user["id"]]), expect=(200, 204))
            t4 = time.perf_counter()
            _, body = client.request("GET", f"{scim}/Users?" + filter_query(f'externalId eq "{external}"'), expect=200)
            if b'"totalResults":1,' not in body:
                raise RuntimeError(f"lookup by externalId did not find exactly the new user: {body[:200]!r}")
            t5 = time.perf_counter()
        except Exception as e:  # noqa: BLE001 - counted and reported, the run goes on
            errors += 1
            first_error = first_error or str(e)[:300]
            continue
        cycles += 1
        for step, d in zip(STEPS, (t1 - t0, t2 - t1, t3 - t2, t4 - t3, t5 - t4)):
            lat[step].append(d)
    client.close()
    out.append((cycles, errors, first_error, lat))


def phase(key, name, duration):
    out = []
    cpu0, start = time.process_time(), time.perf_counter()
    deadline = start + duration
    workers = [threading.Thread(target=worker, args=(key, name, i, deadline, out)) for i in range(threads)]
    for w in workers:
        w.start()
    for w in workers:
        w.join()
    elapsed, cpu = time.perf_counter() - start, time.process_time() - cpu0
    cycles = sum(o[0] for o in out)
    errors = sum(o[1] for o in out)
    first_error = next((o[2] for o in out if o[2]), None)
    lat = {s: [x for o in out for x in o[3][s]] for s in STEPS}
    return {"key": key, "cycles": cycles, "errors": errors, "first_error": first_error, "elapsed": elapsed,
            "rate": cycles / elapsed, "cpu": cpu / elapsed, "lat": lat}


label = {"A": f"A ({tenants['A'][0]})", "B": f"B ({tenants['B'][0]})"}
print(f"cycles: {threads} threads, {rounds} rounds x {seconds:.0f} s per tenant, warm-up {warmup:.0f} s each")
if warmup > 0:
    for key in ("A", "B"):
        phase(key, f"w{key}", warmup)
results = {"A": [], "B": []}
for r in range(rounds):
    for key in (("A", "B") if r % 2 == 0 else ("B", "A")):
        res = phase(key, f"r{r}{key}", seconds)
        results[key].append(res)
        err = f"; first error: {res['first_error']}" if res["first_error"] else ""
        print(f"round {r + 1} {label[key]:<16} {res['rate']:8.1f} cycles/s ({res['cycles']} cycles, {res['errors']} errors, "
              f"{res['elapsed']:.1f} s; driver CPU {100 * res['cpu']:.0f}% of a core){err}", flush=True)

print("-- result")
med = {k: median([x["rate"] for x in v]) for k, v in results.items()}
for key in ("A", "B"):
    steps = ", ".join(f"{s} {ms(median(sum((x['lat'][s] for x in results[key]), []))):.1f}/"
                      f"{ms(percentile(sum((x['lat'][s] for x in results[key]), []), 99)):.1f}"
                      for s in STEPS if any(x["lat"][s] for x in results[key]))
    errors = sum(x["errors"] for x in results[key])
    print(f"{label[key]:<16} median {med[key]:8.1f} cycles/s over {rounds} rounds ({errors} failed cycles); "
          f"step p50/p99 ms: {steps}")
ratio = med["B"] / med["A"] if med["A"] else float("nan")
print(f"ratio B/A: {ratio:.2f} (target >= {1 / 1.2:.2f}, i.e. B within 1.2x of A)")
