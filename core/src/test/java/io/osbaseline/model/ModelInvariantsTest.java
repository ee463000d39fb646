package io.osbaseline.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.osbaseline.model.fact.FileInfo;
import io.osbaseline.model.fact.FileKind;
import io.osbaseline.model.fact.FileLines;
import io.osbaseline.model.fact.KernelModule;
import io.osbaseline.model.fact.Mount;
import io.osbaseline.model.fact.OsRelease;
import io.osbaseline.model.fact.PamEntry;
import io.osbaseline.model.fact.Sysctl;
import io.osbaseline.model.fact.SystemService;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class ModelInvariantsTest {

    @Test
    void aMachineHasDefaults() {
        Machine m = Machine.builder("i-0abc123").build();

        assertThat(m.name()).isEqualTo("i-0abc123");
        assertThat(m.osFamily()).isEqualTo(OsFamily.UNKNOWN);
        assertThat(m.cloud()).isEqualTo(Cloud.UNKNOWN);
        assertThat(m.tags()).isEmpty();
        assertThat(m.osName()).isNull();

        Machine viaConstructor = new Machine("host-1", "  ", null, null, null, null, null, null, null);
        assertThat(viaConstructor.name()).isEqualTo("host-1");
        assertThat(viaConstructor.osFamily()).isEqualTo(OsFamily.UNKNOWN);
        assertThat(viaConstructor.cloud()).isEqualTo(Cloud.UNKNOWN);
        assertThat(viaConstructor.tags()).isEmpty();
    }

    @Test
    void tagsAreSortedCopiedAndImmutable() {
        Map<String, String> given = new HashMap<>(Map.of("owner", "platform", "env", "prod", "app", "web"));
        Machine m = new Machine("vm-1", null, OsFamily.LINUX, null, null, Cloud.AZURE, null, null, given);
        given.put("zzz", "later");

        assertThat(m.tags().keySet()).containsExactly("app", "env", "owner");
        assertThatThrownBy(() -> m.tags().put("x", "y")).isInstanceOf(UnsupportedOperationException.class);
        assertThat(Machine.builder("vm-2").tag("b", "2").tag("a", "1").build().tags().keySet())
                .containsExactly("a", "b");
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"  ", "\t"})
    void aBlankMachineIdIsRejected(String id) {
        assertThatThrownBy(() -> new Machine(id, "name", OsFamily.LINUX, null, null, Cloud.AWS, null, null, Map.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("machine id must not be blank");
    }

    @Test
    void toBuilderKeepsEveryField() {
        Machine m = Machine.builder("vm-1").name("web").osFamily(OsFamily.WINDOWS).osName("Windows Server 2022")
                .osVersion("10.0.20348").cloud(Cloud.GCP).region("europe-west1").resourceId("projects/p/vm-1")
                .tag("env", "prod").build();

        assertThat(m.toBuilder().build()).isEqualTo(m);
        assertThat(m.toBuilder().name("web-2").build().osName()).isEqualTo("Windows Server 2022");
    }

    private static final RuleInfo RULE = new RuleInfo("azure-linux", "5.2.8", "Disable SSH root login",
            Severity.CRITICAL, null, "CCE-1", null, null, null, null, OsFamily.LINUX, null);

    @ParameterizedTest
    @ValueSource(strings = {"UNKNOWN", "NOT_APPLICABLE", "EXEMPT"})
    void aFindingThatIsNotAVerdictOnTheFactsNeedsAReason(Status status) {
        assertThatThrownBy(() -> Finding.of("vm-1", RULE, status, null, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a " + status + " finding needs a reason (rule 5.2.8)");
        assertThat(Finding.of("vm-1", RULE, status, null, "why").reason()).isEqualTo("why");
    }

    @ParameterizedTest
    @ValueSource(strings = {"PASS", "FAIL"})
    void passAndFailNeedNoReason(Status status) {
        Finding f = Finding.of("vm-1", RULE, status, "permitrootlogin yes", null);

        assertThat(f.reason()).isNull();
        assertThat(f.category()).isEmpty();
        assertThat(f.expected()).isEmpty();
        assertThat(f.severity()).isEqualTo(Severity.CRITICAL);
    }

    @Test
    void ruleInfoDefaultsAndOverrides() {
        assertThat(RULE.requires()).isEmpty();
        assertThat(RULE.category()).isEmpty();
        assertThat(RULE.appliesTo(OsFamily.LINUX)).isTrue();
        assertThat(RULE.appliesTo(OsFamily.WINDOWS)).isFalse();
        RuleInfo relaxed = RULE.withExpected("in no|prohibit-password");
        assertThat(relaxed.expected()).isEqualTo("in no|prohibit-password");
        assertThat(relaxed.id()).isEqualTo("5.2.8");
        assertThat(relaxed.cce()).isEqualTo("CCE-1");
        assertThat(RULE.expected()).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({"critical, CRITICAL", "Important, IMPORTANT", "  WARNING , WARNING", "informational, INFORMATIONAL"})
    void severityParsesIgnoringCase(String text, Severity expected) {
        assertThat(Severity.parse(text)).isEqualTo(expected);
    }

    @Test
    void anUnknownSeverityListsTheAcceptedOnes() {
        assertThatThrownBy(() -> Severity.parse("high")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown severity 'high'; expected one of Critical, Important, Warning, Informational");
    }

    @Test
    void severitiesOrderMostSevereFirst() {
        assertThat(Severity.CRITICAL.atLeast(Severity.IMPORTANT)).isTrue();
        assertThat(Severity.WARNING.atLeast(Severity.WARNING)).isTrue();
        assertThat(Severity.INFORMATIONAL.atLeast(Severity.WARNING)).isFalse();
        assertThat(Severity.IMPORTANT.displayName()).isEqualTo("Important");
    }

    @ParameterizedTest(name = "{0} at most {1}: {2}")
    @CsvSource({
        "0644, 0644, true",
        "0600, 0644, true",
        "0000, 0600, true",
        "0664, 0644, false",
        "0640, 0600, false",
        "4755, 0755, false",
        "1777, 1777, true",
        "0755, 0777, true",
    })
    void modeAtMost(String mode, String max, boolean expected) {
        FileInfo f = new FileInfo("/etc/passwd", true, FileKind.FILE, Integer.parseInt(mode, 8), "root", "root", 0, 0);

        assertThat(f.modeAtMost(Integer.parseInt(max, 8))).isEqualTo(expected);
    }

    @Test
    void anAbsentFileMeetsNoModeAndDescribesItself() {
        FileInfo absent = FileInfo.absent("/etc/hosts.equiv");

        assertThat(absent.exists()).isFalse();
        assertThat(absent.modeAtMost(07777)).isFalse();
        assertThat(absent.modeString()).isEqualTo("absent");
        assertThat(absent.describe()).isEqualTo("absent");
        assertThat(new FileInfo("/etc/shadow", true, FileKind.FILE, 0640, "root", "shadow", 0, 42).describe())
                .isEqualTo("0640 root:shadow");
        assertThat(new FileInfo("/usr/bin/su", true, FileKind.FILE, 04755, "root", "root", 0, 0).modeString())
                .isEqualTo("4755");
    }

    @ParameterizedTest(name = "install {0}: not loadable {1}")
    @CsvSource(delimiter = '#', textBlock = """
            /bin/true                          # true
            /bin/false                         # true
            /usr/bin/true                      # true
            '  /bin/true  '                    # true
            /bin/false -- cramfs disabled      # true
            /bin/truex                         # false
            /sbin/modprobe --ignore-install sctp # false
            /usr/local/bin/true                # false
            """)
    void aKernelModuleIsNotLoadableWhenItsInstallCommandIsANoOp(String install, boolean expected) {
        assertThat(new KernelModule("cramfs", install, false, null, null).notLoadable()).isEqualTo(expected);
    }

    @Test
    void aKernelModuleWithoutInstallDirectiveIsLoadableEvenWhenBlacklisted() {
        KernelModule blacklisted = new KernelModule("usb-storage", null, true, true, "/etc/modprobe.d/usb.conf");

        assertThat(blacklisted.notLoadable()).isFalse();
        assertThat(blacklisted.describe()).isEqualTo("no install directive; blacklisted; loaded");
        assertThat(new KernelModule("cramfs", "/bin/true", false, false, null).describe())
                .isEqualTo("install /bin/true; not loaded");
    }

    @Test
    void pamEntryArguments() {
        PamEntry unix = new PamEntry("common-password", "password", "[success=1 default=ignore]", "pam_unix.so",
                List.of("obscure", "yescrypt", "remember=5", "rounds="));

        assertThat(unix.argument("remember")).isEqualTo("5");
        assertThat(unix.argument("rounds")).isEmpty();
        assertThat(unix.argument("remem")).isNull();
        assertThat(unix.argument("minlen")).isNull();
        assertThat(unix.hasArgument("obscure")).isTrue();
        assertThat(unix.hasArgument("remember")).isFalse();
        assertThat(unix.describe())
                .isEqualTo("password [success=1 default=ignore] pam_unix.so obscure yescrypt remember=5 rounds=");
        assertThat(new PamEntry("su", "auth", "required", "pam_wheel.so", List.of()).describe())
                .isEqualTo("auth required pam_wheel.so");
    }

    @Test
    void pamArgumentsAreCopied() {
        List<String> args = new ArrayList<>(List.of("use_uid"));
        PamEntry e = new PamEntry("su", "auth", "required", "pam_wheel.so", args);
        args.add("trust");

        assertThat(e.arguments()).containsExactly("use_uid");
    }

    @ParameterizedTest(name = "{0}/{1}: enabled {2}, active {3}")
    @CsvSource({
        "enabled, active, true, true",
        "enabled-runtime, activating, true, true",
        "enabled, reloading, true, true",
        "disabled, inactive, false, false",
        "masked, failed, false, false",
        "static, active, false, true",
        "indirect, , false, false",
    })
    void serviceEnabledAndActive(String unitFileState, String activeState, boolean enabled, boolean active) {
        SystemService s = new SystemService("cups.service", unitFileState, activeState);

        assertThat(s.enabled()).isEqualTo(enabled);
        assertThat(s.active()).isEqualTo(active);
    }

    @Test
    void serviceDescribesItself() {
        assertThat(new SystemService("rsyslog.service", "enabled", "active").describe()).isEqualTo("enabled, active");
        assertThat(new SystemService("rsyslog.service", "enabled", null).describe()).isEqualTo("enabled");
    }

    @Test
    void otherFactHelpers() {
        assertThat(new OsRelease("rocky", List.of("rhel", "centos", "fedora"), "9.4", null, null).isLike("rhel"))
                .isTrue();
        assertThat(new OsRelease("debian", null, "12", null, null).isLike("rhel")).isFalse();
        assertThat(new OsRelease("debian", null, "12", null, null).isLike("debian")).isTrue();
        assertThat(new FileLines("/etc/issue", List.of("Authorized uses only.")).contains("Authorized")).isTrue();
        Mount tmp = new Mount("/tmp", "tmpfs", "tmpfs", List.of("rw", "nosuid", "nodev"), "fstab");
        assertThat(tmp.hasOption("nodev")).isTrue();
        assertThat(tmp.hasOption("noexec")).isFalse();
    }

    @Test
    void snapshotAndCoverage() {
        Coverage coverage = new Coverage(
                List.of(CollectorRun.collected("sysctl", null), CollectorRun.failed("audit", "permission denied")),
                List.of(new CoverageGap("files", "/etc/shadow", "permission denied")));
        ConfigurationSnapshot s = new ConfigurationSnapshot(Machine.builder("vm-1").build(),
                Instant.parse("2025-03-01T08:00:00Z"),
                List.of(new Sysctl("kernel.randomize_va_space", "2", "runtime"), FileInfo.absent("/etc/x")), coverage);

        assertThat(s.facts(Sysctl.class)).extracting(Sysctl::value).containsExactly("2");
        assertThat(s.facts(PamEntry.class)).isEmpty();
        assertThat(coverage.run("audit")).get().extracting(CollectorRun::status).isEqualTo(CollectorStatus.FAILED);
        assertThat(coverage.run("pam")).isEmpty();
        assertThat(coverage.gaps("files")).hasSize(1);
        assertThat(coverage.gaps("sysctl")).isEmpty();
        assertThat(new ConfigurationSnapshot(Machine.builder("vm-1").build(), Instant.EPOCH, null, null).coverage())
                .isEqualTo(Coverage.EMPTY);
        assertThatThrownBy(() -> s.facts().add(FileInfo.absent("/y"))).isInstanceOf(UnsupportedOperationException.class);
    }

    @ParameterizedTest
    @CsvSource({"COLLECTED, true", "PARTIAL, true", "FAILED, false", "UNAVAILABLE, false"})
    void usableCollectorStatuses(CollectorStatus status, boolean usable) {
        assertThat(status.usable()).isEqualTo(usable);
    }

    @Test
    void baselines() {
        Baseline custom = Baseline.custom("acme", OsFamily.LINUX);

        assertThat(custom.recommendation())
                .isEqualTo("Findings of the custom rules acme on your Linux machines should be remediated");
        assertThat(custom.title()).isEqualTo("Custom rules acme");
        assertThat(custom.appliesTo(OsFamily.LINUX)).isTrue();
        assertThat(custom.appliesTo(OsFamily.WINDOWS)).isFalse();
        assertThat(Baseline.custom("acme", null).appliesTo(OsFamily.UNKNOWN)).isTrue();
        assertThat(Baseline.custom("acme", OsFamily.WINDOWS).recommendation()).contains("your Windows machines");
    }
}
