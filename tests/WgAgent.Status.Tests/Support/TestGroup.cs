namespace WgAgent.Status.Tests.Support;

/// <summary>
/// The socket group in these tests: "staff" (gid 50), which Debian's base-passwd always has. Nothing is created system
/// wide. Not "nogroup": the unprivileged test user is nobody:nogroup (65534:65534), and it must be a non-member.
/// </summary>
internal static class TestGroup
{
    public const string Name = "staff";
    public const uint Id = 50;

    /// <summary>The outsider: nobody, primary group nogroup, no supplementary groups.</summary>
    public const uint OutsiderId = 65534;

    /// <summary>Checks /etc/group agrees, so a failure reads as a machine difference, not a server bug.</summary>
    public static void Require()
    {
        var line = File.ReadLines("/etc/group").FirstOrDefault(l => l.StartsWith(Name + ":", StringComparison.Ordinal));
        if (line is null || line.Split(':')[2] != Id.ToString(System.Globalization.CultureInfo.InvariantCulture))
        {
            throw new InvalidOperationException($"these tests expect group {Name} with gid {Id} in /etc/group (Debian's base-passwd)");
        }
    }
}
