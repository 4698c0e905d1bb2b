namespace OrleansScim.Grains;

/// <summary>The grain storage provider name every SCIM grain persists through (memory, Azure Table or Redis).</summary>
public static class GrainStorage
{
    public const string Name = "scim";
}
