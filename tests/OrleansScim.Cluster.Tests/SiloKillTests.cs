using System.Collections.Concurrent;
using System.Net;
using OrleansScim.Cluster.Tests.Infrastructure;
using Xunit.Abstractions;

namespace OrleansScim.Cluster.Tests;

/// <summary>
/// A silo dies (SIGKILL, no goodbye) while every front end takes concurrent writes. Storage is the
/// only memory: what was acknowledged must be there, whoever reads it; clients see errors only from
/// the dead silo or while the cluster notices the death.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class SiloKillTests(ClusterServers servers, ITestOutputHelper output)
{
    /// <summary>
    /// How long after the kill survivors may still fail requests: with <see cref="ScimCluster.FastFailureDetection"/>
    /// the dead silo is voted out after about three missed one-second probes (2-3 s here); the rest
    /// is slack for a slow, shared machine.
    /// </summary>
    private static readonly TimeSpan RecoveryWindow = TimeSpan.FromSeconds(15);

    private const int WorkersPerSilo = 3;

    [Theory]
    [InlineData(ClusterBackend.AzureTable)]
    [InlineData(ClusterBackend.Redis)]
    public async Task SigkillOfSiloAUnderConcurrentWrites_EveryAcknowledgedWriteIsReadableThroughTheSurvivors_AndErrorsEndWithinABoundedWindow(ClusterBackend backend)
    {
        await using var cluster = await ScimCluster.StartAsync(servers, ["a", "b", "c"], ScimCluster.FastFailureDetection, backend);
        await cluster.VerifyAsync(async () =>
        {
            var (a, b, c) = (cluster["a"], cluster["b"], cluster["c"]);
            var tenant = await cluster.CreateTenantAsync(b, "kill");
            var group = (await b.PostAsync(tenant, "/Groups", Scim.Group("Everyone"))).Expect(HttpStatusCode.Created).Id;

            var log = new RequestLog();
            var acknowledged = new Acknowledged();
            var killed = new TaskCompletionSource<double>(TaskCreationOptions.RunContinuationsAsynchronously);
            using var stop = new CancellationTokenSource();

            async Task WriteAsync(SiloProcess silo, string worker)
            {
                for (var n = 0; !stop.IsCancellationRequested; n++)
                {
                    if (silo == a && killed.Task.IsCompleted)
                    {
                        return; // Its clients have seen it die; a load balancer would stop sending there too.
                    }

                    var userName = $"{worker}-{n}@kill.test";
                    var created = await log.SendAsync(silo, "create user", () => silo.PostAsync(tenant, "/Users", Scim.User(userName)));
                    if (created?.Status != HttpStatusCode.Created)
                    {
                        await Task.Delay(20);
                        continue;
                    }

                    var id = created.Id;
                    acknowledged.Users[userName] = (id, log.Now);
                    var title = $"title-{worker}-{n}";
                    if ((await log.SendAsync(silo, "patch user", () => silo.PatchAsync(tenant, $"/Users/{id}", Scim.Replace("title", title))))?.IsSuccess == true)
                    {
                        acknowledged.Titles[id] = title;
                    }

                    if ((await log.SendAsync(silo, "add member", () => silo.PatchAsync(tenant, $"/Groups/{group}", Scim.AddMembers(id))))?.IsSuccess == true)
                    {
                        acknowledged.Members[id] = true;
                    }
                }
            }

            var workers = new[] { a, b, c }
                .SelectMany(silo => Enumerable.Range(0, WorkersPerSilo).Select(i => WriteAsync(silo, $"{silo.Name}{i}")))
                .ToList();

            // Mid-load: every front end, a included, has acknowledged writes when a dies.
            await Eventually.UntilAsync(
                () => Task.FromResult(log.Records),
                records => new[] { a, b, c }.All(s => records.Count(r => r.Silo == s.Name && r.Succeeded) >= 30),
                "every silo has acknowledged some writes",
                TimeSpan.FromSeconds(60));
            var killedAt = log.Now;
            a.Kill();
            killed.SetResult(killedAt);

            // The load goes on past the recovery window until the survivors have taken a good number of writes after it.
            var windowEnd = killedAt + RecoveryWindow.TotalSeconds;
            await Eventually.UntilAsync(
                () => Task.FromResult(log.Records),
                records => records.Count(r => r.Silo != a.Name && r.Start >= windowEnd && r.Succeeded) >= 60,
                "the survivors take writes after the recovery window",
                RecoveryWindow + TimeSpan.FromSeconds(60));
            await stop.CancelAsync();
            await Task.WhenAll(workers);

            var records = log.Records;
            var survivorFailures = records.Where(r => r.Silo != a.Name && !r.Succeeded).ToList();
            output.WriteLine($"{records.Count} requests; {acknowledged.Users.Count} users acknowledged ({acknowledged.Users.Values.Count(u => u.At < killedAt)} before the kill at {killedAt:F2} s), " +
                $"{acknowledged.Titles.Count} title updates, {acknowledged.Members.Count} member additions");
            output.WriteLine($"failures on a: {records.Count(r => r.Silo == a.Name && !r.Succeeded)}; on the survivors: {survivorFailures.Count}" +
                (survivorFailures.Count > 0 ? $", the last one ending {survivorFailures.Max(r => r.End) - killedAt:F2} s after the kill" : string.Empty));
            output.WriteLine(RequestLog.Describe(survivorFailures, 20));

            Assert.True(records.Where(r => r.End < killedAt).All(r => r.Succeeded),
                "Before the kill every request succeeds:\n" + RequestLog.Describe(records.Where(r => r.End < killedAt && !r.Succeeded)));
            Assert.True(records.All(r => r.Succeeded || r.IsTransientFailure),
                "Failures are only 5xx, connection errors or timeouts, never a 4xx:\n" + RequestLog.Describe(records.Where(r => !r.Succeeded && !r.IsTransientFailure)));
            Assert.True(survivorFailures.All(r => r.Start < windowEnd),
                $"The survivors fail requests only within {RecoveryWindow.TotalSeconds} s of the kill:\n" + RequestLog.Describe(survivorFailures.Where(r => r.Start >= windowEnd)));

            await AssertEverythingAcknowledgedIsReadableAsync(tenant, group, acknowledged, [b, c], killedAt);
            var info = (await cluster.TenantInfoAsync(c, tenant)).Expect(HttpStatusCode.OK).Json;
            Assert.True(info["userCount"]!.GetValue<long>() >= acknowledged.Users.Count, $"userCount counts every acknowledged user: {info}");
        });
    }

    private static async Task AssertEverythingAcknowledgedIsReadableAsync(Tenant tenant, string group, Acknowledged acknowledged, SiloProcess[] survivors, double killedAt)
    {
        var problems = new ConcurrentQueue<string>();
        var users = acknowledged.Users.Select((user, i) => (Name: user.Key, user.Value.Id, user.Value.At, Reader: survivors[i % survivors.Length])).ToList();
        await Parallel.ForEachAsync(users, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (user, _) =>
        {
            var when = user.At < killedAt ? "before" : "after";
            var byId = await user.Reader.GetAsync(tenant, $"/Users/{user.Id}");
            if (byId.Status != HttpStatusCode.OK || byId.Json["userName"]?.GetValue<string>() != user.Name)
            {
                problems.Enqueue($"{user.Name} (acknowledged {when} the kill) by id: {byId}");
                return;
            }

            if (acknowledged.Titles.TryGetValue(user.Id, out var title) && byId.Json["title"]?.GetValue<string>() != title)
            {
                problems.Enqueue($"{user.Name}: acknowledged title {title} is not what {byId}");
            }

            var byFilter = await user.Reader.FilterAsync(tenant, "Users", $"userName eq \"{user.Name}\"");
            if (byFilter.Status != HttpStatusCode.OK || byFilter.Resources.Count != 1 || byFilter.Resources[0]["id"]!.GetValue<string>() != user.Id)
            {
                problems.Enqueue($"{user.Name} (acknowledged {when} the kill) by filter: {byFilter}");
            }
        });

        var members = Scim.MemberIds((await survivors[^1].GetAsync(tenant, $"/Groups/{group}")).Expect(HttpStatusCode.OK).Json).ToHashSet();
        foreach (var member in acknowledged.Members.Keys.Where(id => !members.Contains(id)))
        {
            problems.Enqueue($"acknowledged member {member} is missing from the group");
        }

        Assert.True(problems.IsEmpty, $"{problems.Count} acknowledged writes are not readable through the survivors:\n{string.Join('\n', problems.Take(40))}");
    }

    /// <summary>What the service acknowledged with a 2xx, as the clients saw it.</summary>
    private sealed class Acknowledged
    {
        public ConcurrentDictionary<string, (string Id, double At)> Users { get; } = new();

        public ConcurrentDictionary<string, string> Titles { get; } = new();

        public ConcurrentDictionary<string, bool> Members { get; } = new();
    }
}
