using System.Globalization;
using System.Text.Json.Nodes;

namespace OrleansScim.Protocol.Errors;

/// <summary>Builds the RFC 7644 §3.12 error body.</summary>
public static class ScimError
{
    public const string Schema = "urn:ietf:params:scim:api:messages:2.0:Error";

    public static JsonObject ToJson(int status, string? scimType, string? detail)
    {
        var body = new JsonObject
        {
            ["schemas"] = new JsonArray(Schema),
            // RFC 7644 §3.12 shows status as a JSON string; Azure AD and most clients expect that form.
            ["status"] = status.ToString(CultureInfo.InvariantCulture),
        };
        if (scimType is not null)
        {
            body["scimType"] = scimType;
        }

        if (detail is not null)
        {
            body["detail"] = detail;
        }

        return body;
    }

    public static JsonObject ToJson(ScimException exception) =>
        ToJson(exception.Status, exception.ScimType, exception.Detail);
}
