package io.osbaseline.drl.linux;

import static io.osbaseline.drl.linux.AzureLinuxRulesTest.rule;

import io.osbaseline.drl.linux.AzureLinuxRulesTest.RuleCase;
import java.util.stream.Stream;

/** Rule cases of the Azure Linux baseline: services that should be off or on, packages that should be absent. */
final class ServiceCases {
    private ServiceCases() {
    }

    static Stream<RuleCase> cases() {
        return Stream.of(
                rule("1.1.21", "not installed",
                        r -> r.unit("autofs.service", "[Service]", "ExecStart=/usr/sbin/automount",
                                "[Install]", "WantedBy=multi-user.target").enable("autofs.service"),
                        "autofs.service enabled"),
                rule("114", "not installed",
                        r -> r.unit("avahi-daemon.socket", "[Socket]", "ListenStream=/run/avahi-daemon/socket",
                                "[Install]", "WantedBy=sockets.target").enable("avahi-daemon.socket"),
                        "avahi-daemon.socket enabled"),
                rule("115", "cups.service disabled",
                        r -> r.enable("cups.service"), "cups.service enabled"),
                rule("90", "cron.service enabled",
                        r -> r.delete("/etc/systemd/system/multi-user.target.wants/cron.service"),
                        "none of cron.service, crond.service, cronie.service is enabled"),
                rule("1.5.4", "not installed",
                        r -> r.append("/var/lib/dpkg/status", "Package: prelink", "Status: install ok installed",
                                "Version: 0.0.20131005-1", ""),
                        "prelink 0.0.20131005-1 installed"),
                rule("2.3.3", "not installed",
                        r -> r.append("/var/lib/dpkg/status", "Package: talk", "Status: install ok installed",
                                "Version: 0.17-17", ""),
                        "talk 0.17-17 installed"),
                rule("73", "not installed",
                        r -> r.append("/var/lib/dpkg/status", "Package: inetutils-telnetd",
                                "Status: install ok installed", "Version: 2:2.4-2", ""),
                        "inetutils-telnetd 2:2.4-2 installed"),
                rule("183", "not installed",
                        r -> r.append("/var/lib/dpkg/status", "Package: rsh-client", "Status: hold ok installed",
                                "Version: 0.17-24", ""),
                        "rsh-client 0.17-24 installed"));
    }
}
