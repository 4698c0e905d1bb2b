"""Prints one line from the host's /bench/memory (after a forced full collection): managed heap,
working set and activations (total and the five most numerous grain types)."""
import json
import sys
import urllib.request

with urllib.request.urlopen(sys.argv[1] + "/bench/memory?collect=true") as response:
    data = json.load(response)
total = sum(a["count"] for a in data["activations"])
top = ", ".join("%s=%d" % (a["type"].split(",")[0].rsplit(".", 1)[-1], a["count"]) for a in data["activations"][:5])
print("heap %8.1f MiB   working set %8.1f MiB   activations %7d (%s)"
      % (data["heapBytes"] / 2**20, data["workingSetBytes"] / 2**20, total, top))
