namespace WgAgent.Core.Tests.Status;

/// <summary>The committed status views, JSON and metrics (what `agentctl status`, the API and /metrics print).</summary>
internal static class StatusGoldenFiles
{
    private static readonly GoldenFolder Folder = new("Status");

    public static string Directory => Folder.Directory;

    /// <summary>Asserts <paramref name="actual"/> equals Golden/<paramref name="name"/>, or rewrites it when updating.</summary>
    public static void Verify(string name, string actual) => Folder.Verify(name, actual);
}
