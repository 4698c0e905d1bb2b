namespace OrleansScim.Host.Tests.Infrastructure;

/// <summary>Schema URNs the tests send.</summary>
public static class Schemas
{
    public const string User = "urn:ietf:params:scim:schemas:core:2.0:User";
    public const string Group = "urn:ietf:params:scim:schemas:core:2.0:Group";
    public const string Enterprise = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
    public const string GroupTalkUser = "urn:ietf:params:scim:schemas:extension:grouptalk:2.0:User";
    public const string GroupTalkGroup = "urn:ietf:params:scim:schemas:extension:grouptalk:2.0:Group";
    public const string AdScimGroup = "http://schemas.microsoft.com/2006/11/ResourceManagement/ADSCIM/2.0/Group";
    public const string PatchOp = "urn:ietf:params:scim:api:messages:2.0:PatchOp";
    public const string ListResponse = "urn:ietf:params:scim:api:messages:2.0:ListResponse";
    public const string SearchRequest = "urn:ietf:params:scim:api:messages:2.0:SearchRequest";
    public const string Error = "urn:ietf:params:scim:api:messages:2.0:Error";
}
