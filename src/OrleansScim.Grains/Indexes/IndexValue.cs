namespace OrleansScim.Grains.Indexes;

/// <summary>One value a resource contributes to an index, already normalized (case-folded where the index ignores case).</summary>
[GenerateSerializer, Immutable, Alias("scim.IndexValue")]
public sealed record IndexValue([property: Id(0)] string Index, [property: Id(1)] string Value, [property: Id(2)] bool Unique);
