package io.osbaseline.drl.linux;

import static io.osbaseline.drl.linux.AzureLinuxRulesTest.rule;

import io.osbaseline.drl.linux.AzureLinuxRulesTest.RuleCase;
import java.util.stream.Stream;

/**
 * Rule cases of the Azure Linux baseline: services that should be off or on, packages that should be absent, and the
 * configuration of the legacy servers that may remain (inetd, postfix, Samba).
 */
final class ServiceCases {
    private ServiceCases() {
    }

    static Stream<RuleCase> cases() {
        return Stream.of(
                rule("1.1.21", "not installed",
                        r -> r.unit("autofs.service", "[Service]", "ExecStart=/usr/sbin/automount",
                                "[Install]", "WantedBy=multi-user.target").enable("autofs.service"),
                        "autofs.service enabled, inactive"),
                rule("114", "not installed",
                        r -> r.unit("avahi-daemon.socket", "[Socket]", "ListenStream=/run/avahi-daemon/socket",
                                "[Install]", "WantedBy=sockets.target").enable("avahi-daemon.socket"),
                        "avahi-daemon.socket enabled, inactive"),
                rule("115", "cups.service disabled, inactive",
                        r -> r.enable("cups.service"), "cups.service enabled, inactive"),
                rule("90", "cron.service enabled, active",
                        r -> r.delete("/etc/systemd/system/multi-user.target.wants/cron.service"),
                        "none of cron.service, crond.service, cronie.service is enabled"),
                rule("1.5.4", "not installed", r -> installed(r, "prelink", "0.0.20131005-1"),
                        "prelink 0.0.20131005-1 installed"),
                rule("2.3.3", "not installed", r -> installed(r, "talk", "0.17-17"), "talk 0.17-17 installed"),
                rule("73", "not installed", r -> installed(r, "inetutils-telnetd", "2:2.4-2"),
                        "inetutils-telnetd 2:2.4-2 installed"),
                rule("183", "not installed",
                        r -> r.append("/var/lib/dpkg/status", "Package: rsh-client", "Status: hold ok installed",
                                "Version: 0.17-24", ""),
                        "rsh-client 0.17-24 installed"),
                rule("69", "no /etc/inetd.conf; rlogin.socket not installed",
                        r -> r.file("/etc/inetd.conf",
                                "login\tstream\ttcp\tnowait\troot\t/usr/sbin/tcpd\t/usr/sbin/in.rlogind"),
                        "/etc/inetd.conf: login\tstream\ttcp\tnowait\troot\t/usr/sbin/tcpd\t/usr/sbin/in.rlogind"),
                rule("70.1", "not installed", r -> enabled(r, "inetd.service"), "inetd.service enabled, inactive"),
                rule("70.2", "not installed", r -> enabled(r, "xinetd.service"), "xinetd.service enabled, inactive"),
                rule("71.1", "not installed", r -> installed(r, "openbsd-inetd", "0.20221205-1"),
                        "openbsd-inetd 0.20221205-1 installed"),
                rule("71.2", "not installed", r -> installed(r, "xinetd", "1:2.3.15.3-1"),
                        "xinetd 1:2.3.15.3-1 installed"),
                rule("72", "no /etc/inetd.conf; telnet.socket not installed",
                        r -> r.file("/etc/inetd.conf", "#:STANDARD: These are standard services.",
                                "telnet stream tcp nowait telnetd /usr/sbin/tcpd /usr/sbin/in.telnetd"),
                        "/etc/inetd.conf: telnet stream tcp nowait telnetd /usr/sbin/tcpd /usr/sbin/in.telnetd"),
                rule("74", "no /etc/inetd.conf; rsh.socket not installed",
                        r -> r.file("/etc/inetd.conf", "#shell stream tcp nowait root /usr/sbin/tcpd in.rshd")
                                .unit("rsh.socket", "[Socket]", "ListenStream=514", "Accept=true", "[Install]",
                                        "WantedBy=sockets.target").enable("rsh.socket", "sockets.target"),
                        "rsh.socket enabled, inactive"),
                rule("77", "not installed", r -> installed(r, "rsh-server", "0.17-24"),
                        "rsh-server 0.17-24 installed"),
                rule("78", "not installed", r -> enabled(r, "ypbind.service"), "ypbind.service enabled, inactive"),
                rule("79", "not installed", r -> installed(r, "nis", "4.3"), "nis 4.3 installed"),
                rule("80", "no /etc/inetd.conf; tftp.socket, tftp.service, tftpd-hpa.service not installed",
                        r -> {
                            r.unit("tftpd-hpa.service", "[Service]", "ExecStart=/usr/sbin/in.tftpd --listen");
                            r.running().unit("tftpd-hpa.service", "active");
                        },
                        "tftpd-hpa.service static, active"),
                rule("81", "not installed", r -> installed(r, "tftpd-hpa", "5.2+20150808-1.4"),
                        "tftpd-hpa 5.2+20150808-1.4 installed"),
                rule("82", "not installed", r -> installed(r, "readahead-fedora", "1:1.5.6-5"),
                        "readahead-fedora 1:1.5.6-5 installed"),
                rule("84", "not installed", r -> enabled(r, "bluetooth.service"),
                        "bluetooth.service enabled, inactive"),
                rule("86", "not installed", r -> enabled(r, "isdnutils.service"),
                        "isdnutils.service enabled, inactive"),
                rule("87", "not installed", r -> installed(r, "isdnutils-base", "1:3.25+dfsg1-3.9"),
                        "isdnutils-base 1:3.25+dfsg1-3.9 installed"),
                rule("88", "not installed", r -> enabled(r, "kdump-tools.service"),
                        "kdump-tools.service enabled, inactive"),
                rule("116", "not installed", r -> enabled(r, "isc-dhcp-server.service"),
                        "isc-dhcp-server.service enabled, inactive"),
                rule("117", "not installed", r -> installed(r, "isc-dhcp-server", "4.4.3-P1-2"),
                        "isc-dhcp-server 4.4.3-P1-2 installed"),
                rule("120", "not installed", r -> installed(r, "sendmail-bin", "8.17.1.9-2"),
                        "sendmail-bin 8.17.1.9-2 installed"),
                rule("121", "not installed", r -> installed(r, "postfix", "3.7.10-0+deb12u1"),
                        "postfix 3.7.10-0+deb12u1 installed"),
                rule("122", "no /etc/postfix/main.cf",
                        r -> r.file("/etc/postfix/main.cf", "myhostname = web-1.example.com",
                                "inet_interfaces = all"),
                        "inet_interfaces = all"),
                rule("124", "not installed", r -> installed(r, "slapd", "2.5.13+dfsg-5"),
                        "slapd 2.5.13+dfsg-5 installed"),
                rule("126", "not installed", r -> enabled(r, "rpc-gssd.service"),
                        "rpc-gssd.service enabled, inactive"),
                rule("127", "not installed", r -> enabled(r, "nfs-idmapd.service"),
                        "nfs-idmapd.service enabled, inactive"),
                rule("129.1", "not installed", r -> enabled(r, "rpcbind.socket"), "rpcbind.socket enabled, inactive"),
                rule("129.2", "not installed", r -> enabled(r, "nfs-server.service"),
                        "nfs-server.service enabled, inactive"),
                rule("130", "no /etc/inetd.conf; rpc-svcgssd.service not installed",
                        r -> r.file("/etc/inetd.conf", "NEED_SVCGSSD=\"yes\""),
                        "/etc/inetd.conf: NEED_SVCGSSD=\"yes\""),
                rule("131", "not installed", r -> enabled(r, "named.service"), "named.service enabled, inactive"),
                rule("132", "not installed", r -> installed(r, "bind9", "1:9.18.24-1"), "bind9 1:9.18.24-1 installed"),
                rule("137", "not installed", r -> enabled(r, "dovecot.socket"), "dovecot.socket enabled, inactive"),
                rule("138", "not installed", r -> installed(r, "dovecot-core", "1:2.3.19.1+dfsg1-2.1"),
                        "dovecot-core 1:2.3.19.1+dfsg1-2.1 installed"),
                rule("179", "not installed", r -> enabled(r, "snmpd.service"), "snmpd.service enabled, inactive"),
                rule("181", "not installed", r -> enabled(r, "rsync.service"), "rsync.service enabled, inactive"),
                rule("182", "not installed", r -> enabled(r, "ypserv.service"), "ypserv.service enabled, inactive"),
                rule("185", "server min protocol = SMB2_10",
                        r -> r.edit("/etc/samba/smb.conf", "server min protocol = SMB2_10", "min protocol = NT1"),
                        "server min protocol = NT1"));
    }

    /** Adds an installed package to the dpkg database. */
    private static void installed(LinuxRoot r, String name, String version) {
        r.append("/var/lib/dpkg/status", "Package: " + name, "Status: install ok installed", "Version: " + version,
                "");
    }

    /** Installs and enables a service unit. */
    private static void enabled(LinuxRoot r, String unit) {
        String target = unit.endsWith(".socket") ? "sockets.target" : "multi-user.target";
        r.unit(unit, "[Unit]", "Description=" + unit, unit.endsWith(".socket") ? "[Socket]" : "[Service]",
                unit.endsWith(".socket") ? "ListenStream=0" : "ExecStart=/usr/sbin/daemon", "[Install]",
                "WantedBy=" + target).enable(unit, target);
    }
}
