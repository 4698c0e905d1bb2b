namespace OrleansScim.Testing;

public static class RepositoryRoot
{
    /// <summary>The folder holding OrleansScim.sln, found upwards from the test binaries.</summary>
    public static string Find()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "OrleansScim.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No folder above {AppContext.BaseDirectory} holds OrleansScim.sln.");
    }
}
