"""Small helpers shared by the Python benchmark drivers: a keep-alive HTTP client, SCIM calls, a
cursor walk, statistics. Standard library only."""
import http.client
import json
import math
import statistics
import time
import urllib.parse

SCIM = "application/scim+json"
USER_SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:User"
GROUP_SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:Group"
PATCH_SCHEMA = "urn:ietf:params:scim:api:messages:2.0:PatchOp"


class Client:
    """One keep-alive HTTP/1.1 connection (not thread-safe: one per thread)."""

    def __init__(self, base, token=None, timeout=120):
        parts = urllib.parse.urlsplit(base)
        self.host, self.port = parts.hostname, parts.port or 80
        self.prefix = parts.path.rstrip("/")
        self.timeout = timeout
        self.headers = {"Authorization": "Bearer " + token} if token else {}
        self.conn = None

    def request(self, method, path, body=None, expect=None):
        """Sends one request; returns (status, body bytes). Reconnects once if the connection dropped.
        With expect (a status or a tuple of them), raises on any other status."""
        data = None if body is None else (body if isinstance(body, (bytes, str)) else json.dumps(body))
        headers = dict(self.headers)
        if data is not None:
            headers["Content-Type"] = SCIM
        for attempt in (1, 2):
            try:
                if self.conn is None:
                    self.conn = http.client.HTTPConnection(self.host, self.port, timeout=self.timeout)
                self.conn.request(method, self.prefix + path, body=data, headers=headers)
                response = self.conn.getresponse()
                payload = response.read()
                break
            except (http.client.HTTPException, ConnectionError, OSError):
                self.close()
                if attempt == 2:
                    raise
        if expect is not None and response.status not in (expect if isinstance(expect, tuple) else (expect,)):
            raise RuntimeError(f"{method} {path} -> {response.status}: {payload[:500]!r}")
        return response.status, payload

    def json(self, method, path, body=None, expect=None):
        status, payload = self.request(method, path, body, expect)
        return status, (json.loads(payload) if payload else None)

    def close(self):
        if self.conn is not None:
            self.conn.close()
            self.conn = None


def read_tenants(path):
    """[(tenantId, token)] from a create_tenants.py output file."""
    with open(path) as f:
        return [tuple(line.split()) for line in f if line.strip()]


def quote(value):
    return urllib.parse.quote(value, safe="")


def filter_query(expression):
    return "filter=" + quote(expression)


def cursor_walk(client, resource_path, count=1000, attributes=None):
    """Walks a whole listing with cursor paging (GET ?count=N&cursor, then &cursor=<nextCursor>).
    Returns (ids in order, pages, seconds, totalResults of the first page)."""
    extra = "&attributes=" + quote(attributes) if attributes else ""
    ids, pages, total, cursor = [], 0, None, ""
    started = time.perf_counter()
    while True:
        _, page = client.json("GET", f"{resource_path}?count={count}&cursor={quote(cursor)}{extra}", expect=200)
        pages += 1
        if total is None:
            total = page.get("totalResults")
        ids.extend(r["id"] for r in page.get("Resources", []))
        cursor = page.get("nextCursor")
        if not cursor:
            break
    return ids, pages, time.perf_counter() - started, total


def new_user(user_name, external_id=None):
    """A user body like Azure AD's create (core, work email, enterprise extension)."""
    return {
        "schemas": [USER_SCHEMA, "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"],
        "userName": user_name, "externalId": external_id or user_name, "active": True,
        "displayName": "Bench User", "name": {"givenName": "Bench", "familyName": "User"},
        "emails": [{"type": "work", "value": user_name, "primary": True}],
        "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User": {"employeeNumber": "1", "department": "Sales"},
    }


def members_add(ids):
    """Azure AD's older dialect: {"op":"Add","path":"members","value":[{"value":id},...]}."""
    return {"schemas": [PATCH_SCHEMA], "Operations": [{"op": "Add", "path": "members", "value": [{"value": i} for i in ids]}]}


def ms(seconds):
    return seconds * 1000.0


def percentile(values, p):
    """Nearest-rank percentile (p in 0..100) of a non-empty list."""
    ordered = sorted(values)
    rank = max(1, min(len(ordered), math.ceil(p / 100.0 * len(ordered))))
    return ordered[rank - 1]


def median(values):
    return statistics.median(values)


def mean(values):
    return statistics.fmean(values)
