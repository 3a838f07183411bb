namespace WgAgent.System.Tests.DaemonLifecycle;

/// <summary>
/// The bash loops <see cref="ContainerSampler"/> runs inside the booted node. Bash, not perl: Debian's perl-base has no
/// Time::HiRes, and bash 5 has <c>$EPOCHREALTIME</c> (µs) and <c>mapfile</c>, so a sample of /proc costs no fork.
/// Every loop is bounded twice: by its own deadline and by a stop file the test creates.
/// </summary>
public static class SamplerScripts
{
    /// <summary>
    /// The shared frame: <c>$1</c> stop file, <c>$2</c> ready file, <c>$3</c> deadline in seconds, the rest for
    /// <c>sample</c>. It calls <c>sample</c> (which sets <c>$state</c>) until the stop file appears or the deadline
    /// passes, writes the ready file after the first sample, and prints <c>S &lt;µs&gt; &lt;n&gt; &lt;state&gt;</c> only when
    /// the state changed, then <c>E &lt;µs&gt; &lt;samples&gt; &lt;longest gap µs&gt;</c>.
    /// </summary>
    private const string Frame = """
        set -u -f
        stop=$1 ready=$2 max=$3
        shift 3
        start=${EPOCHREALTIME/./}
        deadline=$((start + max * 1000000))
        # A pipe that never delivers: `read -t` on it is a sleep without a fork.
        exec {nap}<> <(:)
        n=0 last='' prev=$start gap=0 state=''
        while :; do
            now=${EPOCHREALTIME/./}
            (( now < deadline )) || break
            [[ -e $stop ]] && break
            sample "$@"
            n=$((n + 1))
            (( now - prev > gap )) && gap=$((now - prev))
            prev=$now
            if [[ $state != "$last" ]]; then
                echo "S $now $n $state"
                last=$state
            fi
            (( n == 1 )) && : > "$ready"
            read -t "$PAUSE" -u "$nap" _ || :
        done
        echo "E ${EPOCHREALTIME/./} $n $gap"
        """;

    /// <summary>
    /// Listeners and addresses: args <c>PORT IFACE</c>. State: <c>LISTEN|V6|V4</c>, each a comma list: the local
    /// endpoints of TCP sockets listening on PORT as ss(8) prints them (sock_diag netlink: reading /proc/net/tcp walks
    /// the kernel's whole socket hash, ~5 ms a read on a busy machine), IFACE's IPv6 addresses as raw hex
    /// (/proc/net/if_inet6), and every local IPv4 host address (/proc/net/fib_trie, "/32 host LOCAL").
    /// </summary>
    public const string Listeners = """
        PAUSE=0.003
        sample() {
            local iface=$2 line cand='' out
            local -a x lines
            state=''
            out=$(ss -H -l -t -n "sport = :$1")
            mapfile -t lines <<< "$out"
            for line in "${lines[@]}"; do
                x=($line)
                (( ${#x[@]} > 3 )) && state+="${x[3]},"
            done
            state+='|'
            mapfile -t lines < /proc/net/if_inet6
            for line in "${lines[@]}"; do
                x=($line)
                [[ ${x[5]} == "$iface" ]] && state+="${x[0]},"
            done
            state+='|'
            mapfile -t lines < /proc/net/fib_trie
            for line in "${lines[@]}"; do
                if [[ $line == *'|-- '* ]]; then
                    cand=${line##*|-- }
                elif [[ $line == *'/32 host LOCAL'* ]]; then
                    state+="$cand,"
                fi
            done
        }

        """ + Frame;

    /// <summary>
    /// table inet wgagent as <c>nft list</c> sees it (atomic snapshots): args are marker strings. State: <c>absent</c>, or
    /// <c>present</c> followed by <c> +MARKER</c> for each marker the listing contains.
    /// </summary>
    public const string Table = """
        PAUSE=0.001
        sample() {
            local out m
            if out=$(nft list table inet wgagent 2>/dev/null); then
                state=present
                for m in "$@"; do
                    [[ $out == *"$m"* ]] && state+=" +$m"
                done
            else
                state=absent
            fi
        }

        """ + Frame;
}
