using WgAgent.Core.Net;
using WgAgent.Core.Tunnel;

namespace WgAgent.Core.Tests.Tunnel;

/// <summary>Runs a <see cref="TunnelStateMachine"/> the way the watcher does and keeps what it asked for.</summary>
internal sealed class MachineDriver
{
    public MachineDriver(string name = "wg0") => Machine = new TunnelStateMachine(InterfaceName.Parse(name));

    public TunnelStateMachine Machine { get; }

    public List<TunnelChange> Changes { get; } = [];

    public List<DumpRequest> Requests { get; } = [];

    public List<string> Failures { get; } = [];

    public DumpRequest LastRequest => Requests[^1];

    public TunnelState State => Machine.Current;

    /// <summary>Starts and answers both dumps with <paramref name="links"/> and <paramref name="addresses"/>.</summary>
    public MachineDriver Synchronized(IEnumerable<NetworkLink> links, IEnumerable<(int Index, InterfaceAddress Address)> addresses)
    {
        Take(Machine.Synchronize());
        AnswerDumps(links, addresses);
        return this;
    }

    public void AnswerDumps(IEnumerable<NetworkLink> links, IEnumerable<(int Index, InterfaceAddress Address)> addresses)
    {
        var linkDump = LastRequest;
        Assert.Equal(DumpKind.Links, linkDump.Kind);
        Feed([.. links.Select(l => Messages.LinkPart(linkDump.Sequence, l)), Messages.Done(linkDump.Sequence)]);
        var addressDump = LastRequest;
        Assert.Equal(DumpKind.Addresses, addressDump.Kind);
        Feed([.. addresses.Select(a => Messages.AddrPart(addressDump.Sequence, a.Index, a.Address)), Messages.Done(addressDump.Sequence)]);
    }

    public MachineDriver Feed(params NetlinkEvent[] messages)
    {
        foreach (var message in messages)
        {
            Take(Machine.Handle(message));
        }

        return this;
    }

    public void Take(TunnelStep step)
    {
        Changes.AddRange(step.Changes);
        if (step.Request is not null)
        {
            Requests.Add(step.Request);
        }

        if (step.Failure is not null)
        {
            Failures.Add(step.Failure);
        }
    }

    /// <summary>The changes since the last call, as "previous→current" phase names.</summary>
    public List<string> DrainPhases()
    {
        var phases = Changes.Select(c => $"{c.Previous.Phase}→{c.Current.Phase}").ToList();
        Changes.Clear();
        return phases;
    }
}
