using WgAgent.Lab.Processes;

namespace WgAgent.System.Tests.StatusApi;

/// <summary>Who may do what on the socket: a member of group wgagent, a user who is not, and root.</summary>
public sealed record AccessRecord
{
    /// <summary><c>id</c> of the member.</summary>
    public required CommandResult MemberId { get; init; }

    /// <summary><c>id</c> of the outsider.</summary>
    public required CommandResult OutsiderId { get; init; }

    /// <summary>The member's <c>agentctl status</c>.</summary>
    public required CommandResult MemberStatus { get; init; }

    /// <summary>The member's curl GET /v1/status (its last output line is the HTTP code).</summary>
    public required CommandResult MemberGet { get; init; }

    /// <summary>The member's <c>agentctl reload</c>.</summary>
    public required CommandResult MemberReload { get; init; }

    /// <summary>The member's curl POST /v1/reload (its last output line is the HTTP code).</summary>
    public required CommandResult MemberPost { get; init; }

    /// <summary>The outsider's <c>agentctl status</c>.</summary>
    public required CommandResult OutsiderStatus { get; init; }

    /// <summary>The outsider's curl GET /v1/status.</summary>
    public required CommandResult OutsiderGet { get; init; }

    /// <summary>Root's <c>agentctl reload</c>.</summary>
    public required CommandResult RootReload { get; init; }
}
