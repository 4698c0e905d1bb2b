using System.Text.Json.Nodes;
using OrleansScim.Protocol.Errors;
using OrleansScim.Protocol.Input;
using OrleansScim.Protocol.Resources;
using OrleansScim.Protocol.Schemas;

namespace OrleansScim.Protocol.Patch;

/// <summary>
/// What PATCH operations on a group's "members" do, worked out without the member list: the members to
/// add, the ids to remove, and whether every current member goes first. The forms Azure AD sends (add
/// values, remove listed values, remove <c>members[value eq "id"]</c>, replace all) plan this way; any
/// other form (a sub-attribute path, another filter) has no plan and is applied to the whole list instead.
/// </summary>
public sealed class MemberPatchPlan
{
    private readonly Dictionary<string, JsonObject> _adds = new(StringComparer.Ordinal);
    private readonly HashSet<string> _removes = new(StringComparer.Ordinal);

    private MemberPatchPlan()
    {
    }

    /// <summary>Members to add (normalized elements, last one listed per id), in the order first listed.</summary>
    public IReadOnlyCollection<JsonObject> Adds => _adds.Values;

    /// <summary>True when a replace or a remove without value takes every current member away (before <see cref="Adds"/>).</summary>
    public bool RemovesAllCurrent { get; private set; }

    /// <summary>Ids to remove named by the operations; members that are not in the group are ignored by the caller.</summary>
    public IReadOnlyCollection<string> Removes => _removes;

    /// <summary>Whether the member with this id leaves the group, given that it is a current member.</summary>
    public bool Leaves(string currentMemberId) =>
        RemovesAllCurrent ? !_adds.ContainsKey(currentMemberId) : _removes.Contains(currentMemberId);

    /// <summary>The plan of <paramref name="memberSteps"/> (all targeting "members"), or null when they need the whole member list.</summary>
    public static MemberPatchPlan? TryCreate(IEnumerable<PatchStep> memberSteps, ResourceTypeDefinition group, InputRules rules)
    {
        var membersAttribute = group.Schema.FindAttribute("members")!;
        var plan = new MemberPatchPlan();
        foreach (var step in memberSteps)
        {
            var target = step.Target;
            if (target.SubAttribute is not null || (target.Filter is not null && (step.Op != PatchOperationType.Remove || ValueOnlySeed(target.Filter) is null)))
            {
                return null;
            }

            var listed = step.Value is null ? [] : ElementsOf(ValueNormalizer.Normalize(membersAttribute, step.Value, "members", rules));
            switch (step.Op)
            {
                case PatchOperationType.Add:
                    listed.ForEach(plan.Add);
                    break;
                case PatchOperationType.Remove when target.Filter is not null:
                    plan.Remove(ValueOnlySeed(target.Filter)!);
                    break;
                case PatchOperationType.Remove when step.Value is not null:
                    listed.ForEach(e => plan.Remove(IdOf(e)));
                    break;
                default:
                    // Remove without a value, or replace: every current member goes (replace then adds the listed ones).
                    plan._adds.Clear();
                    plan._removes.Clear();
                    plan.RemovesAllCurrent = true;
                    (step.Op == PatchOperationType.Replace ? listed : []).ForEach(plan.Add);
                    break;
            }
        }

        return plan;
    }

    /// <summary>A member element's id (its "value").</summary>
    public static string IdOf(JsonObject element) =>
        element.GetIgnoreCase("value") is JsonValue value && value.TryGetValue<string>(out var id)
            ? id
            : throw ScimException.InvalidValue("Each member needs a 'value' (the member's id).");

    private void Add(JsonObject element)
    {
        _adds[IdOf(element)] = element;
        _removes.Remove(IdOf(element));
    }

    private void Remove(string id)
    {
        _adds.Remove(id);
        _removes.Add(id);
    }

    private static string? ValueOnlySeed(PatchFilter filter) =>
        filter.FixedValues() is { Count: 1 } seed && seed.GetIgnoreCase("value") is JsonValue value && value.TryGetValue<string>(out var id) ? id : null;

    private static List<JsonObject> ElementsOf(JsonNode? normalized) => normalized is JsonArray array ? [.. array.OfType<JsonObject>()] : [];
}
