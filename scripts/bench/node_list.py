#!/usr/bin/env python3
"""Fills a running server with N nodes and times the filtered, paged node list.

Usage: node_list.py BASE_URL ADMIN_PASSWORD [NODES]
Prints one Markdown table row per query: median and p95 over repeated requests on one
keep-alive connection, authenticated with an API token (Basic would time bcrypt, not the query).
"""
import http.client
import json
import statistics
import sys
import time
import base64
import urllib.parse

base, password = sys.argv[1], sys.argv[2]
count = int(sys.argv[3]) if len(sys.argv) > 3 else 10_000
url = urllib.parse.urlparse(base)
conn = http.client.HTTPConnection(url.hostname, url.port, timeout=120)
basic = "Basic " + base64.b64encode(f"admin:{password}".encode()).decode()


def call(method, path, body=None, auth=None):
    headers = {"Authorization": auth or token_header, "Content-Type": "application/json"}
    conn.request(method, path, body=json.dumps(body) if body is not None else None, headers=headers)
    response = conn.getresponse()
    data = response.read()
    if response.status >= 300:
        raise SystemExit(f"{method} {path} -> {response.status}: {data[:300]!r}")
    return json.loads(data) if data else None


token_header = None
token = call("POST", "/api/v1/api-tokens", {"name": "bench"}, auth=basic)["token"]
token_header = "Bearer " + token

suffix = str(int(time.time()))
tenant = call("POST", "/api/v1/tenants", {"name": "bench_" + suffix})["id"]
pools = [call("POST", "/api/v1/node-pools", {"name": f"bench_{suffix}_{i}", "tenantId": tenant})
         for i in range(10)]
gpu_types = ["H100", "A100", "H800", "L40S"]

started = time.perf_counter()
batch = 5_000
batch_seconds = []
for first in range(0, count, batch):
    batch_started = time.perf_counter()
    lines = ["ip,hostname,nodePool,gpuType,gpuCount,labels"]
    for i in range(first, min(count, first + batch)):
        ip = f"127.{100 + i // 65536}.{i // 256 % 256}.{i % 256}"
        pool = pools[i % len(pools)]["name"]
        lines.append(f"{ip},gpu-{suffix}-{i:05d},{pool},{gpu_types[i % 4]},8,rack=r{i % 40};row={i % 7}")
    call("POST", "/api/v1/nodes/import", {"csv": "\n".join(lines)})
    batch_seconds.append(time.perf_counter() - batch_started)
import_seconds = time.perf_counter() - started

queries = {
    "first page, no filter": "/api/v1/nodes?page=0&size=50",
    "by pool": f"/api/v1/nodes?poolId={pools[3]['id']}&size=50",
    "by tenant + label rack=r7": f"/api/v1/nodes?tenantId={tenant}&label=rack=r7&size=50",
    "two labels + GPU type + unlocked": "/api/v1/nodes?label=rack=r7&label=row=3&gpuType=L40S&locked=false&size=50",
    "free text on IP/hostname": f"/api/v1/nodes?q=gpu-{suffix}-0012&size=50",
    "sorted by hostname, page 100": "/api/v1/nodes?sort=hostname,desc&page=100&size=50",
}
print(f"| query ({count} nodes) | median ms | p95 ms | total matched |")
print("|---|---|---|---|")
for name, path in queries.items():
    for _ in range(20):
        call("GET", path)
    timings = []
    for _ in range(100):
        t0 = time.perf_counter()
        result = call("GET", path)
        timings.append((time.perf_counter() - t0) * 1000)
    timings.sort()
    print(f"| {name} | {statistics.median(timings):.1f} | {timings[94]:.1f} | {result['total']} |")
print(f"\nImported {count} nodes in {import_seconds:.1f} s ({count / import_seconds:.0f} nodes/s), "
      f"{len(batch_seconds)} requests of up to {batch}: first {batch_seconds[0]:.1f} s, "
      f"median {statistics.median(batch_seconds):.1f} s, last {batch_seconds[-1]:.1f} s.")
