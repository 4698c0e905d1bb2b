#!/usr/bin/env python3
"""CPU time by frame in a dotnet-trace thread-time trace converted to Speedscope.

dotnet-trace collect -p PID --profile dotnet-sampled-thread-time --duration 00:00:00:15 -o t.nettrace
dotnet-trace convert t.nettrace --format Speedscope -o t
python3 load/profiling/cpu_by_frame.py t.speedscope.json [FILTER] [ROWS]

The thread-time profile samples waiting threads too; only spans whose leaf is CPU_TIME are counted here.
Prints frames by inclusive share of that CPU time (only frames whose name contains FILTER, default
"OrleansScim"), then the frames the CPU time was spent in directly.
"""
import collections
import json
import sys

trace = json.load(open(sys.argv[1]))
name_filter = sys.argv[2] if len(sys.argv) > 2 else "OrleansScim"
rows = int(sys.argv[3]) if len(sys.argv) > 3 else 40
frames = [f["name"] for f in trace["shared"]["frames"]]
inclusive, direct, total = collections.Counter(), collections.Counter(), 0.0
for profile in trace["profiles"]:
    stack, last = [], None
    for event in profile["events"]:
        at = event["at"]
        if last is not None and stack and at > last:
            names = [frames[i] for i in stack]
            if names[-1] == "CPU_TIME":
                span = at - last
                total += span
                for name in set(names[:-1]):
                    inclusive[name] += span
                direct[names[-2] if len(names) > 1 else "?"] += span
        last = at
        if event["type"] == "O":
            stack.append(event["frame"])
        elif stack and stack[-1] == event["frame"]:
            stack.pop()
        elif event["frame"] in stack:
            stack.remove(event["frame"])
print(f"CPU time sampled: {total:.0f} ms")
print(f"== inclusive, frames containing {name_filter!r}")
for name, span in [x for x in inclusive.most_common() if name_filter in x[0]][:rows]:
    print(f"{100 * span / total:5.1f}% {name[:150]}")
print("== where the CPU time was spent directly")
for name, span in direct.most_common(rows):
    print(f"{100 * span / total:5.1f}% {name[:150]}")
