using System.Net;
using System.Net.Sockets;
using WgAgent.Core.Exporters;

namespace WgAgent.Exporters.Tests;

/// <summary>
/// The real kernel tables of this test process's network namespace. The listeners are on loopback only, opened and
/// closed by the test itself: nothing is reachable from outside, and nothing of the namespace is changed.
/// </summary>
public sealed class ListenerCheckTests
{
    [Fact]
    public void ReadListening_OwnLoopbackListeners_FoundWithTheirAddresses()
    {
        using var v4 = Listen(IPAddress.Loopback);
        using var v6 = Listen(IPAddress.IPv6Loopback);

        var sockets = ListenerCheck.ReadListening();

        Assert.Contains(new ListeningSocket(IPAddress.Loopback, Port(v4)), sockets);
        Assert.Contains(new ListeningSocket(IPAddress.IPv6Loopback, Port(v6)), sockets);
    }

    [Fact]
    public void ReadListening_ClosedListener_Gone()
    {
        int port;
        using (var listener = Listen(IPAddress.Loopback))
        {
            port = Port(listener);
        }

        Assert.DoesNotContain(ListenerCheck.ReadListening(), s => s.Port == port && s.Address.Equals(IPAddress.Loopback));
    }

    [Fact]
    public void Check_ExporterPortOnExpectedAndOtherLoopbackAddress_ExposedWithBoth()
    {
        using var expected = Listen(IPAddress.Loopback);
        var port = Port(expected);
        using var other = Listen(IPAddress.Parse("127.0.0.2"), port);

        var status = Assert.Single(ListenerCheck.Check([Inputs.Node(port: port)], [IPAddress.Loopback], ListenerCheck.ReadListening()));

        Assert.Equal(ExporterListenState.Exposed, status.State);
        Assert.Equal([IPAddress.Loopback, IPAddress.Parse("127.0.0.2")], status.Actual.Order(Comparer<IPAddress>.Create((a, b) => string.CompareOrdinal(a.ToString(), b.ToString()))));
    }

    [Fact]
    public void ReadListening_FolderWithoutTcp6_IPv4Only()
    {
        var dir = Directory.CreateTempSubdirectory("wgx-procnet-");
        try
        {
            File.WriteAllText(Path.Combine(dir.FullName, "tcp"), "  sl  local_address rem_address   st\n   0: 0100007F:1F90 00000000:0000 0A 0\n");

            var sockets = ListenerCheck.ReadListening(dir.FullName);

            Assert.Equal([new ListeningSocket(IPAddress.Loopback, 8080)], sockets);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    internal static Socket Listen(IPAddress address, int port = 0)
    {
        var socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        socket.Bind(new IPEndPoint(address, port));
        socket.Listen();
        return socket;
    }

    internal static int Port(Socket socket) => ((IPEndPoint)socket.LocalEndPoint!).Port;
}
