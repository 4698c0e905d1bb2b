using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using OrleansScim.Cluster.Tests.Infrastructure;
using Xunit.Abstractions;

namespace OrleansScim.Cluster.Tests;

/// <summary>
/// A Deployment rollout of three silos on Azure Table membership and state (Azurite), under steady
/// provisioning: one pod at a time leaves the Service's endpoints, gets SIGTERM, exits, and is replaced by a
/// new one that must be ready before the next goes (maxUnavailable 0, maxSurge 1). No acknowledged write is
/// lost; what clients see fail is transient and under 1 % of the requests.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class RollingUpgradeTests(ClusterServers servers, ITestOutputHelper output)
{
    private const int Writers = 4;

    /// <summary>What the chart's preStop sleep gives the endpoints controller and kube-proxy before SIGTERM (seconds).</summary>
    private static readonly TimeSpan PreStop = TimeSpan.FromSeconds(1);

    [Fact]
    public async Task RollingRestart_OfThreeSilos_UnderProvisioning_LosesNoAcknowledgedWrite_AndFailsUnderOnePercent()
    {
        var settings = new Dictionary<string, string> { ["Cluster__ShutdownTimeoutSeconds"] = "30" };
        await using var cluster = await ScimCluster.StartAsync(servers, ["a", "b", "c"], settings);
        await cluster.VerifyAsync(async () =>
        {
            var tenant = await cluster.CreateTenantAsync(cluster["a"], "rollout");
            var service = new ServiceEndpoints([cluster["a"], cluster["b"], cluster["c"]]);
            var log = new RequestLog();
            var acknowledged = new ConcurrentDictionary<string, string>();
            using var stop = new CancellationTokenSource();

            async Task ProvisionAsync(int writer)
            {
                for (var n = 0; !stop.IsCancellationRequested; n++)
                {
                    var silo = service.Next();
                    var name = $"w{writer}-{n}@rollout.test";
                    var reply = await log.SendAsync(silo, "create user", () => silo.PostAsync(tenant, "/Users", Scim.User(name)));
                    if (reply?.Status == HttpStatusCode.Created)
                    {
                        acknowledged[name] = reply.Id;
                    }
                }
            }

            var writers = Enumerable.Range(0, Writers).Select(w => Task.Run(() => ProvisionAsync(w))).ToList();
            await Eventually.UntilAsync(() => Task.FromResult(acknowledged.Count), count => count >= 30, "provisioning runs before the rollout", TimeSpan.FromSeconds(60));

            var rolloutStart = log.Now;
            foreach (var name in new[] { "a", "b", "c" })
            {
                var old = cluster[name];
                service.Remove(old);
                await Task.Delay(PreStop);
                old.Terminate();
                Assert.True(await old.WaitForExitAsync(TimeSpan.FromSeconds(45)), $"{old} still running 45 s after SIGTERM:\n{old.Output()}");
                Assert.Equal(0, old.ExitCode);

                var replacement = (await cluster.StartSilosAsync([name]))[0];
                service.Add(replacement);
                output.WriteLine($"{log.Now - rolloutStart:F1} s: {name} replaced ({acknowledged.Count} users acknowledged so far)");
            }

            var rolloutSeconds = log.Now - rolloutStart;
            await Eventually.UntilAsync(() => Task.FromResult(log.Records), records => records.Any(r => r.Start > log.Now - 5 && r.Succeeded), "provisioning continues after the rollout", TimeSpan.FromSeconds(30));
            await stop.CancelAsync();
            await Task.WhenAll(writers);

            var records = log.Records;
            var failures = records.Where(r => !r.Succeeded).ToList();
            var rate = (double)failures.Count / records.Count;
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"rollout of 3 silos took {rolloutSeconds:F1} s; {records.Count} creates, {failures.Count} failed ({rate:P2}), {acknowledged.Count} acknowledged"));
            output.WriteLine(RequestLog.Describe(failures));

            Assert.True(failures.All(r => r.IsTransientFailure), "Only transient failures (5xx, connection errors):\n" + RequestLog.Describe(failures.Where(r => !r.IsTransientFailure)));
            Assert.True(rate < 0.01, $"{failures.Count} of {records.Count} requests failed:\n{RequestLog.Describe(failures)}");

            // Every acknowledged user is there, read through the new silos.
            var silos = service.Current;
            var missing = new ConcurrentBag<string>();
            await Parallel.ForEachAsync(acknowledged.Select((user, i) => (user.Key, user.Value, Silo: silos[i % silos.Count])), new ParallelOptions { MaxDegreeOfParallelism = 6 }, async (user, _) =>
            {
                var reply = await user.Silo.GetAsync(tenant, $"/Users/{user.Value}");
                if (reply.Status != HttpStatusCode.OK)
                {
                    missing.Add($"{user.Key} ({user.Value}): {reply.Status}");
                }
            });
            Assert.True(missing.IsEmpty, $"{missing.Count} acknowledged users are missing:\n{string.Join('\n', missing.Take(20))}");

            // The tenant's count and list agree (a create that failed for its client may still have happened: at least, not exactly).
            var total = (await silos[0].GetAsync(tenant, "/Users?count=0")).Expect(HttpStatusCode.OK).TotalResults;
            Assert.InRange(total, acknowledged.Count, records.Count);
        });
    }

    /// <summary>A Service's endpoints: the ready pods, round-robin; a terminating pod leaves them before its SIGTERM.</summary>
    private sealed class ServiceEndpoints(IEnumerable<SiloProcess> initial)
    {
        private readonly List<SiloProcess> _silos = [.. initial];
        private int _next;

        public IReadOnlyList<SiloProcess> Current
        {
            get
            {
                lock (_silos)
                {
                    return [.. _silos];
                }
            }
        }

        public SiloProcess Next()
        {
            lock (_silos)
            {
                return _silos[_next++ % _silos.Count];
            }
        }

        public void Remove(SiloProcess silo)
        {
            lock (_silos)
            {
                _silos.Remove(silo);
            }
        }

        public void Add(SiloProcess silo)
        {
            lock (_silos)
            {
                _silos.Add(silo);
            }
        }
    }
}
