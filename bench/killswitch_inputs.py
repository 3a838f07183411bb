#!/usr/bin/env python3
"""Writes the kill-switch benchmark inputs, deterministic, into OUT_DIR:

  small/wgagent.toml, small/wg0.conf   a realistic host: egress = "tunnel", inbound = "restricted", one exporter,
                                       a wg0.conf with FwMark and two peers
  large/wgagent.toml, large/wg0.conf   the same posture with 10,000 single-host scrapers and 10,000 LAN networks

Both pairs are valid and free of warnings (`wgagent render` prints no diagnostics for them). Only documentation
ranges (192.0.2.0/24, 198.51.100.0/24, 203.0.113.0/24, 2001:db8::/32) and lab-private ranges are used; nothing is
ever probed, the addresses only become set elements.

usage: killswitch_inputs.py OUT_DIR
"""
import os
import sys

SCRAPERS = 10_000
LAN = 10_000

# Fixed test keys (not secrets): the same ones the firewall tests use.
PRIVATE_KEY = "WlpaWlpaWlpaWlpaWlpaWlpaWlpaWlpaWlpaWlpaWlo="
MONITOR_KEY = "AQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQE="
SECOND_KEY = "AgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgI="


def wg0(monitor_allowed):
    return f"""[Interface]
Address = 10.77.0.2/24, fd77::2/64
PrivateKey = {PRIVATE_KEY}
ListenPort = 51820
FwMark = 0xca6c

[Peer]
# the monitoring server
PublicKey = {MONITOR_KEY}
Endpoint = 198.51.100.20:51820
AllowedIPs = {monitor_allowed}
PersistentKeepalive = 25

[Peer]
# a second site
PublicKey = {SECOND_KEY}
Endpoint = 203.0.113.7:51820
AllowedIPs = 10.78.0.0/24
"""


def agent(directory, allow_lan, scrapers):
    def toml_list(items):
        return "[" + ", ".join(f'"{item}"' for item in items) + "]"

    return f"""# kill-switch benchmark input (bench/killswitch_inputs.py)
[wireguard]
interface = "wg0"
config = "{directory}/wg0.conf"

[killswitch]
egress = "tunnel"
inbound = "restricted"
allow_inbound = ["tcp/22"]
allow_lan = {toml_list(allow_lan)}
dns = ["192.0.2.53"]

[[exporter]]
name = "node"
unit = "prometheus-node-exporter.service"
port = 9100
scrapers = {toml_list(scrapers)}
"""


def large_scrapers():
    """10,000 single hosts inside the monitor peer's AllowedIPs: one in five IPv6."""
    hosts = []
    for i in range(SCRAPERS):
        n = i + 10  # skip the low addresses (the host's own is .2)
        hosts.append(f"fd77::{n:x}" if i % 5 == 4 else f"10.77.{n // 256}.{n % 256}")
    return hosts


def large_lan():
    """10,000 networks, none inside another (so all 10,000 reach nft): one in three IPv6 (/64s), the rest IPv4
    with prefixes /24 to /32, each in its own /24 of 10.100.0.0/14."""
    prefixes = [24, 25, 26, 27, 28, 29, 30, 32]
    networks, v4 = [], 0
    for i in range(LAN):
        if i % 3 == 2:
            networks.append(f"2001:db8:{i // 65536:x}:{i % 65536:x}::/64")
        else:
            block = 100 * 256 + v4  # 10.100.0.0 onwards, one /24 each
            prefix = prefixes[v4 % len(prefixes)]
            address = f"10.{block // 256}.{block % 256}.0"
            networks.append(address if prefix == 32 else f"{address}/{prefix}")
            v4 += 1
    return networks


def write(directory, wg0_text, agent_text):
    os.makedirs(directory, exist_ok=True)
    with open(os.path.join(directory, "wg0.conf"), "w", encoding="utf-8") as f:
        f.write(wg0_text)
    with open(os.path.join(directory, "wgagent.toml"), "w", encoding="utf-8") as f:
        f.write(agent_text)


def main():
    out = os.path.abspath(sys.argv[1])
    small = os.path.join(out, "small")
    write(small, wg0("10.77.0.1/32, fd77::1/128"),
          agent(small, ["192.0.2.0/24", "2001:db8:1::/64"], ["10.77.0.1", "fd77::1"]))
    large = os.path.join(out, "large")
    write(large, wg0("10.77.0.0/16, fd77::/64"), agent(large, large_lan(), large_scrapers()))


if __name__ == "__main__":
    main()
