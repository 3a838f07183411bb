using System.Buffers.Binary;
using System.Globalization;
using System.Net;
using System.Text;
using WgAgent.Daemon.Bench.Interop;

namespace WgAgent.Daemon.Bench.Reaction;

/// <summary>
/// Watches one interface in a network namespace the way the daemon does — rtnetlink link and address events — from
/// outside the booted host, and timestamps each message with CLOCK_MONOTONIC the moment recv(2) returns it. That is t0 of
/// the reaction time: the first message after which the interface is up with a usable address, the very event the
/// daemon reacts to. One dedicated thread blocks in recv (SO_RCVTIMEO bounds each wait, so a stop is seen within it).
/// </summary>
internal sealed class TunnelObserver : IDisposable
{
    // RTMGRP_LINK | RTMGRP_IPV4_IFADDR | RTMGRP_IPV6_IFADDR (rtnetlink(7)).
    private const uint Groups = 0x1 | 0x10 | 0x100;
    private const ushort RtmNewLink = 16, RtmDelLink = 17, RtmNewAddr = 20, RtmDelAddr = 21, NlmsgOverrun = 4;
    private const ushort IflaIfname = 3, IfaAddress = 1, IfaLocal = 2, IfaFlags = 8;
    private const uint IffUp = 0x1, IffRunning = 0x40;
    private const uint IfaFTentative = 0x40, IfaFDadFailed = 0x08;
    private const byte RtScopeLink = 253;
    private static readonly TimeSpan ReceiveTimeout = TimeSpan.FromMilliseconds(200);

    private readonly string interfaceName;
    private readonly int fd;
    private readonly Thread thread;
    private readonly Lock gate = new();
    private readonly List<TunnelObservation> observations = [];
    private readonly Dictionary<int, (string Name, uint Flags)> links = [];
    private readonly Dictionary<int, Dictionary<string, bool>> addresses = []; // ifindex -> address -> usable
    private volatile bool stopping;
    private Exception? failure;
    private int overruns;

    private TunnelObserver(string interfaceName, int fd)
    {
        this.interfaceName = interfaceName;
        this.fd = fd;
        thread = new Thread(Run) { IsBackground = true, Name = $"observe-{interfaceName}" };
    }

    /// <summary>How often the socket's queue overflowed (netlink ENOBUFS): samples around one are not trusted.</summary>
    public int Overruns
    {
        get
        {
            lock (gate)
            {
                return overruns;
            }
        }
    }

    /// <summary>Starts watching <paramref name="name"/> inside the namespace at <paramref name="netnsPath"/>.</summary>
    public static TunnelObserver Start(string netnsPath, string name)
    {
        var fd = Libc.OpenRouteNetlink(netnsPath, Groups, 1 << 20, ReceiveTimeout);
        var observer = new TunnelObserver(name, fd);
        observer.thread.Start();
        return observer;
    }

    /// <summary>The messages about the interface received after <paramref name="afterNanoseconds"/>, in order.</summary>
    /// <exception cref="InvalidOperationException">The observer's thread failed.</exception>
    public IReadOnlyList<TunnelObservation> Since(long afterNanoseconds)
    {
        lock (gate)
        {
            if (failure is not null)
            {
                throw new InvalidOperationException($"observing {interfaceName}: {failure.Message}", failure);
            }

            return [.. observations.Where(o => o.AtNanoseconds > afterNanoseconds)];
        }
    }

    /// <summary>Stops the thread (within one receive timeout) and closes the socket.</summary>
    public void Dispose()
    {
        stopping = true;
        if (thread.IsAlive && !thread.Join(ReceiveTimeout * 5))
        {
            return; // Leave the descriptor to the process's exit rather than close it under a blocked reader.
        }

        Libc.Close(fd);
    }

    /// <summary>Null when the receiving thread runs SCHED_FIFO, else why it does not.</summary>
    public string? RealtimeProblem { get; private set; }

    private void Run()
    {
        var buffer = new byte[1 << 16];
        // t0 is this thread's receipt: on a loaded machine a normal thread may wake milliseconds after the kernel queued
        // the message, which would shorten the measured reaction. The daemon itself runs at normal priority.
        RealtimeProblem = Libc.TryMakeThreadRealtime(50);
        try
        {
            while (!stopping)
            {
                var n = Libc.Receive(fd, buffer);
                var at = Libc.MonotonicNanoseconds();
                if (n == -Libc.EAgain)
                {
                    continue;
                }

                lock (gate)
                {
                    if (n == -Libc.ENoBufs)
                    {
                        overruns++;
                        continue;
                    }

                    Parse(buffer.AsSpan(0, n), at);
                }
            }
        }
        catch (Exception e)
        {
            lock (gate)
            {
                failure = e;
            }
        }
    }

    private void Parse(ReadOnlySpan<byte> data, long at)
    {
        while (data.Length >= 16)
        {
            var length = (int)BinaryPrimitives.ReadUInt32LittleEndian(data);
            var type = BinaryPrimitives.ReadUInt16LittleEndian(data[4..]);
            if (length < 16 || length > data.Length)
            {
                return;
            }

            var body = data[16..length];
            string? what = type switch
            {
                RtmNewLink or RtmDelLink => OnLink(type, body),
                RtmNewAddr or RtmDelAddr => OnAddress(type, body),
                NlmsgOverrun => "OVERRUN",
                _ => null,
            };
            if (type == NlmsgOverrun)
            {
                overruns++;
            }

            if (what is not null)
            {
                var (up, usable) = StateOfWatched();
                observations.Add(new TunnelObservation(at, what, up, usable));
            }

            data = data[Math.Min(Align(length), data.Length)..];
        }
    }

    // struct ifinfomsg: family u8, pad u8, type u16, index i32, flags u32, change u32; then IFLA_* attributes.
    private string? OnLink(ushort type, ReadOnlySpan<byte> body)
    {
        if (body.Length < 16)
        {
            return null;
        }

        var index = BinaryPrimitives.ReadInt32LittleEndian(body[4..]);
        var flags = BinaryPrimitives.ReadUInt32LittleEndian(body[8..]);
        var name = links.TryGetValue(index, out var known) ? known.Name : null;
        foreach (var (attribute, value) in Attributes(body[16..]))
        {
            if (attribute == IflaIfname)
            {
                name = Encoding.ASCII.GetString(value).TrimEnd('\0');
            }
        }

        if (type == RtmDelLink)
        {
            links.Remove(index);
            addresses.Remove(index);
        }
        else if (name is not null)
        {
            links[index] = (name, flags);
        }

        return name == interfaceName
            ? string.Create(CultureInfo.InvariantCulture, $"{(type == RtmNewLink ? "NEWLINK" : "DELLINK")} {name} #{index} flags 0x{flags:x}")
            : null;
    }

    // struct ifaddrmsg: family u8, prefixlen u8, flags u8, scope u8, index u32; then IFA_* attributes.
    private string? OnAddress(ushort type, ReadOnlySpan<byte> body)
    {
        if (body.Length < 8)
        {
            return null;
        }

        var prefix = body[1];
        uint flags = body[2];
        var scope = body[3];
        var index = (int)BinaryPrimitives.ReadUInt32LittleEndian(body[4..]);
        IPAddress? address = null, local = null;
        foreach (var (attribute, value) in Attributes(body[8..]))
        {
            switch (attribute)
            {
                case IfaAddress when value.Length is 4 or 16:
                    address = new IPAddress(value);
                    break;
                case IfaLocal when value.Length is 4 or 16:
                    local = new IPAddress(value);
                    break;
                case IfaFlags when value.Length >= 4:
                    flags = BinaryPrimitives.ReadUInt32LittleEndian(value);
                    break;
            }
        }

        // IPv4 puts the interface's own address in IFA_LOCAL (IFA_ADDRESS is the peer's on point-to-point links).
        var own = local ?? address;
        if (own is null)
        {
            return null;
        }

        var text = string.Create(CultureInfo.InvariantCulture, $"{own}/{prefix}");
        if (!addresses.TryGetValue(index, out var set))
        {
            addresses[index] = set = [];
        }

        if (type == RtmDelAddr)
        {
            set.Remove(text);
        }
        else
        {
            set[text] = scope < RtScopeLink && (flags & (IfaFTentative | IfaFDadFailed)) == 0;
        }

        return links.TryGetValue(index, out var link) && link.Name == interfaceName
            ? string.Create(CultureInfo.InvariantCulture, $"{(type == RtmNewAddr ? "NEWADDR" : "DELADDR")} #{index} {text} flags 0x{flags:x}")
            : null;
    }

    private (bool Up, IReadOnlyList<string> Usable) StateOfWatched()
    {
        foreach (var (index, link) in links)
        {
            if (link.Name != interfaceName)
            {
                continue;
            }

            IReadOnlyList<string> usable = addresses.TryGetValue(index, out var set) ? [.. set.Where(a => a.Value).Select(a => a.Key).Order(StringComparer.Ordinal)] : [];
            return ((link.Flags & (IffUp | IffRunning)) == (IffUp | IffRunning) && usable.Count > 0, usable);
        }

        return (false, []);
    }

    private static List<(ushort Type, byte[] Value)> Attributes(ReadOnlySpan<byte> data)
    {
        var result = new List<(ushort, byte[])>();
        while (data.Length >= 4)
        {
            var length = BinaryPrimitives.ReadUInt16LittleEndian(data);
            var type = (ushort)(BinaryPrimitives.ReadUInt16LittleEndian(data[2..]) & 0x3fff); // without NLA_F_NESTED/NET_BYTEORDER
            if (length < 4 || length > data.Length)
            {
                break;
            }

            result.Add((type, data[4..length].ToArray()));
            data = data[Math.Min(Align(length), data.Length)..];
        }

        return result;
    }

    private static int Align(int length) => (length + 3) & ~3;
}
