using System.Text.Json;
using WgAgent.System.Tests.Booting;
using Xunit.Abstractions;
using static WgAgent.System.Tests.DaemonLifecycle.Evidence;

namespace WgAgent.System.Tests.StatusApi;

/// <summary>
/// The socket is 0660 root:wgagent and the daemon checks SO_PEERCRED: a real member of group wgagent reads but may not
/// reload, a real user outside it is refused at connect with a hint how to get access, root reloads.
/// </summary>
[Collection(StatusApiCollection.Name)]
public sealed class SocketAccessTests(StatusApiFixture fixture, ITestOutputHelper output)
    : BootedLabTests<StatusApiFixture>(fixture, output)
{
    [Fact]
    public void Socket_Mode_ReadWriteForRootAndGroupWgagentOnly()
    {
        var reads = Fixture.Reads.Record;
        Output.WriteLine($"{StatusApiFixture.SocketPath}: {reads.SocketStat.Stdout.Trim()}; its directory: {reads.DirectoryStat.Stdout.Trim()}");

        Assert.Equal("srw-rw---- root wgagent socket", reads.SocketStat.EnsureSuccess().Stdout.Trim());
    }

    [Fact]
    public void Member_StatusAndGet_Allowed()
    {
        var access = Fixture.Access.Record;
        Show(access.MemberId, access.MemberStatus, access.MemberGet);

        Assert.Contains("(wgagent)", access.MemberId.Stdout, StringComparison.Ordinal);
        Assert.Equal(0, access.MemberStatus.ExitCode);
        Assert.Contains("interface: wg0", access.MemberStatus.Stdout, StringComparison.Ordinal);
        Assert.Equal("200", StatusApiJson.Code(access.MemberGet));
    }

    [Fact]
    public void Member_Reload_RefusedWithAHintThatRootMay()
    {
        var access = Fixture.Access.Record;
        Show(access.MemberReload, access.MemberPost);
        using var refusal = JsonDocument.Parse(StatusApiJson.Body(access.MemberPost));

        Assert.Equal(2, access.MemberReload.ExitCode);
        Assert.Contains("the daemon answered 403: only root may reload", access.MemberReload.Stderr, StringComparison.Ordinal);
        Assert.Contains("hint: use sudo agentctl reload", access.MemberReload.Stderr, StringComparison.Ordinal);
        Assert.Equal("403", StatusApiJson.Code(access.MemberPost));
        Assert.Contains("root", refusal.RootElement.GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Contains("sudo", refusal.RootElement.GetProperty("hint").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Outsider_Status_PermissionDeniedWithHowToGetAccess()
    {
        var access = Fixture.Access.Record;
        Show(access.OutsiderId, access.OutsiderStatus, access.OutsiderGet);

        Assert.DoesNotContain("wgagent", access.OutsiderId.Stdout, StringComparison.Ordinal);
        Assert.Equal(2, access.OutsiderStatus.ExitCode);
        Assert.Contains("permission denied", access.OutsiderStatus.Stderr, StringComparison.Ordinal);
        Assert.Contains("member of group wgagent", access.OutsiderStatus.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", access.OutsiderStatus.Stderr, StringComparison.Ordinal);
        // curl 7.88 says only "Couldn't connect to server" (exit 7, no HTTP code): refused at connect(2), before the
        // daemon saw a byte. That it was EACCES is agentctl's "permission denied" above (SocketError.AccessDenied).
        Assert.Equal(7, access.OutsiderGet.ExitCode);
        Assert.Equal("000", StatusApiJson.Code(access.OutsiderGet));
    }

    [Fact]
    public void Root_Reload_NewConfigInForce()
    {
        var access = Fixture.Access.Record;
        Show(access.RootReload);

        Assert.Equal(0, access.RootReload.ExitCode);
        Assert.Contains("is in force", access.RootReload.Stdout, StringComparison.Ordinal);
    }

    private void Show(params Lab.Processes.CommandResult[] results)
    {
        foreach (var result in results)
        {
            Output.WriteLine($"$ {Inside(result)}   (exit {result.ExitCode}, {result.Elapsed.TotalMilliseconds:0} ms)\n{result.Stdout.TrimEnd()}\n{result.Stderr.TrimEnd()}".TrimEnd());
        }
    }
}
