using WgAgent.Status.Http;

namespace WgAgent.Status.Tests.Protocol;

public class AccessPolicyTests
{
    private const uint Group = 998;

    private static PeerCredentials Peer(uint uid, uint gid, params uint[] groups) => new(1234, uid, gid, groups);

    [Theory]
    [InlineData(0u, 0u, new uint[0], "GET", true)]
    [InlineData(0u, 0u, new uint[0], "POST", true)]
    [InlineData(1000u, Group, new uint[0], "GET", true)] // primary group
    [InlineData(1000u, 1000u, new[] { 27u, Group }, "GET", true)] // supplementary group
    [InlineData(1000u, 1000u, new[] { 27u, Group }, "HEAD", true)]
    [InlineData(1000u, Group, new uint[0], "POST", false)]
    [InlineData(1000u, 1000u, new[] { Group }, "DELETE", false)]
    [InlineData(1000u, 1000u, new[] { 27u }, "GET", false)]
    [InlineData(1000u, 1000u, new uint[0], "POST", false)]
    [InlineData(65534u, 65534u, new uint[0], "GET", false)]
    public void ForUnixSocket_Caller_Decision(uint uid, uint gid, uint[] groups, string method, bool allowed)
    {
        var decision = AccessPolicy.ForUnixSocket(method, "/v1/reload", Peer(uid, gid, groups), Group, "wgagent");

        Assert.Equal(allowed, decision.Allowed);
        Assert.Equal(allowed, decision.Error is null);
        Assert.Equal(allowed, decision.Hint is null);
    }

    [Fact]
    public void ForUnixSocket_MemberPostsReload_ClearMessage()
    {
        var decision = AccessPolicy.ForUnixSocket("POST", "/v1/reload", Peer(1000, 1000, Group), Group, "wgagent");

        Assert.Equal(AccessDecision.Deny("only root may reload", "use sudo agentctl reload"), decision);
    }

    [Fact]
    public void ForUnixSocket_OutsiderReads_NamesTheGroup()
    {
        var decision = AccessPolicy.ForUnixSocket("GET", "/v1/status", Peer(1000, 1000), Group, "wgagent");

        Assert.Equal("permission denied: uid 1000 is neither root nor in group 'wgagent'", decision.Error);
        Assert.Equal("use sudo, or add the user to the group: sudo usermod -aG wgagent USER (then log in again)", decision.Hint);
    }

    [Fact]
    public void ForUnixSocket_MemberPostsOtherPath_GenericHint()
    {
        var decision = AccessPolicy.ForUnixSocket("POST", "/v2/x/y", Peer(1000, Group), Group, "wgagent");

        Assert.Equal(AccessDecision.Deny("only root may POST /v2/x/y", "run the client as root (sudo)"), decision);
    }

    [Fact]
    public void ForUnixSocket_UnknownCaller_Denied()
    {
        Assert.False(AccessPolicy.ForUnixSocket("GET", "/v1/status", null, Group, "wgagent").Allowed);
    }

    [Theory]
    [InlineData("GET", true)]
    [InlineData("HEAD", true)]
    [InlineData("POST", false)]
    [InlineData("PUT", false)]
    public void ForNetwork_Method_ReadsOnly(string method, bool allowed)
    {
        Assert.Equal(allowed, AccessPolicy.ForNetwork(method, "/metrics").Allowed);
    }
}
