#!/usr/bin/env python3
"""Bytes per stored user by category, from `dumpheap -stat` of a dotnet-dump heap dump.

GCDUMP=/tmp/run.gcdump load/bench/bench1-provision.sh 1000 100000      # writes /tmp/run.gcdump.heapstat.txt
python3 load/profiling/heap_by_category.py /tmp/run.gcdump.heapstat.txt 100000

Categories are read off the type names: strings, byte arrays, Orleans' runtime types, this service's types,
dependency-injection scopes, the GC's free space, and the rest.
"""
import collections
import re
import sys

categories, total = collections.Counter(), 0
for line in open(sys.argv[1]):
    match = re.match(r'^\s*[0-9a-f]{12,16}\s+([\d,]+)\s+([\d,]+)\s+(.*)$', line)
    if not match:
        continue
    size, name = int(match.group(2).replace(',', '')), match.group(3)
    total += size
    if name == 'Free':
        category = 'free space (fragmentation)'
    elif name == 'System.String':
        category = 'strings'
    elif name == 'System.Byte[]':
        category = 'byte arrays'
    elif 'OrleansScim' in name:
        category = 'OrleansScim objects'
    elif 'Orleans' in name:
        category = 'Orleans runtime'
    elif 'DependencyInjection' in name:
        category = 'DI scopes'
    else:
        category = 'other'
    categories[category] += size

users = int(sys.argv[2])
print(f"total {total / 1e6:.0f} MB, {total / users:.0f} B per user")
for category, size in categories.most_common():
    print(f"{size / 1e6:8.1f} MB {size / users:7.0f} B/user  {category}")
