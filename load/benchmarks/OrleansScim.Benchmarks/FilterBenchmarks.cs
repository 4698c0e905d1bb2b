using System.Text.Json.Nodes;
using BenchmarkDotNet.Attributes;
using OrleansScim.Protocol.Filters;
using OrleansScim.Protocol.Resources;

namespace OrleansScim.Benchmarks;

/// <summary>The filters the benchmarks use, from Azure AD's simplest to a long one using the whole grammar.</summary>
internal static class Filters
{
    /// <summary>Azure AD's user matching and "test connection" filter.</summary>
    public const string Short = "userName eq \"" + Samples.UserName + "\"";

    public const string ShortNoMatch = "userName eq \"someone.else@contoso.com\"";

    /// <summary>Azure AD matching on the work email: a value path with a sub-attribute.</summary>
    public const string Medium = "emails[type eq \"work\"].value eq \"" + Samples.WorkEmail + "\"";

    public const string MediumNoMatch = "emails[type eq \"work\"].value eq \"nobody@contoso.com\"";

    /// <summary>and/or/not, parentheses, a value path with an and inside, a URN-qualified attribute, pr and a date comparison.</summary>
    public const string Long =
        "(userName sw \"anna\" or emails[type eq \"work\" and value co \"@contoso.com\"]) and not (active eq false)"
        + " and urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department eq \"Installation and Repair\""
        + " and (title pr or meta.lastModified gt \"2026-01-01T00:00:00Z\")";

    /// <summary>Same shape as <see cref="Long"/>; only the last clause fails, so every clause is evaluated.</summary>
    public const string LongNoMatch =
        "(userName sw \"anna\" or emails[type eq \"work\" and value co \"@contoso.com\"]) and not (active eq false)"
        + " and urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department eq \"Installation and Repair\""
        + " and (title eq \"Manager\" or meta.lastModified gt \"2027-01-01T00:00:00Z\")";
}

/// <summary>Filter text to tree (parse) and to a filter bound to the User resource type (parse + bind).</summary>
[MemoryDiagnoser]
public class FilterParseBenchmarks
{
    [Benchmark]
    public FilterNode Parse_Short() => FilterParser.Parse(Filters.Short);

    [Benchmark]
    public FilterNode Parse_Medium_ValuePath() => FilterParser.Parse(Filters.Medium);

    [Benchmark]
    public FilterNode Parse_Long() => FilterParser.Parse(Filters.Long);

    [Benchmark]
    public ScimFilter ParseBind_Short() => ScimFilter.Parse(Filters.Short, Samples.User);

    [Benchmark]
    public ScimFilter ParseBind_Medium_ValuePath() => ScimFilter.Parse(Filters.Medium, Samples.User);

    [Benchmark]
    public ScimFilter ParseBind_Long() => ScimFilter.Parse(Filters.Long, Samples.User);
}

/// <summary>
/// Bound filters evaluated against the composed mobile workforce user (what a directory segment
/// holds), and the per-document cost of a segment scan: parse the stored JSON, then evaluate.
/// </summary>
[MemoryDiagnoser]
public class FilterEvaluateBenchmarks
{
    private JsonObject _user = null!;
    private string _storedUser = null!;
    private ScimFilter _short = null!;
    private ScimFilter _shortNoMatch = null!;
    private ScimFilter _medium = null!;
    private ScimFilter _mediumNoMatch = null!;
    private ScimFilter _long = null!;
    private ScimFilter _longNoMatch = null!;

    [GlobalSetup]
    public void Setup()
    {
        _user = Samples.UserDocument();
        _storedUser = ScimJson.Serialize(_user);
        _short = Bind(Filters.Short, expected: true);
        _shortNoMatch = Bind(Filters.ShortNoMatch, expected: false);
        _medium = Bind(Filters.Medium, expected: true);
        _mediumNoMatch = Bind(Filters.MediumNoMatch, expected: false);
        _long = Bind(Filters.Long, expected: true);
        _longNoMatch = Bind(Filters.LongNoMatch, expected: false);
    }

    [Benchmark]
    public bool Eval_Short_Match() => _short.Matches(_user);

    [Benchmark]
    public bool Eval_Short_NoMatch() => _shortNoMatch.Matches(_user);

    [Benchmark]
    public bool Eval_Medium_ValuePath_Match() => _medium.Matches(_user);

    [Benchmark]
    public bool Eval_Medium_ValuePath_NoMatch() => _mediumNoMatch.Matches(_user);

    [Benchmark]
    public bool Eval_Long_Match() => _long.Matches(_user);

    [Benchmark]
    public bool Eval_Long_NoMatch() => _longNoMatch.Matches(_user);

    /// <summary>What DirectorySegmentGrain.MatchAsync pays per stored document when no index narrows the query.</summary>
    [Benchmark]
    public bool ScanStep_ParseStored_EvalShort_NoMatch() => _shortNoMatch.Matches(ScimJson.ParseTrusted(_storedUser));

    private ScimFilter Bind(string text, bool expected)
    {
        var filter = ScimFilter.Parse(text, Samples.User);
        if (filter.Matches(_user) != expected)
        {
            throw new InvalidOperationException($"Benchmark input is wrong: '{text}' should {(expected ? "" : "not ")}match the sample user.");
        }

        return filter;
    }
}
