#!/usr/bin/env python3
"""Latency of an Azure AD membership PATCH adding N members to a new group, REPEATS times; prints the median ms.
Creates the N users on first use in the tenant (their ids are kept in a file beside the token, per tenant).
Usage: group_patch.py BASE_URL TOKEN TENANT N REPEATS"""
import http.client, json, os, statistics, sys, time, urllib.parse

base, token, tenant, n, repeats = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4]), int(sys.argv[5])
url = urllib.parse.urlparse(base)
conn = http.client.HTTPConnection(url.hostname, url.port)
headers = {"Authorization": f"Bearer {token}", "Content-Type": "application/scim+json"}
prefix = f"/tenants/{tenant}/scim/v2"


def call(method, path, body):
    conn.request(method, prefix + path, json.dumps(body), headers)
    response = conn.getresponse()
    data = response.read()
    if response.status >= 300:
        raise SystemExit(f"{method} {path}: {response.status} {data[:300]!r}")
    return json.loads(data) if data else None


ids_file = f"/tmp/orleansscim-group-patch-{tenant}-{n}.ids"
if os.path.exists(ids_file):
    ids = open(ids_file).read().split()
else:
    ids = [call("POST", "/Users", {"schemas": ["urn:ietf:params:scim:schemas:core:2.0:User"], "userName": f"member{i}@{tenant}.test"})["id"] for i in range(n)]
    open(ids_file, "w").write("\n".join(ids))

latencies = []
for r in range(repeats):
    group = call("POST", "/Groups", {"schemas": ["urn:ietf:params:scim:schemas:core:2.0:Group"], "displayName": f"g{time.time_ns()}"})["id"]
    patch = {"schemas": ["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
             "Operations": [{"op": "Add", "path": "members", "value": [{"value": i} for i in ids]}]}
    start = time.perf_counter()
    call("PATCH", f"/Groups/{group}", patch)
    latencies.append((time.perf_counter() - start) * 1000)
print(f"{statistics.median(latencies):.2f}")
