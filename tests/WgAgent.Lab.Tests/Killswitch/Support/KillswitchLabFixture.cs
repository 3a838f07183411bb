using System.Net;
using WgAgent.Lab.Echo;
using WgAgent.Lab.Hosts;

namespace WgAgent.Lab.Tests.Killswitch.Support;

/// <summary>
/// One lab for one test class, plus the extra echo listeners that class needs (so a "blocked" probe meets the
/// firewall, not a closed port). The tests apply and remove the table themselves; the lab starts with none.
/// </summary>
public abstract class KillswitchLabFixture : LabFixture
{
    private readonly List<EchoServer> _listeners = [];

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        try
        {
            await PrepareAsync(Lab);
        }
        catch
        {
            await DisposeAsync();
            throw;
        }
    }

    public override async Task DisposeAsync()
    {
        foreach (var listener in _listeners)
        {
            await listener.DisposeAsync();
        }

        _listeners.Clear();
        await base.DisposeAsync();
    }

    /// <summary>Starts listeners and whatever else the class needs, once the lab is up.</summary>
    protected abstract Task PrepareAsync(Lab lab);

    /// <summary>TCP and UDP echo on <paramref name="addresses"/> × <paramref name="ports"/> of a host, stopped on dispose.</summary>
    protected EchoServer Listen(LabHost host, IEnumerable<IPAddress> addresses, params int[] ports)
    {
        var server = EchoServer.Start(host, addresses, ports);
        _listeners.Add(server);
        return server;
    }
}
