using System.Net.Sockets;
using System.Text;

namespace WgAgent.Cli.Tests.Client;

/// <summary>
/// A Unix socket in a temporary directory whose connections are answered by the test's script, one script per
/// connection in order; records what each connection sent before the script ran.
/// </summary>
internal sealed class ScriptedServer : IDisposable
{
    private readonly Socket listener = new(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
    private readonly string directory = Directory.CreateTempSubdirectory("agentctl-client-").FullName;
    private readonly Task serving;

    public ScriptedServer(params Action<Socket>[] scripts)
    {
        SocketPath = Path.Combine(directory, "agent.sock");
        listener.Bind(new UnixDomainSocketEndPoint(SocketPath));
        listener.Listen(16);
        serving = Task.Run(() =>
        {
            foreach (var script in scripts)
            {
                using var connection = listener.Accept();
                Requests.Add(ReadHead(connection));
                script(connection);
            }
        });
    }

    public string SocketPath { get; }

    public List<string> Requests { get; } = [];

    public static Action<Socket> Answer(string response) => connection => connection.Send(Encoding.UTF8.GetBytes(response));

    public void Dispose()
    {
        listener.Dispose();
        try
        {
            serving.Wait(TimeSpan.FromSeconds(5));
        }
        catch (AggregateException)
        {
            // The listener was closed under a script that still waited for a connection.
        }

        Directory.Delete(directory, recursive: true);
    }

    private static string ReadHead(Socket connection)
    {
        var received = new List<byte>();
        var buffer = new byte[1024];
        while (!Encoding.ASCII.GetString(received.ToArray()).Contains("\r\n\r\n", StringComparison.Ordinal))
        {
            var n = connection.Receive(buffer);
            if (n == 0)
            {
                break;
            }

            received.AddRange(buffer.AsSpan(0, n));
        }

        return Encoding.ASCII.GetString(received.ToArray());
    }
}
