#!/usr/bin/env python3
"""Sums the admin API's userCount over the tenants of a create_tenants.py file (a check that a
provisioning run created exactly what it reports). Usage: count_users.py BASE_URL ADMIN_KEY TENANTS_FILE"""
import os
import sys
import threading
from concurrent.futures import ThreadPoolExecutor

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from benchlib import Client, read_tenants  # noqa: E402

base, admin_key, path = sys.argv[1:4]
local = threading.local()


def count(tenant):
    if not hasattr(local, "client"):
        local.client = Client(base, admin_key)
    return local.client.json("GET", f"/admin/tenants/{tenant[0]}", expect=200)[1]["userCount"]


with ThreadPoolExecutor(max_workers=8) as pool:
    counts = list(pool.map(count, read_tenants(path)))
print(f"{sum(counts)} {min(counts)} {max(counts)}")
