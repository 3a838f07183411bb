using WgAgent.Lab.Installing;
using WgAgent.Lab.Nspawn;

namespace WgAgent.System.Tests.StatusApi;

/// <content>Root reads the API (curl, agentctl) and the users' access to it.</content>
public sealed partial class StatusApiFixture
{
    /// <summary>In group wgagent: may read, may not POST.</summary>
    public const string Member = "wgstatus";

    /// <summary>In no group of wgagent's: may not even connect (the socket is 0660).</summary>
    public const string Outsider = "wgoutsider";

    private static async Task<ApiReadRecord> ReadAsync(BootedHost booted) => new()
    {
        StatusCurl = await booted.ExecAsync(Curl("GET", "/v1/status")),
        KillswitchCurl = await booted.ExecAsync(Curl("GET", "/v1/killswitch")),
        SocketStat = await booted.ExecAsync(["stat", "-c", "%A %U %G %F", SocketPath]),
        DirectoryStat = await booted.ExecAsync(["stat", "-c", "%A %U %G %F", Path.GetDirectoryName(SocketPath)!]),
        Status = await AgentctlAsync(booted, "status"),
        StatusJson = await AgentctlAsync(booted, "status", "--json"),
        KillswitchShow = await AgentctlAsync(booted, "killswitch", "show"),
        WgShow = await booted.ExecAsync(["wg", "show", "wg0"]),
    };

    /// <summary>Creates the two users (real accounts, with homes, as useradd(8) makes them) and asks as each.</summary>
    private static async Task<AccessRecord> AccessAsync(BootedHost booted)
    {
        (await booted.ExecAsync(["useradd", "--create-home", "--groups", AgentPackage.StatusGroup, Member])).EnsureSuccess();
        (await booted.ExecAsync(["useradd", "--create-home", Outsider])).EnsureSuccess();
        return new AccessRecord
        {
            MemberId = await booted.ExecAsync(["id", Member]),
            OutsiderId = await booted.ExecAsync(["id", Outsider]),
            MemberStatus = await AsUserAsync(booted, Member, AgentPackage.AgentCtlPath, "status"),
            MemberGet = await AsUserAsync(booted, Member, Curl("GET", "/v1/status")),
            MemberReload = await AsUserAsync(booted, Member, AgentPackage.AgentCtlPath, "reload"),
            MemberPost = await AsUserAsync(booted, Member, Curl("POST", "/v1/reload")),
            OutsiderStatus = await AsUserAsync(booted, Outsider, AgentPackage.AgentCtlPath, "status"),
            OutsiderGet = await AsUserAsync(booted, Outsider, Curl("GET", "/v1/status")),
            RootReload = await AgentctlAsync(booted, "reload"),
        };
    }
}
