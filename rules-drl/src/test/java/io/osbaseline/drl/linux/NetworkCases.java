package io.osbaseline.drl.linux;

import static io.osbaseline.drl.linux.AzureLinuxRulesTest.rule;

import io.osbaseline.drl.linux.AzureLinuxRulesTest.RuleCase;
import java.util.stream.Stream;

/** Rule cases of the Azure Linux baseline: kernel network and process parameters. */
final class NetworkCases {
    private NetworkCases() {
    }

    static Stream<RuleCase> cases() {
        return Stream.of(
                rule("25", "2", r -> r.edit("/etc/sysctl.d/60-hardening.conf", "randomize_va_space = 2",
                        "randomize_va_space = 0"), "0"),
                rule("38.3", "net.ipv4.conf.all.send_redirects=0; net.ipv4.conf.default.send_redirects=0",
                        r -> r.file("/etc/sysctl.d/99-router.conf", "net.ipv4.conf.default.send_redirects = 1"),
                        "net.ipv4.conf.default.send_redirects=1"),
                rule("40.1", "0", r -> r.edit("/etc/sysctl.d/60-hardening.conf", "accept_source_route = 0",
                        "accept_source_route = 1"), "1"),
                rule("43", "1", r -> r.edit("/etc/sysctl.d/60-hardening.conf", "bogus_error_responses = 1",
                        "bogus_error_responses = 0"), "0"),
                rule("44", "1", r -> r.edit("/etc/sysctl.d/60-hardening.conf", "echo_ignore_broadcasts = 1",
                        "echo_ignore_broadcasts = 0"), "0"),
                rule("47", "1", r -> r.file("/etc/sysctl.conf", "net.ipv4.tcp_syncookies=0"), "0"));
    }
}
