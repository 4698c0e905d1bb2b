using System.Diagnostics;
using OpenTelemetry;

namespace OrleansScim.Host.Telemetry;

/// <summary>
/// Runs before any exporter: takes out of every span what could name a tenant or a person. The path
/// becomes the route template (<c>/tenants/{tenantId}/scim/v2/Users/{id}</c>), the query string (filters
/// carry userNames and emails) goes, and Orleans' grain ids (their keys hold tenant ids and, for the
/// uniqueness index, the userNames themselves) go.
/// </summary>
internal sealed class SpanRedaction : BaseProcessor<Activity>
{
    public override void OnEnd(Activity activity)
    {
        List<string>? removed = null;
        foreach (var (key, _) in activity.TagObjects)
        {
            if (key == "url.query" || (key.StartsWith("orleans.", StringComparison.Ordinal) && key.EndsWith("_id", StringComparison.Ordinal)))
            {
                (removed ??= []).Add(key);
            }
        }

        foreach (var key in removed ?? [])
        {
            activity.SetTag(key, null);
        }

        if (activity.GetTagItem("url.path") is not null)
        {
            activity.SetTag("url.path", activity.GetTagItem("http.route") as string ?? "(redacted)");
        }
    }
}
