using OrleansScim.Grains.Contracts;
using OrleansScim.Grains.Keys;
using OrleansScim.Protocol.Input;
using OrleansScim.Protocol.Resources;
using OrleansScim.Protocol.Schemas;

namespace OrleansScim.Grains.Resources;

/// <summary>Answers a request with the resource's representation, projected as asked, from the response cache when it can.</summary>
public static class ResourceResponder
{
    /// <summary>The representation as the answer of <paramref name="outcome"/>: <see cref="ResourceOutcome.Created"/> or <see cref="ResourceOutcome.Found"/>.</summary>
    public static async Task<ResourceResult> RespondAsync(
        ResourceParts parts, ResourceOutcome outcome, ResourceTypeDefinition type, InputRules rules, ResourceRequest request, CancellationToken cancellationToken)
    {
        // meta.location is part of the representation (RFC 7643 §3.1), at the SCIM base the client used.
        var location = GrainKeys.Location(request.BaseUrl, parts.Kind.EndpointName, parts.ResourceId);
        var version = ResourceMeta.FormatETag(parts.Record.State.Version);
        var withLocation = outcome == ResourceOutcome.Created;
        var projection = AttributeProjection.Create(type, request.Attributes, request.ExcludedAttributes, rules);
        if (parts.Members.HasExternalMembers && projection.Includes("members"))
        {
            // A large group's member list is read from its buckets only when the response shows it.
            var document = parts.Compose(type, location);
            await parts.Members.AddExternalMembersAsync(document, cancellationToken);
            return Result(outcome, version, ScimJson.SerializeToUtf8(projection.Apply(document)));
        }

        // Only whole-resource reads are cached below: a create's response (with Location) is sent once, and
        // keeping it would cost every freshly provisioned activation a second copy of the resource.
        if (!projection.IsDefault || withLocation)
        {
            return Result(outcome, version, ScimJson.SerializeToUtf8(projection.Apply(parts.Compose(type, location))));
        }

        var body = parts.Responses.BodyFor(request.BaseUrl, () => ScimJson.SerializeToUtf8(projection.Apply(parts.Compose(type, location))));
        var response = Result(outcome, version, body);
        if (!parts.Members.HasExternalMembers)
        {
            parts.Responses.KeepGetResponse(response);
        }

        return response;
    }

    private static ResourceResult Result(ResourceOutcome outcome, string version, byte[] document) =>
        new() { Outcome = outcome, Version = version, Document = document };
}
