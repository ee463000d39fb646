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

class KernelCollectorTest {
    @TempDir
    Path dir;

    private static Outcome live(TestRoot r) {
        return Outcome.run(new KernelCollector(), r, true, new HostCommands(List.of()));
    }

    @Test
    void liveReleaseVersionAndTheFlagsOfTheFirstX86Processor() {
        TestRoot r = new TestRoot(dir);
        r.file("/proc/sys/kernel/osrelease", "6.1.0-18-cloud-amd64");
        r.file("/proc/version", "Linux version 6.1.0-18-cloud-amd64 (debian-kernel@lists.debian.org) (gcc-12 (Debian "
                + "12.2.0-14) 12.2.0, GNU ld (GNU Binutils for Debian) 2.40) #1 SMP PREEMPT_DYNAMIC Debian 6.1.76-1 "
                + "(2024-02-01)");
        r.file("/proc/cpuinfo", "processor\t: 0", "vendor_id\t: AuthenticAMD",
                "flags\t\t: fpu vme de pse tsc msr pae mce cx8 apic sep syscall nx mmxext lm",
                "bugs\t\t: sysret_ss_attrs", "", "processor\t: 1", "flags\t\t: fpu vme", "");

        Outcome o = live(r);

        assertThat(o.facts(Setting.class)).containsExactly(
                new Setting("kernel", "release", "6.1.0-18-cloud-amd64"),
                new Setting("kernel", "version", "Linux version 6.1.0-18-cloud-amd64 (debian-kernel@lists.debian.org) "
                        + "(gcc-12 (Debian 12.2.0-14) 12.2.0, GNU ld (GNU Binutils for Debian) 2.40) #1 SMP "
                        + "PREEMPT_DYNAMIC Debian 6.1.76-1 (2024-02-01)"),
                new Setting("cpu", "flags", "fpu vme de pse tsc msr pae mce cx8 apic sep syscall nx mmxext lm"));
        assertThat(o.run()).isEqualTo(new CollectorRun("kernel", CollectorStatus.COLLECTED,
                "kernel 6.1.0-18-cloud-amd64; CPU flags of the first processor"));
        assertThat(o.gaps()).isEmpty();
    }

    @Test
    void armProcessorsHaveFeaturesInsteadOfFlags() {
        TestRoot r = new TestRoot(dir);
        r.file("/proc/sys/kernel/osrelease", "6.8.0-1015-azure");
        r.file("/proc/version", "Linux version 6.8.0-1015-azure (buildd@bos03-arm64-017) #17-Ubuntu SMP");
        r.file("/proc/cpuinfo", "processor\t: 0", "BogoMIPS\t: 50.00",
                "Features\t: fp asimd evtstrm aes pmull sha1 sha2 crc32 atomics", "CPU implementer\t: 0x41");

        assertThat(live(r).facts(Setting.class)).contains(
                new Setting("cpu", "features", "fp asimd evtstrm aes pmull sha1 sha2 crc32 atomics"));
    }

    @Test
    void withoutProcTheGapsSaySo() {
        Outcome o = live(new TestRoot(dir).dir("/etc"));

        assertThat(o.facts()).isEmpty();
        assertThat(o.run().status()).isEqualTo(CollectorStatus.PARTIAL);
        assertThat(o.run().detail()).isEqualTo("kernel release not read; CPU flags not read");
        assertThat(o.gaps()).containsExactly(
                new CoverageGap("kernel", "/proc/sys/kernel/osrelease", "absent: /proc is not mounted"),
                new CoverageGap("kernel", "/proc/version", "absent: /proc is not mounted"),
                new CoverageGap("kernel", "/proc/cpuinfo", "absent: /proc is not mounted"));
    }

    @Test
    void anOfflineRootHasNoRunningKernelEvenWithAProcDirectory() {
        TestRoot r = new TestRoot(dir);
        r.file("/proc/version", "Linux version 5.14.0-362.8.1.el9_3.x86_64");

        Outcome o = Outcome.offline(new KernelCollector(), r);

        assertThat(o.facts()).isEmpty();
        assertThat(o.run()).isEqualTo(CollectorRun.unavailable("kernel",
                "the running kernel and processor are runtime state, which an offline root does not have"));
    }
}
