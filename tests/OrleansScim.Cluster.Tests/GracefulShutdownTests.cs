using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using OrleansScim.Cluster.Tests.Infrastructure;
using Xunit.Abstractions;

namespace OrleansScim.Cluster.Tests;

/// <summary>
/// SIGTERM, as Kubernetes sends it on a rolling update or scale-in: the silo finishes what it has
/// accepted, leaves the cluster explicitly and exits 0 in time; the others carry on at once.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class GracefulShutdownTests(ClusterServers servers, ITestOutputHelper output)
{
    private const int ShutdownTimeoutSeconds = 30;

    /// <summary>
    /// Orleans' default failure detection (5 s probes, three missed) would keep survivors failing calls
    /// to a silo that vanished without a word for well over this; one that said goodbye costs nothing.
    /// </summary>
    private static readonly TimeSpan MaxReadLatency = TimeSpan.FromSeconds(5);

    [Fact]
    public async Task SigtermUnderLightLoad_FinishesInFlightRequests_ExitsZeroWithinTheTimeout_AndSurvivorsServeWithoutAMembershipWait()
    {
        // Production membership settings on purpose (no FastFailureDetection): nothing here may wait for failure detection.
        var settings = new Dictionary<string, string> { ["Cluster__ShutdownTimeoutSeconds"] = ShutdownTimeoutSeconds.ToString(CultureInfo.InvariantCulture) };
        await using var cluster = await ScimCluster.StartAsync(servers, ["a", "b", "c"], settings);
        await cluster.VerifyAsync(async () =>
        {
            var (a, b, c) = (cluster["a"], cluster["b"], cluster["c"]);
            var tenant = await cluster.CreateTenantAsync(a, "sigterm");
            var users = new ConcurrentDictionary<string, string>();
            for (var i = 0; i < 12; i++)
            {
                // Created through a: many of these grains are active on a when it stops.
                var name = $"seed{i}@sigterm.test";
                users[name] = (await a.PostAsync(tenant, "/Users", Scim.User(name))).Expect(HttpStatusCode.Created).Id;
            }

            var group = (await a.PostAsync(tenant, "/Groups", Scim.Group("Seeded", users.Values))).Expect(HttpStatusCode.Created).Id;

            var log = new RequestLog();
            var signalled = new TaskCompletionSource<double>(TaskCreationOptions.RunContinuationsAsynchronously);
            using var stop = new CancellationTokenSource();

            async Task WriteAsync(SiloProcess silo)
            {
                for (var n = 0; !stop.IsCancellationRequested; n++)
                {
                    var name = $"{silo.Name}-{n}@sigterm.test";
                    var content = new TimedContent(Scim.User(name), log);
                    var reply = await log.SendAsync(silo, "create user", () => silo.SendAsync(Post(tenant, "/Users", content)), () => content.SentAt);
                    if (reply?.Status == HttpStatusCode.Created)
                    {
                        users[name] = reply.Id;
                    }
                    else if (silo == a && signalled.Task.IsCompleted)
                    {
                        return; // a has stopped taking requests; its clients go elsewhere.
                    }

                    await Task.Delay(100); // Light load: about ten writes a second per front end.
                }
            }

            var workers = new[] { a, b, c }.Select(WriteAsync).ToList();
            await Eventually.UntilAsync(
                () => Task.FromResult(log.Records),
                records => new[] { a, b, c }.All(s => records.Count(r => r.Silo == s.Name && r.Succeeded) >= 5),
                "the light load runs on every silo",
                TimeSpan.FromSeconds(30));

            // A request a has certainly received part of when the signal comes, and whose body ends only once a has stopped accepting connections.
            var slowContent = new TimedContent(Scim.User("slow@sigterm.test"), log, pauseHalfway: true);
            var slow = log.SendAsync(a, "slow create", () => a.SendAsync(Post(tenant, "/Users", slowContent)), () => slowContent.SentAt);
            await slowContent.HalfSent;

            var signalledAt = log.Now;
            a.Terminate();
            signalled.SetResult(signalledAt);
            await Eventually.UntilAsync(() => AcceptsConnectionsAsync(a.HttpPort), accepts => !accepts, "a stops accepting connections", TimeSpan.FromSeconds(ShutdownTimeoutSeconds));
            var stoppedAcceptingAt = log.Now;
            slowContent.Release();
            var slowReply = await slow;

            Assert.True(await a.WaitForExitAsync(TimeSpan.FromSeconds(ShutdownTimeoutSeconds + 10)), $"a is still running {ShutdownTimeoutSeconds + 10} s after SIGTERM");
            var exitedAt = log.Now;
            output.WriteLine($"SIGTERM at {signalledAt:F2} s; a stopped accepting connections {stoppedAcceptingAt - signalledAt:F2} s later and exited {exitedAt - signalledAt:F2} s after the signal with code {a.ExitCode}");
            Assert.Equal(0, a.ExitCode);
            Assert.Contains($"(at most {ShutdownTimeoutSeconds} s)", a.Output(int.MaxValue), StringComparison.Ordinal); // Cluster__ShutdownTimeoutSeconds is the host's shutdown timeout.
            Assert.True(exitedAt - signalledAt < ShutdownTimeoutSeconds, $"a exited {exitedAt - signalledAt:F1} s after SIGTERM, beyond its {ShutdownTimeoutSeconds} s shutdown timeout");

            Assert.True(slowReply?.Status == HttpStatusCode.Created, $"The request in flight at SIGTERM completes: {(object?)slowReply ?? "no answer"}");
            users["slow@sigterm.test"] = slowReply!.Id;

            // a left the membership table itself: nobody has to suspect it and vote it dead.
            var membership = await cluster.MembershipAsync();
            Assert.Equal(SiloStatus.Dead, membership.Single(row => row.SiloName == a.Name).Status);
            Assert.All(membership.Where(row => row.SiloName != a.Name), row => Assert.Equal(SiloStatus.Active, row.Status));

            // The survivors keep taking writes after a has gone, then everything written anywhere is read through them.
            await Eventually.UntilAsync(
                () => Task.FromResult(log.Records),
                records => records.Count(r => r.Silo != a.Name && r.Start > exitedAt && r.Succeeded) >= 10,
                "the survivors take writes after a exited",
                TimeSpan.FromSeconds(30));
            await stop.CancelAsync();
            await Task.WhenAll(workers);

            var reads = new ConcurrentQueue<(string Name, Reply Reply, TimeSpan Took)>();
            var survivors = new[] { b, c };
            await Parallel.ForEachAsync(users.Select((user, i) => (user.Key, user.Value, Reader: survivors[i % 2])), new ParallelOptions { MaxDegreeOfParallelism = 6 }, async (user, _) =>
            {
                var clock = Stopwatch.StartNew();
                var reply = await user.Reader.GetAsync(tenant, $"/Users/{user.Value}");
                reads.Enqueue((user.Key, reply, clock.Elapsed));
            });
            var members = Scim.MemberIds((await c.GetAsync(tenant, $"/Groups/{group}")).Expect(HttpStatusCode.OK).Json);

            var records = log.Records;
            output.WriteLine($"{records.Count} writes, {records.Count(r => !r.Succeeded)} failed ({records.Count(r => r.Silo != a.Name && !r.Succeeded)} on the survivors); {reads.Count} reads after the exit, slowest {reads.Max(r => r.Took).TotalSeconds:F2} s");
            output.WriteLine(RequestLog.Describe(records.Where(r => !r.Succeeded || r.Silo == a.Name && r.End > signalledAt)));

            // A call that a survivor had in flight to one of a's grains while a deactivated them can still be
            // lost (Orleans forwards such calls on a best-effort basis: dotnet/orleans#2287) and answered 503;
            // nothing else may fail, and nothing at all once a has gone.
            var survivorFailures = records.Where(r => r.Silo != a.Name && !r.Succeeded).ToList();
            Assert.True(survivorFailures.All(r => r.Status is { } status && (int)status >= 500 && r.Start >= signalledAt && r.Start < exitedAt),
                "The survivors answer every request, apart from a 5xx for one in flight while a stopped:\n" + RequestLog.Describe(survivorFailures));
            Assert.True(records.Where(r => r.Silo == a.Name && r.Sent < signalledAt).All(r => r.Succeeded),
                "Every request sent to a before SIGTERM completes:\n" + RequestLog.Describe(records.Where(r => r.Silo == a.Name && r.Sent < signalledAt && !r.Succeeded)));
            Assert.True(records.Where(r => r.Silo == a.Name && !r.Succeeded).All(r => r.Error is not null),
                "a refuses later requests at the connection, never with an error answer:\n" + RequestLog.Describe(records.Where(r => r.Silo == a.Name && r.Error is null && !r.Succeeded)));
            Assert.True(reads.All(r => r.Reply.Status == HttpStatusCode.OK),
                "Every user written through any silo is read through the survivors:\n" + string.Join('\n', reads.Where(r => r.Reply.Status != HttpStatusCode.OK).Select(r => r.Reply)));
            Assert.True(reads.All(r => r.Took < MaxReadLatency),
                $"No read waits for failure detection (over {MaxReadLatency.TotalSeconds} s):\n" + string.Join('\n', reads.Where(r => r.Took >= MaxReadLatency).Select(r => $"{r.Took.TotalSeconds:F2} s {r.Reply.Request}")));
            Assert.Equal(12, members.Count);
        });
    }

    private static HttpRequestMessage Post(Tenant tenant, string path, HttpContent content) => new(HttpMethod.Post, tenant.BasePath + path)
    {
        Headers = { Authorization = new AuthenticationHeaderValue("Bearer", tenant.Token) },
        Content = content,
    };

    private static async Task<bool> AcceptsConnectionsAsync(int port)
    {
        using var client = new TcpClient();
        try
        {
            await client.ConnectAsync(IPAddress.Loopback, port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
