namespace WgAgent.Core.Tests.Ordering;

/// <summary>The committed after-tunnel drop-ins (what wgagent writes into other units' drop-in folders).</summary>
internal static class OrderingGoldenFiles
{
    private static readonly GoldenFolder Folder = new("Ordering");

    public static string Directory => Folder.Directory;

    /// <summary>Asserts <paramref name="actual"/> equals Golden/<paramref name="name"/>, or rewrites it when updating.</summary>
    public static void Verify(string name, string actual) => Folder.Verify(name, actual);
}
