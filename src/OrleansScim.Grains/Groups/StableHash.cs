using System.Text;

namespace OrleansScim.Grains.Groups;

/// <summary>
/// FNV-1a over UTF-8: a hash that is the same in every process and every release, which
/// <see cref="string.GetHashCode()"/> (randomized per process) is not. Member ids map to buckets with it,
/// so the mapping must never change. Hand-written because the BCL has no stable string hash.
/// </summary>
public static class StableHash
{
    public static uint Of(string text)
    {
        var hash = 2166136261u;
        foreach (var b in Encoding.UTF8.GetBytes(text))
        {
            hash = (hash ^ b) * 16777619u;
        }

        return hash;
    }
}
