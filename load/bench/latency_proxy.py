#!/usr/bin/env python3
"""A TCP proxy that delays every answer by a fixed time: a storage service across a network, on one machine.

Azurite on loopback answers in well under a millisecond, where Azure Table Storage takes a few; in front of
Azurite this proxy shows what waiting for storage costs (queues, concurrency caps) without a cloud account.
Each chunk the upstream sends is held DELAY_MS before it is passed on (order kept per connection);
requests go upstream at once.

Usage: python3 load/bench/latency_proxy.py LISTEN_PORT UPSTREAM_PORT DELAY_MS
"""
import asyncio
import sys


async def pipe(reader, writer, delay):
    try:
        while data := await reader.read(65536):
            if delay:
                await asyncio.sleep(delay)
            writer.write(data)
            await writer.drain()
    except (ConnectionError, asyncio.CancelledError):
        pass
    finally:
        writer.close()


async def main(listen_port, upstream_port, delay):
    async def handle(client_reader, client_writer):
        try:
            upstream_reader, upstream_writer = await asyncio.open_connection("127.0.0.1", upstream_port)
        except OSError:
            client_writer.close()
            return
        await asyncio.gather(pipe(client_reader, upstream_writer, 0), pipe(upstream_reader, client_writer, delay))

    server = await asyncio.start_server(handle, "127.0.0.1", listen_port)
    async with server:
        await server.serve_forever()


if __name__ == "__main__":
    asyncio.run(main(int(sys.argv[1]), int(sys.argv[2]), float(sys.argv[3]) / 1000))
