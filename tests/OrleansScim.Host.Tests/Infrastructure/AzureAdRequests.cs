using System.Text.Json.Nodes;

namespace OrleansScim.Host.Tests.Infrastructure;

/// <summary>
/// PatchOp bodies exactly as the Azure AD provisioning service writes them in one <see cref="Dialect"/>.
/// Values are given as JSON (booleans as real booleans); the legacy dialect turns them into its strings.
/// </summary>
public sealed class AzureAdRequests(Dialect dialect)
{
    public const string ManagerPath = Schemas.Enterprise + ":manager";

    public Dialect Dialect => dialect;

    private bool IsLegacy => dialect == Dialect.Legacy;

    /// <summary>
    /// Attribute updates: legacy sends one capitalised "Replace" per path; the RFC dialect sends one
    /// path-less "replace" whose keys are the paths (e.g. <c>name.givenName</c>, URN-qualified names,
    /// <c>emails[type eq "work"].value</c>).
    /// </summary>
    public string Replace(params (string Path, JsonNode? Value)[] updates)
    {
        if (IsLegacy)
        {
            return PatchOp(updates.Select(u => Operation("Replace", u.Path, LegacyValue(u.Value))));
        }

        var value = new JsonObject();
        foreach (var (path, update) in updates)
        {
            value[path] = update?.DeepClone();
        }

        return PatchOp([new JsonObject { ["op"] = "replace", ["value"] = value }]);
    }

    /// <summary>Attributes that had no value before: "Add" per path in the legacy dialect, "add" per path otherwise.</summary>
    public string Add(params (string Path, JsonNode? Value)[] updates) =>
        PatchOp(updates.Select(u => Operation(IsLegacy ? "Add" : "add", u.Path, IsLegacy ? LegacyValue(u.Value) : u.Value?.DeepClone())));

    /// <summary>Disabling a user: <c>"value":"False"</c> (legacy) or <c>"value":false</c>.</summary>
    public string Disable() => IsLegacy
        ? PatchOp([Operation("Replace", "active", "False")])
        : PatchOp([Operation("replace", "active", false)]);

    public string SetManager(string managerId, ManagerForm form)
    {
        JsonNode value = form switch
        {
            ManagerForm.BareId => managerId,
            ManagerForm.ValueObject => new JsonObject { ["value"] = managerId },
            _ => new JsonArray(new JsonObject { ["$ref"] = null, ["value"] = managerId }),
        };
        return PatchOp([Operation(IsLegacy ? "Add" : "replace", ManagerPath, value)]);
    }

    /// <summary>Both dialects add members as an array of <c>{"value":id}</c> in one operation.</summary>
    public string AddMembers(IEnumerable<string> ids) =>
        PatchOp([Operation(IsLegacy ? "Add" : "add", "members", MemberArray(ids))]);

    /// <summary>Legacy: one "Remove" with a value array; RFC: one "remove" per member with a <c>members[value eq "id"]</c> path.</summary>
    public string RemoveMembers(IEnumerable<string> ids) => IsLegacy
        ? PatchOp([Operation("Remove", "members", MemberArray(ids))])
        : PatchOp(ids.Select(id => Operation("remove", $"members[value eq \"{id}\"]", null)));

    public static string PatchOp(IEnumerable<JsonObject> operations) => new JsonObject
    {
        ["schemas"] = new JsonArray(Schemas.PatchOp),
        ["Operations"] = new JsonArray([.. operations]),
    }.ToJsonString();

    public static JsonObject Operation(string op, string? path, JsonNode? value)
    {
        var operation = new JsonObject { ["op"] = op };
        if (path is not null)
        {
            operation["path"] = path;
        }

        if (value is not null)
        {
            operation["value"] = value;
        }

        return operation;
    }

    private static JsonArray MemberArray(IEnumerable<string> ids) => new([.. ids.Select(id => (JsonNode)new JsonObject { ["value"] = id })]);

    /// <summary>The legacy dialect writes booleans as "True"/"False".</summary>
    private static JsonNode? LegacyValue(JsonNode? value) => value switch
    {
        JsonValue v when v.GetValueKind() == System.Text.Json.JsonValueKind.True => "True",
        JsonValue v when v.GetValueKind() == System.Text.Json.JsonValueKind.False => "False",
        _ => value?.DeepClone(),
    };
}
