using OrleansScim.Grains.Contracts;
using OrleansScim.Grains.Keys;
using OrleansScim.Protocol.Input;
using OrleansScim.Protocol.Resources;
using OrleansScim.Protocol.Schemas;

namespace OrleansScim.Grains.Resources;

/// <summary>Answers a request with the resource's representation, projected as asked, from the response cache when it can.</summary>
public static class ResourceResponder
{
    public static async Task<ScimResponse> RespondAsync(
        ResourceParts parts, int status, ResourceTypeDefinition type, InputRules rules, ResourceRequest request, bool withLocation, CancellationToken cancellationToken)
    {
        var location = $"{request.BaseUrl}/{parts.Kind.EndpointName}/{GrainKeys.Encode(parts.ResourceId)}";
        var etag = ResourceMeta.FormatETag(parts.Record.State.Version);
        var projection = AttributeProjection.Create(type, request.Attributes, request.ExcludedAttributes, rules);
        if (parts.Members.HasExternalMembers && projection.Includes("members"))
        {
            // A large group's member list is read from its buckets only when the response shows it.
            var document = parts.Compose(type, location);
            await parts.Members.AddExternalMembersAsync(document, cancellationToken);
            return ScimResponses.Json(status, projection.Apply(document), etag, withLocation ? location : null);
        }

        // Only whole-resource reads are cached below: a create's response (with Location) is sent once, and
        // keeping it would cost every freshly provisioned activation a second copy of the resource.
        if (!projection.IsDefault || withLocation)
        {
            return ScimResponses.Json(status, projection.Apply(parts.Compose(type, location)), etag, withLocation ? location : null);
        }

        var body = parts.Responses.BodyFor(request.BaseUrl, () => ScimJson.SerializeToUtf8(projection.Apply(parts.Compose(type, location))));
        var response = ScimResponses.Bytes(status, body, etag);
        if (status == 200 && !parts.Members.HasExternalMembers)
        {
            parts.Responses.KeepGetResponse(response);
        }

        return response;
    }
}
