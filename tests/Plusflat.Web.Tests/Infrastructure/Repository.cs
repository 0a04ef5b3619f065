namespace Plusflat.Web.Tests.Infrastructure;

/// <summary>The checkout the tests run from: the folder above the test binaries that holds Plusflat.sln.</summary>
public static class Repository
{
    public static string Root { get; } = Find();

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Plusflat.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No Plusflat.sln above {AppContext.BaseDirectory}.");
    }
}
