namespace WgAgent.Core.Tests.Exporters;

/// <summary>
/// /proc/net/tcp and tcp6 captured on x86-64 (Linux 6.x) in a scratch network namespace with node_exporter on
/// 10.77.0.2:9100 and [fd77::2]:9100, and listeners on 0.0.0.0:22, [::]:9586, 127.0.0.1:8080,
/// [2001:db8:0:1::10]:443 and [::ffff:10.77.0.2]:9200, plus one established connection to 10.77.0.2:9100.
/// The trailing blanks of the IPv4 table are the kernel's.
/// </summary>
internal static class ProcNetTcpSamples
{
    public const string Tcp =
        "  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode                                                     \n" +
        "   0: 0100007F:1F90 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 1689255 1 000000004a0b9a74 100 0 0 10 0                   \n" +
        "   1: 02004D0A:238C 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 1688344 1 000000006f7870ce 100 0 0 10 0                   \n" +
        "   2: 00000000:0016 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 1689253 1 0000000008af6e00 100 0 0 10 0                   \n" +
        "   3: 02004D0A:ACAC 02004D0A:238C 01 00000000:00000000 00:00000000 00000000     0        0 1689260 1 000000009ee36fe5 20 0 0 10 -1                   \n" +
        "   4: 02004D0A:238C 02004D0A:ACAC 01 00000000:00000000 02:00000553 00000000     0        0 1689261 2 00000000f218f592 20 0 0 10 -1                   \n";

    public const string Tcp6 =
        "  sl  local_address                         remote_address                        st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode\n" +
        "   0: 000077FD000000000000000002000000:238C 00000000000000000000000000000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 1688347 1 00000000cd2bc9dc 100 0 0 10 0\n" +
        "   1: B80D0120010000000000000010000000:01BB 00000000000000000000000000000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 1689256 1 00000000c2674a4b 100 0 0 10 0\n" +
        "   2: 00000000000000000000000000000000:2572 00000000000000000000000000000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 1689254 1 00000000b8123749 100 0 0 10 0\n" +
        "   3: 0000000000000000FFFF000002004D0A:23F0 00000000000000000000000000000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 1689257 1 00000000f55a6ce7 100 0 0 10 0\n";

    /// <summary>What a big-endian CPU prints for 10.77.0.2:9100 and [fd77::2]:9100 (the words in network order).</summary>
    public const string BigEndian =
        "  sl  local_address rem_address   st\n" +
        "   0: 0A4D0002:238C 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 1 1 0 100 0 0 10 0\n" +
        "   0: FD770000000000000000000000000002:238C 00000000000000000000000000000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 1 1 0 100 0 0 10 0\n";
}
