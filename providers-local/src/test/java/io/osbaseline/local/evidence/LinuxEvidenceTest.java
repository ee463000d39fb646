package io.osbaseline.local.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.osbaseline.local.Fixtures;
import io.osbaseline.local.TestRoot;
import io.osbaseline.local.linux.LiveSnapshotters;
import io.osbaseline.model.CollectorRun;
import io.osbaseline.model.CollectorStatus;
import io.osbaseline.model.ConfigurationSnapshot;
import io.osbaseline.model.CoverageGap;
import io.osbaseline.model.Machine;
import io.osbaseline.model.OsFamily;
import io.osbaseline.model.fact.FileInfo;
import io.osbaseline.model.fact.InstalledPackage;
import io.osbaseline.model.fact.KernelModule;
import io.osbaseline.model.fact.Mount;
import io.osbaseline.model.fact.PasswordState;
import io.osbaseline.model.fact.Setting;
import io.osbaseline.model.fact.SshdOption;
import io.osbaseline.model.fact.Sysctl;
import io.osbaseline.model.fact.SystemService;
import io.osbaseline.model.fact.UserAccount;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The decisive property of the evidence format: the collector script run over a machine, read back with
 * {@link LinuxEvidence#read}, gives the snapshot that the local provider's collectors take of that machine live.
 */
class LinuxEvidenceTest {
    private static final Machine MACHINE = Machine.builder("vm-1").name("vm-1").osFamily(OsFamily.LINUX).build();

    @TempDir
    Path tmp;

    private TestRoot root(String name) throws IOException {
        return new TestRoot(Files.createDirectory(tmp.resolve(name)));
    }

    /** The snapshot the collectors take of {@code root} live, with the commands in {@code bin}, at {@code now}. */
    private static ConfigurationSnapshot live(TestRoot root, Path bin, Instant now) throws IOException {
        return LiveSnapshotters.over(root.dir(), List.of(bin), now).snapshot(MACHINE);
    }

    private static void assertSameSnapshot(ConfigurationSnapshot remote, ConfigurationSnapshot local) {
        assertSameList("facts", remote.facts(), local.facts());
        assertSameList("collector runs", remote.coverage().collectors(), local.coverage().collectors());
        assertSameList("gaps", remote.coverage().gaps(), local.coverage().gaps());
        assertThat(remote).isEqualTo(local);
    }

    /** Equal lists, or a message with only what differs (the lists are long). */
    private static void assertSameList(String what, List<?> remote, List<?> local) {
        if (!remote.equals(local)) {
            List<?> onlyRemote = remote.stream().filter(x -> !local.contains(x)).toList();
            List<?> onlyLocal = local.stream().filter(x -> !remote.contains(x)).toList();
            throw new AssertionError(what + " differ; only through the evidence: " + onlyRemote
                    + "; only live: " + onlyLocal + (onlyRemote.isEmpty() && onlyLocal.isEmpty() ? " (order)" : ""));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"sh", "bash"})
    void debianEvidenceReadsAsTheLiveMachine(String shell) throws Exception {
        Path bin = tmp.resolve("bin");
        TestRoot r = Machines.debian(root("deb12"), bin);

        byte[] evidence = Collection.run(shell, r.dir(), bin, tmp).evidence();
        ConfigurationSnapshot remote = LinuxEvidence.read(MACHINE, evidence);

        assertSameSnapshot(remote, live(r, bin, remote.collectedAt()));
        // and the live sources were really met, so that the equality above says something
        assertThat(remote.coverage().collectors()).extracting(CollectorRun::collector, CollectorRun::status)
                .contains(tuple("sysctl", CollectorStatus.COLLECTED), tuple("services", CollectorStatus.COLLECTED),
                        tuple("mounts", CollectorStatus.COLLECTED), tuple("kernel-modules", CollectorStatus.COLLECTED));
        assertThat(remote.coverage().run("sysctl").orElseThrow().detail()).contains("not in this kernel: "
                + "net.ipv6.conf.all.accept_ra, net.ipv6.conf.all.accept_redirects", "vm.no_such_knob");
        assertThat(remote.facts(Sysctl.class)).contains(new Sysctl("net.ipv4.tcp_syncookies", "1", "runtime"),
                new Sysctl("kernel.pid_max", "4194304", "runtime"));
        assertThat(remote.facts(SystemService.class)).contains(
                new SystemService("ssh.service", "enabled", "active"),
                new SystemService("sshd.service", "alias", "active"),
                new SystemService("rsyslog.service", "enabled", "failed"),
                new SystemService("rpcbind.service", "masked", "inactive"),
                new SystemService("apt-daily.timer", "masked-runtime", "inactive"));
        assertThat(remote.facts(Mount.class)).filteredOn(m -> m.source().equals("runtime")).hasSize(4);
        assertThat(remote.facts(KernelModule.class)).contains(
                new KernelModule("usb-storage", "/bin/true", true, true, "/etc/modprobe.d/cis.conf"));
        assertThat(remote.facts(SshdOption.class)).contains(
                new SshdOption("passwordauthentication", "yes", "default"),
                new SshdOption("allowtcpforwarding", "yes", "default"),
                new SshdOption("loglevel", "VERBOSE", "/etc/ssh/sshd_config.d/20-backup.conf:5"));
        assertThat(remote.facts(FileInfo.class)).contains(FileInfo.absent("/etc/cron.allow"));
        assertThat(remote.facts(UserAccount.class)).extracting(UserAccount::name, UserAccount::password)
                .contains(tuple("root", PasswordState.SET), tuple("deploy", PasswordState.LOCKED),
                        tuple("daemon", PasswordState.NO_PASSWORD));
        assertThat(remote.coverage().gaps()).isEmpty();
    }

    @Test
    void rhelEvidenceCarriesWhatRpmAndSystemctlSaid() throws Exception {
        Path bin = tmp.resolve("bin");
        TestRoot r = Machines.rhel(root("rhel9"), bin);

        byte[] evidence = Collection.run("sh", r.dir(), bin, tmp).evidence();
        ConfigurationSnapshot remote = LinuxEvidence.read(MACHINE, evidence);

        assertSameSnapshot(remote, live(r, bin, remote.collectedAt()));
        assertThat(remote.facts(InstalledPackage.class)).containsExactly(
                new InstalledPackage("openssh-server", "8.7p1-38.el9", "rpm"),
                new InstalledPackage("bash", "5.1.8-9.el9", "rpm"),
                new InstalledPackage("gpg-pubkey", "fd431d51-4ae0493b", "rpm"));
        assertThat(remote.facts(SystemService.class)).contains(
                new SystemService("firewalld.service", "enabled", "active"),
                new SystemService("kdump.service", "disabled", "inactive"),
                new SystemService("nfs-idmapd.service", "indirect", "inactive"));
        assertThat(remote.facts(SshdOption.class)).contains(new SshdOption("ciphers",
                "aes256-gcm@openssh.com,chacha20-poly1305@openssh.com,aes256-ctr,aes128-gcm@openssh.com,aes128-ctr",
                "/etc/crypto-policies/back-ends/opensshserver.config:1"));
        assertThat(remote.facts(Sysctl.class)).contains(new Sysctl("net.ipv4.conf.all.rp_filter", "1", "runtime"));
    }

    @Test
    void withoutAnRpmCommandTheMachineSaysSoToo() throws Exception {
        Path bin = tmp.resolve("bin");
        TestRoot r = Machines.rhel(root("rhel9"), bin);
        Files.delete(bin.resolve("rpm"));

        ConfigurationSnapshot remote = LinuxEvidence.read(MACHINE, Collection.run("sh", r.dir(), bin, tmp)
                .evidence());

        assertSameSnapshot(remote, live(r, bin, remote.collectedAt()));
        assertThat(remote.coverage().gaps()).contains(new CoverageGap("packages", "/var/lib/rpm",
                "no rpm command on this host"));
    }

    @Test
    void aDebootstrapRootReadsTheSameThroughTheEvidence() throws Exception {
        Path bookworm = Path.of("/tmp/bookworm");
        assumeTrue(Files.isDirectory(bookworm.resolve("etc")),
                "no debootstrap root at /tmp/bookworm");
        Path bin = Files.createDirectory(tmp.resolve("no-commands"));

        byte[] evidence = Collection.run("sh", bookworm, bin, tmp).evidence();
        ConfigurationSnapshot remote = LinuxEvidence.read(MACHINE, evidence);

        assertSameSnapshot(remote, LiveSnapshotters.over(bookworm, List.of(bin), remote.collectedAt())
                .snapshot(MACHINE));
        assertThat(remote.facts(InstalledPackage.class)).hasSizeGreaterThan(50);
    }

    @Test
    void theManifestSaysWhereAndWhenAndTheSnapshotKeepsThatTime() throws Exception {
        Path bin = tmp.resolve("bin");
        TestRoot r = Machines.debian(root("deb12"), bin);
        Instant before = Instant.now().minusSeconds(1);

        Evidence evidence = LinuxEvidence.parse(new ByteArrayInputStream(
                Collection.run("sh", r.dir(), bin, tmp).evidence()));

        EvidenceManifest m = evidence.manifest();
        assertThat(m.format()).isEqualTo(LinuxEvidence.FORMAT_VERSION);
        assertThat(m.script()).isEqualTo(LinuxEvidence.scriptId()).matches("[0-9a-f]{12}");
        assertThat(m.hostname()).isEqualTo("deb12-web01");
        assertThat(m.root()).isEqualTo(r.dir().toString());
        assertThat(m.collectedAt()).isBetween(before.truncatedTo(ChronoUnit.SECONDS),
                Instant.now());
        assertThat(evidence.snapshot(MACHINE).collectedAt()).isEqualTo(m.collectedAt());
        assertThat(evidence.snapshot(MACHINE).machine()).isEqualTo(MACHINE);
    }

    @Test
    void passwordHashesAndPrivateKeysNeverLeaveTheMachine() throws Exception {
        Path bin = tmp.resolve("bin");
        TestRoot r = Machines.debian(root("deb12"), bin);
        // a key where a collector reads: an sshd Include that names it, and a PAM file that holds one
        r.file("/etc/ssh/sshd_config.d/30-keys.conf", "Include /etc/ssh/ssh_host_ed25519_key");
        r.text("/etc/pam.d/vpn", Machines.PRIVATE_KEY);
        // a GRUB password hash, a legacy plain-text password, and a Wi-Fi key next to what a collector reads
        r.file("/boot/grub/grub.cfg", "set superusers=\"root\"",
                "password_pbkdf2 root grub.pbkdf2.sha512.10000.9F8E7D6C5B4A39281706F5E4D3C2B1A0.00112233445566778899",
                "# password_pbkdf2 old grub.pbkdf2.sha512.10000.DEADBEEFCAFE");
        r.file("/boot/grub/grub.conf", "timeout=5", "password s3cr3t-grub-legacy");
        r.file("/boot/grub2/user.cfg", "GRUB2_PASSWORD=grub.pbkdf2.sha512.10000.0123ABCD.4567EF");
        r.file("/etc/network/interfaces", "auto wlan0", "iface wlan0 inet dhcp", "    wpa-psk s3cr3t-wifi-key",
                "    up ip link set wlan0 promisc on", "source /etc/network/interfaces.d/*");

        byte[] evidence = Collection.run("sh", r.dir(), bin, tmp).evidence();
        String all = Archive.everything(evidence);
        assertThat(all).doesNotContain("9F8E7D6C5B4A", "DEADBEEFCAFE", "s3cr3t-grub-legacy", "0123ABCD",
                "s3cr3t-wifi-key");
        // what the collectors derive survives the redaction
        ConfigurationSnapshot redacted = LinuxEvidence.read(MACHINE, evidence);
        assertThat(redacted.facts(Setting.class)).contains(
                new Setting("grub", "/boot/grub/grub.cfg", "password_pbkdf2 for root; superusers root"),
                new Setting("grub", "/boot/grub/grub.conf", "plain-text password"));
        assertThat(redacted.facts(Setting.class)).filteredOn(f -> f.namespace().startsWith("network"))
                .extracting(Setting::value).anyMatch(v -> v.contains("promisc"));

        for (String hash : Fixtures.HASHES) {
            assertThat(all).doesNotContain(hash).doesNotContain(hash.substring(hash.lastIndexOf('$') + 1));
        }
        assertThat(all).doesNotContain("PRIVATE KEY").doesNotContain("b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQ")
                .doesNotContain("not for the evidence").doesNotContain("password z");
        assertThat(Archive.entry(evidence, "root/etc/shadow")).startsWith("root:$osbaseline$redacted:19700:")
                .contains("\ndeploy:!$osbaseline$redacted:19702:", "\ndaemon:*:19700:", "\nmessagebus:!:19700:");
        // what was kept is the metadata, and reading the content says why there is none
        ConfigurationSnapshot s = LinuxEvidence.read(MACHINE, evidence);
        assertThat(s.coverage().gaps()).contains(
                new CoverageGap("sshd", "/etc/ssh/ssh_host_ed25519_key", "not collected: it holds a private key"),
                new CoverageGap("pam", "/etc/pam.d/vpn", "not collected: it holds a private key"));
        assertThat(s.facts(UserAccount.class)).extracting(UserAccount::name, UserAccount::password)
                .contains(tuple("root", PasswordState.SET), tuple("admin", PasswordState.SET));
    }

    @Test
    void aFileTooLargeToShipStaysOnTheMachineAsAGap() throws Exception {
        Path bin = tmp.resolve("bin");
        TestRoot r = Machines.debian(root("deb12"), bin);
        r.text("/etc/motd", "Welcome!\n".repeat(EvidenceReader.MAX_FILE_BYTES / 9 + 1));

        byte[] evidence = Collection.run("sh", r.dir(), bin, tmp).evidence();
        ConfigurationSnapshot remote = LinuxEvidence.read(MACHINE, evidence);

        assertThat(evidence.length).isLessThan(64 << 10);
        assertThat(remote.coverage().gaps()).containsExactly(new CoverageGap("file-lines", "/etc/motd",
                "not collected: larger than " + EvidenceReader.MAX_FILE_BYTES + " bytes"));
        // its mode and owner are there still
        assertThat(remote.facts(FileInfo.class)).filteredOn(f -> f.path().equals("/etc/motd"))
                .extracting(FileInfo::exists).containsExactly(true);
    }
}
