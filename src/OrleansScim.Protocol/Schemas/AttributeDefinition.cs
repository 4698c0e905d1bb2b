namespace OrleansScim.Protocol.Schemas;

/// <summary>One attribute of a schema with its RFC 7643 §7 characteristics.</summary>
public sealed record AttributeDefinition
{
    public required string Name { get; init; }

    public AttributeType Type { get; init; } = AttributeType.String;

    public bool MultiValued { get; init; }

    public string Description { get; init; } = "";

    public bool Required { get; init; }

    public bool CaseExact { get; init; }

    public Mutability Mutability { get; init; } = Mutability.ReadWrite;

    public Returned Returned { get; init; } = Returned.Default;

    public Uniqueness Uniqueness { get; init; } = Uniqueness.None;

    public IReadOnlyList<string> CanonicalValues { get; init; } = [];

    public IReadOnlyList<string> ReferenceTypes { get; init; } = [];

    public IReadOnlyList<AttributeDefinition> SubAttributes { get; init; } = [];

    /// <summary>
    /// Compared, indexed and kept unique by its <see cref="Resources.IdentityKey"/> (userName, group
    /// displayName, email addresses): equal when a person would read the same name.
    /// </summary>
    public bool IdentityKeyed { get; init; }

    /// <summary>Control characters (U+0000–U+001F, U+007F–U+009F) make a value of it invalid (names and identifiers).</summary>
    public bool ForbidsControlCharacters { get; init; }

    /// <summary>The longest value accepted, in UTF-16 code units; null for no limit of its own.</summary>
    public int? MaxLength { get; init; }

    public bool IsComplex => Type == AttributeType.Complex;

    public AttributeDefinition? FindSubAttribute(string name)
    {
        foreach (var sub in SubAttributes)
        {
            if (string.Equals(sub.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                return sub;
            }
        }

        return null;
    }
}
