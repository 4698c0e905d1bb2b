#!/usr/bin/env python3
"""Creates N tenants through the admin API and writes "tenantId token" lines (benchmark setup).

Usage: create_tenants.py BASE_URL ADMIN_KEY COUNT PREFIX OUTPUT_FILE [LIMIT_RPS]
Tenant ids are PREFIX-0 .. PREFIX-(COUNT-1). Raises each tenant's rate limit to LIMIT_RPS (default
100000) so the benchmark measures the service, not its throttle. 16 threads, keep-alive connections.
"""
import os
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from benchlib import Client  # noqa: E402

base, admin_key, count, prefix, output = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4], sys.argv[5]
limit = float(sys.argv[6]) if len(sys.argv) > 6 else 100000.0
local = threading.local()


def create(i):
    if not hasattr(local, "client"):
        local.client = Client(base, admin_key)
    tenant_id = f"{prefix}-{i}"
    _, created = local.client.json("POST", "/admin/tenants", {"tenantId": tenant_id}, expect=201)
    local.client.json("PUT", f"/admin/tenants/{tenant_id}/limits", {"requestsPerSecond": limit, "burst": int(limit)}, expect=200)
    return f"{tenant_id} {created['token']}"


started = time.perf_counter()
with ThreadPoolExecutor(max_workers=16) as pool:
    lines = list(pool.map(create, range(count)))
with open(output, "w") as f:
    f.write("\n".join(lines) + "\n")
print(f"created {len(lines)} tenants in {time.perf_counter() - started:.1f} s -> {output}")
