package io.osbaseline.local.linux;

import static org.assertj.core.api.Assertions.assertThat;

import io.osbaseline.local.TestRoot;
import io.osbaseline.model.CollectorRun;
import io.osbaseline.model.CollectorStatus;
import io.osbaseline.model.CoverageGap;
import io.osbaseline.model.fact.Setting;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InterfacesCollectorTest {
    @TempDir
    Path dir;

    private static Outcome live(TestRoot r) {
        return Outcome.run(new InterfacesCollector(), r, true, new HostCommands(List.of()));
    }

    /** An interface as the kernel shows it: a link in /sys/class/net to its device directory. */
    private static void iface(TestRoot r, String name, String flags) {
        r.file("/sys/devices/virtual/net/" + name + "/flags", flags);
        r.symlink("/sys/class/net/" + name, "../../devices/virtual/net/" + name);
    }

    @Test
    void flagsAndWirelessOfEveryInterface() {
        TestRoot r = new TestRoot(dir);
        iface(r, "lo", "0x9");
        iface(r, "eth0", "0x1003");
        iface(r, "eth1", "0x1103");
        iface(r, "wlan0", "0x1003");
        r.dir("/sys/devices/virtual/net/wlan0/wireless");
        iface(r, "wlan1", "0x1002");
        r.symlink("/sys/devices/virtual/net/wlan1/phy80211", "../../../ieee80211/phy1");
        r.dir("/sys/devices/ieee80211/phy1");
        r.file("/sys/class/net/bonding_masters", "bond0");

        Outcome o = live(r);

        assertThat(o.facts(Setting.class)).containsExactly(
                new Setting("interface", "eth0", "up,broadcast,multicast"),
                new Setting("interface", "eth1", "up,broadcast,promisc,multicast"),
                new Setting("interface", "lo", "up,loopback"),
                new Setting("interface", "wlan0", "up,broadcast,multicast,wireless"),
                new Setting("interface", "wlan1", "broadcast,multicast,wireless"));
        assertThat(o.run()).isEqualTo(new CollectorRun("interfaces", CollectorStatus.COLLECTED,
                "5 interfaces from /sys/class/net"));
    }

    @Test
    void aFlagsFileThatIsNotANumberIsAGap() {
        TestRoot r = new TestRoot(dir);
        iface(r, "eth0", "garbage");

        Outcome o = live(r);

        assertThat(o.facts()).isEmpty();
        assertThat(o.gaps()).containsExactly(new CoverageGap("interfaces", "/sys/class/net/eth0/flags",
                "not a number: garbage"));
    }

    @Test
    void withoutSysTheGapSaysSo() {
        Outcome o = live(new TestRoot(dir).dir("/etc"));

        assertThat(o.run().detail()).isEqualTo("no /sys/class/net");
        assertThat(o.gaps()).containsExactly(new CoverageGap("interfaces", "/sys/class/net",
                "absent: /sys is not mounted"));
    }

    @Test
    void offlineTheInterfacesAreUnavailable() {
        TestRoot r = new TestRoot(dir);
        iface(r, "eth0", "0x1103");

        Outcome o = Outcome.offline(new InterfacesCollector(), r);

        assertThat(o.facts()).isEmpty();
        assertThat(o.run()).isEqualTo(CollectorRun.unavailable("interfaces",
                "network interfaces are runtime state, which an offline root does not have"));
    }

    @Test
    void flagNamesFollowLinuxIfH() {
        assertThat(InterfacesCollector.describe(0, false)).isEqualTo("none");
        assertThat(InterfacesCollector.describe(0x1 | 0x10 | 0x40 | 0x80 | 0x200, false))
                .isEqualTo("up,pointopoint,running,noarp,allmulti");
    }
}
