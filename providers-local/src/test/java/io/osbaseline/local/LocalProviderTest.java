package io.osbaseline.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.osbaseline.json.Json;
import io.osbaseline.local.linux.LinuxSnapshotter;
import io.osbaseline.model.Cloud;
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
import io.osbaseline.model.fact.OsRelease;
import io.osbaseline.model.fact.PasswordState;
import io.osbaseline.model.fact.SshdOption;
import io.osbaseline.model.fact.Sysctl;
import io.osbaseline.model.fact.SystemService;
import io.osbaseline.model.fact.UserAccount;
import io.osbaseline.provider.InvalidOptionException;
import io.osbaseline.provider.Provider;
import io.osbaseline.provider.ProviderFactory;
import io.osbaseline.provider.Providers;
import io.osbaseline.provider.SnapshotException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalProviderTest {
    @TempDir
    Path tmp;

    private TestRoot root(String name) throws IOException {
        return new TestRoot(Files.createDirectory(tmp.resolve(name)));
    }

    private static Provider local(Map<String, String> options) throws Exception {
        return Providers.create("local", options);
    }

    @Test
    void bothProvidersAreFoundThroughServiceLoader() {
        assertThat(Providers.available()).extracting(ProviderFactory::id).contains("local", "files");
        assertThat(new LocalProviderFactory().options()).extracting(o -> o.name()).containsExactly("root", "name");
    }

    @Test
    void debian12OfflineRoot() throws Exception {
        TestRoot r = Fixtures.debian12(root("deb12-image"));

        try (Provider provider = local(Map.of("root", r.dir().toString()))) {
            List<Machine> machines = provider.machines().toList();
            assertThat(machines).containsExactly(Machine.builder("deb12-web01").name("deb12-image")
                    .osFamily(OsFamily.LINUX).osName("Debian GNU/Linux").osVersion("12").cloud(Cloud.UNKNOWN)
                    .tag("root", r.dir().toRealPath().toString()).build());

            ConfigurationSnapshot s = provider.collect(machines.get(0));

            assertThat(s.machine()).isEqualTo(machines.get(0));
            assertThat(s.coverage().collectors()).extracting(CollectorRun::collector, CollectorRun::status)
                    .containsExactly(
                            tuple("os-release", CollectorStatus.COLLECTED),
                            tuple("files", CollectorStatus.COLLECTED),
                            tuple("file-lines", CollectorStatus.COLLECTED),
                            tuple("login.defs", CollectorStatus.COLLECTED),
                            tuple("pam", CollectorStatus.COLLECTED),
                            tuple("sshd", CollectorStatus.COLLECTED),
                            tuple("sysctl", CollectorStatus.PARTIAL),
                            tuple("packages", CollectorStatus.COLLECTED),
                            tuple("services", CollectorStatus.PARTIAL),
                            tuple("mounts", CollectorStatus.PARTIAL),
                            tuple("kernel-modules", CollectorStatus.PARTIAL),
                            tuple("accounts", CollectorStatus.COLLECTED),
                            tuple("homes", CollectorStatus.COLLECTED),
                            tuple("root-path", CollectorStatus.COLLECTED),
                            tuple("kernel", CollectorStatus.UNAVAILABLE),
                            tuple("interfaces", CollectorStatus.UNAVAILABLE),
                            tuple("firewall", CollectorStatus.UNAVAILABLE),
                            tuple("network-config", CollectorStatus.COLLECTED),
                            tuple("logging", CollectorStatus.COLLECTED),
                            tuple("limits", CollectorStatus.COLLECTED),
                            tuple("grub", CollectorStatus.COLLECTED),
                            tuple("postfix", CollectorStatus.COLLECTED),
                            tuple("samba", CollectorStatus.COLLECTED));
            // what an offline root cannot tell, and nothing else
            assertThat(s.coverage().gaps()).containsExactly(
                    new CoverageGap("sysctl", "/proc/sys", "runtime values cannot be read under an offline root"),
                    new CoverageGap("services", "systemctl", "active states cannot be read under an offline root"),
                    new CoverageGap("mounts", "/proc/self/mounts",
                            "runtime mounts cannot be read under an offline root"),
                    new CoverageGap("kernel-modules", "/proc/modules",
                            "loaded modules cannot be read under an offline root"));
            assertThat(s.facts(OsRelease.class)).containsExactly(new OsRelease("debian", List.of(), "12",
                    "Debian GNU/Linux", "Debian GNU/Linux 12 (bookworm)"));
            assertThat(s.facts(SshdOption.class)).contains(
                    new SshdOption("permitrootlogin", "no", "/etc/ssh/sshd_config.d/10-hardening.conf:2"),
                    new SshdOption("permitemptypasswords", "no", "default"));
            assertThat(s.facts(InstalledPackage.class)).extracting(InstalledPackage::name)
                    .containsExactly("openssh-server", "libc6", "rsyslog");
            assertThat(s.facts(FileInfo.class)).contains(FileInfo.absent("/etc/cron.allow"));
            assertThat(s.facts(UserAccount.class)).filteredOn(a -> a.name().equals("root"))
                    .extracting(UserAccount::password).containsExactly(PasswordState.SET);
            // nothing of the host's runtime state leaks into an offline snapshot
            assertThat(s.facts(Sysctl.class)).noneMatch(f -> f.source().equals("runtime"));
            assertThat(s.facts(Mount.class)).allMatch(m -> m.source().equals("fstab"));
            assertThat(s.facts(KernelModule.class)).allMatch(m -> m.loaded() == null);
            assertThat(s.facts(SystemService.class)).allMatch(u -> u.activeState() == null);
        }
    }

    @Test
    void snapshotJsonRoundTripsAndHoldsNoPasswordHash() throws Exception {
        TestRoot r = Fixtures.debian12(root("deb12"));
        try (Provider provider = local(Map.of("root", r.dir().toString()))) {
            ConfigurationSnapshot s = provider.collect(provider.machines().findFirst().orElseThrow());
            String json = Json.write(s);

            assertThat(Json.readSnapshot(json, "round-trip")).isEqualTo(s);
            Fixtures.HASHES.forEach(h -> assertThat(json).doesNotContain(h)
                    .doesNotContain(h.substring(h.lastIndexOf('$') + 1)));
        }
    }

    @Test
    void rhel9OfflineRoot() throws Exception {
        TestRoot r = Fixtures.rhel9(root("rhel9"));

        try (Provider provider = local(Map.of("root", r.dir().toString()))) {
            Machine m = provider.machines().findFirst().orElseThrow();
            assertThat(m.id()).isEqualTo("rhel9-db01.example.com");
            assertThat(m.osName()).isEqualTo("Red Hat Enterprise Linux");
            assertThat(m.osVersion()).isEqualTo("9.4");

            ConfigurationSnapshot s = provider.collect(m);

            assertThat(s.coverage().collectors()).extracting(CollectorRun::collector)
                    .containsExactlyElementsOf(LinuxSnapshotter.COLLECTOR_NAMES);
            // this host has no rpm, or an rpm that cannot read the fixture's database: never a guess
            CollectorRun packages = s.coverage().run("packages").orElseThrow();
            assertThat(packages.status()).isEqualTo(CollectorStatus.FAILED);
            assertThat(packages.detail()).contains("rpm");
            assertThat(s.facts(InstalledPackage.class)).isEmpty();
            assertThat(s.facts(SshdOption.class)).contains(new SshdOption("permitrootlogin", "prohibit-password",
                    "/etc/ssh/sshd_config.d/01-permitrootlogin.conf:3"));
            assertThat(s.facts(SystemService.class)).contains(new SystemService("firewalld.service", "enabled", null));
        }
    }

    @Test
    void nameOptionSetsIdAndName() throws Exception {
        TestRoot r = Fixtures.debian12(root("mnt"));

        try (Provider provider = local(Map.of("root", r.dir().toString(), "name", "golden-image-2024.06"))) {
            Machine m = provider.machines().findFirst().orElseThrow();
            assertThat(m.id()).isEqualTo("golden-image-2024.06");
            assertThat(m.name()).isEqualTo("golden-image-2024.06");
            assertThat(provider.collect(m).machine()).isEqualTo(m);
        }
    }

    @Test
    void withoutHostnameTheIdIsTheDirectoryName() throws Exception {
        TestRoot r = root("alpine-rootfs").file("/etc/os-release", "NAME=\"Alpine Linux\"", "ID=alpine",
                "VERSION_ID=3.20.3");

        try (Provider provider = local(Map.of("root", r.dir().toString()))) {
            Machine m = provider.machines().findFirst().orElseThrow();
            assertThat(m.id()).isEqualTo("alpine-rootfs");
            assertThat(m.osName()).isEqualTo("Alpine Linux");
            ConfigurationSnapshot s = provider.collect(m);
            // a minimal root: what is absent is said, not failed, except what must exist
            assertThat(s.coverage().run("sshd").orElseThrow().detail())
                    .isEqualTo("no /etc/ssh/sshd_config: OpenSSH server not configured");
            assertThat(s.coverage().run("packages").orElseThrow().status()).isEqualTo(CollectorStatus.FAILED);
            assertThat(s.coverage().run("accounts").orElseThrow().status()).isEqualTo(CollectorStatus.FAILED);
            assertThat(s.coverage().run("services").orElseThrow().status()).isEqualTo(CollectorStatus.COLLECTED);
        }
    }

    @Test
    void aMachineFromElsewhereIsRefused() throws Exception {
        try (Provider provider = local(Map.of("root", Fixtures.debian12(root("r")).dir().toString()))) {
            assertThatThrownBy(() -> provider.collect(Machine.builder("other-host").build()))
                    .isInstanceOf(SnapshotException.class)
                    .hasMessage("the local provider reads machine 'deb12-web01' only, not 'other-host'");
        }
    }

    @Test
    void badRootsAreInvalidOptions() throws IOException {
        Path missing = tmp.resolve("no-such-root");
        Path notLinux = Files.createDirectory(tmp.resolve("photos"));

        assertThatThrownBy(() -> local(Map.of("root", missing.toString())))
                .isInstanceOf(InvalidOptionException.class)
                .hasMessageStartingWith("option 'root' of provider 'local': " + missing
                        + " is not a readable directory");
        assertThatThrownBy(() -> local(Map.of("root", notLinux.toString())))
                .isInstanceOf(InvalidOptionException.class)
                .hasMessage("option 'root' of provider 'local': " + notLinux
                        + " has no etc directory; is it the root of a Linux file system?");
        assertThatThrownBy(() -> local(Map.of("path", "/")))
                .isInstanceOf(InvalidOptionException.class)
                .hasMessageContaining("it accepts: root, name");
    }

    @Test
    void snapshotOfThisLiveHost() throws Exception {
        try (Provider provider = local(Map.of())) {
            List<Machine> machines = provider.machines().toList();
            assertThat(machines).hasSize(1);
            Machine m = machines.get(0);
            assertThat(m).isEqualTo(((LocalProvider) provider).machine());
            assertThat(((LocalProvider) provider).isLive()).isTrue();
            assertThat(m.osFamily()).isEqualTo(OsFamily.LINUX);
            assertThat(m.tags()).doesNotContainKey("root");

            ConfigurationSnapshot s = provider.collect(m);

            assertThat(s.machine().id()).isEqualTo(m.id()).isNotBlank();
            assertThat(s.coverage().collectors()).extracting(CollectorRun::collector)
                    .containsExactlyElementsOf(LinuxSnapshotter.COLLECTOR_NAMES);
            assertThat(s.coverage().run("os-release").orElseThrow().status()).isEqualTo(CollectorStatus.COLLECTED);
            assertThat(s.facts(OsRelease.class)).hasSize(1);
            assertThat(s.facts(FileInfo.class)).extracting(FileInfo::path).contains("/etc/passwd");
            assertThat(Json.readSnapshot(Json.write(s), "live")).isEqualTo(s);
        }
    }
}
