using OrleansScim.Protocol.Listing;
using static OrleansScim.Protocol.Tests.Support.Scim;

namespace OrleansScim.Protocol.Tests.Listing;

/// <summary>RFC 7644 §3.4.2.3: resources without a sortBy value come last ascending and first descending.</summary>
public sealed class SortSpecTests
{
    [Theory]
    [InlineData("ascending", "b,c,-")]
    [InlineData("descending", "-,c,b")]
    public void Compare_PutsMissingValuesLastAscendingAndFirstDescending(string order, string expected)
    {
        var sort = SortSpec.Create(User, "title", order)!;
        string?[] keys = ["\"c\"", null, "\"b\""];

        var sorted = keys.Select((key, sequence) => (key, sequence: (long)sequence))
            .OrderBy(x => x, Comparer<(string? key, long sequence)>.Create((a, b) => sort.Compare(a.key, a.sequence, b.key, b.sequence)))
            .Select(x => x.key is null ? "-" : x.key.Trim('"'));

        Assert.Equal(expected, string.Join(',', sorted));
    }

    [Fact]
    public void Compare_TiesKeepCreationOrderInBothDirections()
    {
        var descending = SortSpec.Create(User, "title", "descending")!;

        Assert.True(descending.Compare(null, 1, null, 2) < 0);
        Assert.True(descending.Compare("\"a\"", 1, "\"a\"", 2) < 0);
    }

    [Fact]
    public void Text_OfADescendingSort_ChangedWithTheMissingValueRule_SoOlderCursorsAreRefused()
    {
        Assert.NotEqual("title descending", SortSpec.Create(User, "title", "descending")!.Text);
        Assert.Equal("title ascending", SortSpec.Create(User, "title", null)!.Text);
    }
}
