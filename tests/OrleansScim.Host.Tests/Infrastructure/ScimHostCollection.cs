namespace OrleansScim.Host.Tests.Infrastructure;

/// <summary>Tests that share one host (and its silo); each test makes its own tenant.</summary>
[CollectionDefinition(Name)]
public sealed class ScimHostCollection : ICollectionFixture<ScimHostFactory>
{
    public const string Name = "scim host";
}
