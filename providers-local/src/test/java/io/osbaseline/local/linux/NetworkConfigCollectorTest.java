package io.osbaseline.local.linux;

import static org.assertj.core.api.Assertions.assertThat;

import io.osbaseline.local.TestRoot;
import io.osbaseline.model.CollectorRun;
import io.osbaseline.model.CollectorStatus;
import io.osbaseline.model.fact.Setting;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NetworkConfigCollectorTest {
    @TempDir
    Path dir;

    @Test
    void debianInterfacesAndWhatTheySourceGiveOnlyThePromiscAndIpv4llLines() {
        TestRoot r = new TestRoot(dir);
        r.file("/etc/network/interfaces", "# The loopback network interface", "auto lo", "iface lo inet loopback",
                "source /etc/network/interfaces.d/*", "source-directory interfaces.extra");
        r.file("/etc/network/interfaces.d/eth1", "auto eth1", "iface eth1 inet manual",
                "    up ip link set eth1 promisc on", "# iface eth1:avahi inet ipv4ll");
        r.file("/etc/network/interfaces.d/wlan0", "iface wlan0 inet dhcp", "    wpa-ssid office",
                "    wpa-psk s3cret-passphrase");
        r.file("/etc/network/interfaces.extra/eth2", "iface eth2 inet ipv4ll");
        r.file("/etc/network/interfaces.extra/eth3.bak", "iface eth3 inet ipv4ll");
        r.file("/etc/rc.local", "#!/bin/sh -e", "# ip link set eth0 promisc on", "ifconfig eth3 PROMISC",
                "logger booted # not promisc", "exit 0");

        Outcome o = Outcome.offline(new NetworkConfigCollector(), r);

        assertThat(o.facts(Setting.class)).containsExactly(
                new Setting("network-config", "promisc", "/etc/network/interfaces.d/eth1:3: up ip link set eth1 "
                        + "promisc on"),
                new Setting("network-config", "ipv4ll", "/etc/network/interfaces.extra/eth2:1: iface eth2 inet "
                        + "ipv4ll"),
                new Setting("network-config", "promisc", "/etc/rc.local:3: ifconfig eth3 PROMISC"));
        // the Wi-Fi key never leaves the machine
        assertThat(o.facts(Setting.class)).noneMatch(s -> s.value().contains("s3cret"));
        assertThat(o.run()).isEqualTo(new CollectorRun("network-config", CollectorStatus.COLLECTED,
                "read /etc/network/interfaces and 3 sourced files, /etc/rc.local"));
    }

    @Test
    void rhelSysconfigNetworkAssignments() {
        TestRoot r = new TestRoot(dir);
        r.file("/etc/sysconfig/network", "# Created by anaconda", "NETWORKING=yes", "NOZEROCONF=\"yes\"",
                "HOSTNAME=db01 # old style");

        Outcome o = Outcome.offline(new NetworkConfigCollector(), r);

        assertThat(o.facts(Setting.class)).containsExactly(new Setting("sysconfig/network", "NETWORKING", "yes"),
                new Setting("sysconfig/network", "NOZEROCONF", "yes"),
                new Setting("sysconfig/network", "HOSTNAME", "db01"));
        assertThat(o.run().detail()).isEqualTo("read /etc/sysconfig/network");
    }

    @Test
    void sourcesThatLoopAreReadOnce() {
        TestRoot r = new TestRoot(dir);
        r.file("/etc/network/interfaces", "source interfaces", "iface eth0 inet ipv4ll");

        Outcome o = Outcome.offline(new NetworkConfigCollector(), r);

        assertThat(o.facts(Setting.class)).containsExactly(new Setting("network-config", "ipv4ll",
                "/etc/network/interfaces:2: iface eth0 inet ipv4ll"));
    }

    @Test
    void nothingToRead() {
        Outcome o = Outcome.offline(new NetworkConfigCollector(), new TestRoot(dir).dir("/etc"));

        assertThat(o.facts()).isEmpty();
        assertThat(o.run().detail()).isEqualTo(
                "none of /etc/network/interfaces, /etc/rc.local, /etc/sysconfig/network exists");
    }
}
