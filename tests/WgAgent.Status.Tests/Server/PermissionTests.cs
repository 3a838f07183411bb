using System.Globalization;
using WgAgent.Status.Tests.Support;

namespace WgAgent.Status.Tests.Server;

/// <summary>
/// Who may do what, with real other users and curl, without creating accounts: setpriv runs curl as nobody (65534,
/// primary group nogroup), with no supplementary groups (an outsider) or with the socket's group "staff" (a member).
/// </summary>
public class PermissionTests
{
    private static readonly string Outsider = TestGroup.OutsiderId.ToString(CultureInfo.InvariantCulture);
    private static readonly string Group = TestGroup.Id.ToString(CultureInfo.InvariantCulture);

    private static Task<RunResult> Curl(string[] identity, string socket, string method, string path) =>
        Run.CommandAsync([.. identity, "curl", "-v", "-sS", "--max-time", "10", "--unix-socket", socket, "-X", method,
            "-w", "\n%{http_code}", $"http://localhost{path}"]);

    private static string[] AsOutsider => ["setpriv", $"--reuid={Outsider}", $"--regid={Outsider}", "--clear-groups", "--"];

    private static string[] AsSupplementaryMember => ["setpriv", $"--reuid={Outsider}", $"--regid={Outsider}", $"--groups={Group}", "--"];

    private static string[] AsPrimaryMember => ["setpriv", $"--reuid={Outsider}", $"--regid={Group}", "--clear-groups", "--"];

    private static (string Body, int Status) Parse(RunResult result)
    {
        var lines = result.StandardOutput.TrimEnd('\n');
        var cut = lines.LastIndexOf('\n');
        return (lines[..cut], int.Parse(lines[(cut + 1)..], CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task Curl_AsRoot_StatusWorks()
    {
        await using var server = await TestServer.StartAsync();

        // Exactly the command PRODUCT.md promises.
        var result = await Run.CheckedAsync("curl", "-sS", "--max-time", "10", "--unix-socket", server.SocketPath, "http://localhost/v1/status");

        Assert.Equal("{\"state\":\"ok\"}\n", result.StandardOutput);
    }

    [Fact]
    public async Task Curl_RootPostsReload_Allowed()
    {
        await using var server = await TestServer.StartAsync();
        var before = TestServer.Reloads;

        var result = Parse(await Curl([], server.SocketPath, "POST", "/v1/reload"));

        Assert.Equal((200, "{\"reloaded\":true}\n"), (result.Status, result.Body));
        Assert.True(TestServer.Reloads > before);
    }

    [Fact]
    public async Task Curl_OutsiderWithMode0660_ConnectDeniedByTheKernel()
    {
        await using var server = await TestServer.StartAsync();

        var result = await Curl(AsOutsider, server.SocketPath, "GET", "/v1/status");

        // curl exit 7 (could not connect) because connect(2) failed with EACCES: the mode stops it before the server.
        Assert.Equal(7, result.ExitCode);
        Assert.Contains($"Immediate connect fail for {server.SocketPath}: Permission denied", result.StandardError);
        Assert.Equal(0, server.Server.Counters.ConnectionsAccepted);
    }

    [Fact]
    public async Task Curl_OutsiderWithMode0666_403FromTheServer()
    {
        await using var server = await TestServer.StartAsync();
        File.SetUnixFileMode(server.SocketPath, (UnixFileMode)Convert.ToInt32("666", 8)); // this test only: let the outsider connect

        var get = Parse(await Curl(AsOutsider, server.SocketPath, "GET", "/v1/status"));
        var post = Parse(await Curl(AsOutsider, server.SocketPath, "POST", "/v1/reload"));

        Assert.Equal(403, get.Status);
        Assert.Equal(
            "{\"error\":\"permission denied: uid 65534 is neither root nor in group 'staff'\",\"hint\":\"use sudo, or add the user to the group: sudo usermod -aG staff USER (then log in again)\"}\n",
            get.Body);
        Assert.Equal(403, post.Status);
        Assert.Equal(2, server.Server.Counters.RequestsForbidden);
    }

    [Fact]
    public async Task Curl_SupplementaryMember_GetAllowedPostDenied()
    {
        await using var server = await TestServer.StartAsync();
        var before = TestServer.Reloads;

        var get = Parse(await Curl(AsSupplementaryMember, server.SocketPath, "GET", "/v1/status"));
        var killswitch = Parse(await Curl(AsSupplementaryMember, server.SocketPath, "GET", "/v1/killswitch"));
        var post = Parse(await Curl(AsSupplementaryMember, server.SocketPath, "POST", "/v1/reload"));

        Assert.Equal((200, "{\"state\":\"ok\"}\n"), (get.Status, get.Body));
        Assert.Equal(200, killswitch.Status);
        Assert.Equal((403, "{\"error\":\"only root may reload\",\"hint\":\"use sudo agentctl reload\"}\n"), (post.Status, post.Body));
        Assert.Equal(before, TestServer.Reloads);
    }

    [Fact]
    public async Task Curl_MemberThroughItsHundredthGroup_GetAllowed()
    {
        await using var server = await TestServer.StartAsync();
        var groups = string.Join(',', Enumerable.Range(2000, 99).Select(g => g.ToString(CultureInfo.InvariantCulture)).Append(Group));

        // More groups than SO_PEERGROUPS' first buffer holds (64): the retry with the larger one must find it.
        var get = Parse(await Curl(["setpriv", $"--reuid={Outsider}", $"--regid={Outsider}", $"--groups={groups}", "--"],
            server.SocketPath, "GET", "/v1/status"));

        Assert.Equal(200, get.Status);
    }

    [Fact]
    public async Task Curl_PrimaryGroupMember_GetAllowed()
    {
        await using var server = await TestServer.StartAsync();

        var get = Parse(await Curl(AsPrimaryMember, server.SocketPath, "GET", "/echo"));

        Assert.Equal((200, "GET /echo q= peer=65534 x="), (get.Status, get.Body));
    }
}
