package io.osbaseline.drl.linux;

import static io.osbaseline.drl.linux.AzureLinuxRulesTest.rule;

import io.osbaseline.drl.linux.AzureLinuxRulesTest.RuleCase;
import java.util.stream.Stream;

/** Rule cases of the Azure Linux baseline: the firewall policy, the network interfaces and their configuration. */
final class FirewallCases {
    private FirewallCases() {
    }

    static Stream<RuleCase> cases() {
        return Stream.of(
                rule("3.6.2", "INPUT DROP; FORWARD DROP; OUTPUT DROP",
                        r -> r.running().policy("OUTPUT", "ACCEPT"), "OUTPUT ACCEPT"),
                rule("48", "no interface in promiscuous mode",
                        r -> r.running().iface("eth0", "up,broadcast,running,promisc,multicast"),
                        "eth0 is in promiscuous mode"),
                rule("49", "no wireless interface is up",
                        r -> r.running().iface("wlan0", "up,broadcast,running,multicast,wireless"),
                        "wlan0 is a wireless interface and is up"),
                rule("50", "net.ipv6.conf.all.disable_ipv6=0; net.ipv6.conf.default.disable_ipv6=0",
                        r -> r.file("/etc/sysctl.conf", "net.ipv6.conf.all.disable_ipv6 = 1"),
                        "net.ipv6.conf.all.disable_ipv6=1"),
                rule("89", "no ipv4ll in /etc/network/interfaces",
                        r -> r.file("/etc/network/interfaces.d/eth0-ll", "iface eth0:0 inet ipv4ll"),
                        "/etc/network/interfaces.d/eth0-ll:1: iface eth0:0 inet ipv4ll"));
    }
}
