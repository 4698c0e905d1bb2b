#!/usr/bin/env python3
"""Latency of creates one after another (no concurrency): what a create waits for, mostly storage round
trips when the storage is durable and far (see latency_proxy.py), and the storage operations per create
(the host's GET /bench/storage, so Benchmarks__Enabled=true, as start-host.sh sets).
Creates a tenant (limits raised), WARM creates first (not measured), then N measured; prints one line.
Usage: create_latency.py BASE_URL ADMIN_KEY TENANT [N] [WARM]"""
import sys
import time

import benchlib

base, admin_key, tenant = sys.argv[1], sys.argv[2], sys.argv[3]
n = int(sys.argv[4]) if len(sys.argv) > 4 else 100
warm = int(sys.argv[5]) if len(sys.argv) > 5 else 20

admin = benchlib.Client(base, admin_key)
_, created = admin.json("POST", "/admin/tenants", {"tenantId": tenant}, expect=201)
admin.json("PUT", f"/admin/tenants/{tenant}/limits", {"requestsPerSecond": 1000000, "burst": 10000000}, expect=200)
scim = benchlib.Client(base, created["token"])


def create(i):
    scim.request("POST", f"/tenants/{tenant}/scim/v2/Users", benchlib.new_user(f"latency{i}@{tenant}.test"), expect=201)


for i in range(warm):
    create(i)
_, before = admin.json("GET", "/bench/storage", expect=200)
latencies = []
for i in range(warm, warm + n):
    started = time.perf_counter()
    create(i)
    latencies.append(benchlib.ms(time.perf_counter() - started))
_, after = admin.json("GET", "/bench/storage", expect=200)
per_create = ", ".join(f"{key} {(after[key] - before[key]) / n:.2f}" for key in sorted(after) if isinstance(after[key], (int, float)))
print(f"{n} creates one after another: p50 {benchlib.median(latencies):.1f} ms, p10 {benchlib.percentile(latencies, 10):.1f}, "
      f"p90 {benchlib.percentile(latencies, 90):.1f}; storage operations per create: {per_create}")
