namespace OrleansScim.Protocol.Filters;

/// <summary>
/// The <c>compValue</c> of RFC 7644 §3.4.2.2: a JSON string, number, <c>true</c>, <c>false</c> or
/// <c>null</c>. The kinds are kept together here because they only make sense as one closed set.
/// </summary>
public abstract record FilterLiteral
{
    public static FilterLiteral True { get; } = new BooleanLiteral(true);

    public static FilterLiteral False { get; } = new BooleanLiteral(false);

    public static FilterLiteral Null { get; } = new NullLiteral();
}

/// <summary>A JSON string value (already unescaped).</summary>
public sealed record StringLiteral(string Value) : FilterLiteral;

/// <summary>
/// A JSON number. The text is kept as written so that values beyond <see cref="decimal"/> or
/// <see cref="double"/> precision survive a parse/render round trip unchanged.
/// </summary>
public sealed record NumberLiteral : FilterLiteral
{
    public NumberLiteral(string text)
    {
        if (!JsonNumberText.IsValid(text))
        {
            throw new ArgumentException($"'{text}' is not a JSON number.", nameof(text));
        }

        Text = text;
    }

    public string Text { get; }
}

/// <summary><c>true</c> or <c>false</c>.</summary>
public sealed record BooleanLiteral(bool Value) : FilterLiteral;

/// <summary><c>null</c>.</summary>
public sealed record NullLiteral : FilterLiteral;

/// <summary>
/// A comparison value written without quotes (<c>userName eq alice@example.com</c>), read only when
/// <see cref="FilterOptions.AllowUnquotedValues"/> is set: the binder types it by the attribute it is
/// compared with. The text runs until whitespace or one of <c>( ) [ ] "</c>.
/// </summary>
public sealed record UnquotedLiteral(string Text) : FilterLiteral;
