package io.osbaseline.drl.linux;

import static org.assertj.core.api.Assertions.assertThat;

import io.osbaseline.drl.SharedEngines;
import io.osbaseline.model.Assessment;
import io.osbaseline.model.Finding;
import io.osbaseline.model.RuleInfo;
import io.osbaseline.model.Status;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The system and services rules on a hardened root of every supported distribution, with that distribution's unit
 * names, configuration files and kernel: each rule passes, or does not apply where the baseline scopes it to other
 * distributions. Rules that read the package database are left out on the RHEL, SUSE and Azure Linux roots: an rpm
 * database can only be read through an rpm command (see PackagesCollectorTest in providers-local).
 */
class SystemDistributionRulesTest {
    @TempDir
    Path dir;

    /** The rules of the system and services half, as their case classes list them. */
    private static final Set<String> RULES = Stream.of(FilesystemCases.cases(), ServiceCases.cases(),
                    NetworkCases.cases(), FirewallCases.cases(), LoggingCases.cases(), CronCases.cases(),
                    BootCases.cases())
            .flatMap(s -> s).map(AzureLinuxRulesTest.RuleCase::ruleId).collect(Collectors.toSet());

    private static Assessment assess(LinuxRoot root) {
        return SharedEngines.linux().assess(root.snapshot());
    }

    private static Finding finding(Assessment a, String ruleId) {
        return a.findings().stream().filter(f -> f.ruleId().equals(ruleId)).findFirst().orElseThrow();
    }

    /** The rules the baseline does not apply to {@code distro}, and why. */
    private static Map<String, String> notApplicable(Distro distro) {
        if (distro.suse()) {
            return Map.of("64", "the baseline checks $FileGroup adm on Debian and Ubuntu only",
                    "67", "the baseline does not check this rule on SUSE",
                    "89", "the baseline does not check zeroconf networking on SUSE");
        }
        return distro.debianFamily() ? Map.of()
                : Map.of("64", "the baseline checks $FileGroup adm on Debian and Ubuntu only");
    }

    @ParameterizedTest
    @EnumSource(Distro.class)
    void everyRulePassesOnAHardenedRootOrDoesNotApplyThere(Distro distro) {
        Assessment a = assess(LinuxRoot.hardened(distro, dir));
        Set<String> needPackages = SharedEngines.linux().rules().stream()
                .filter(r -> r.requires().contains("packages")).map(RuleInfo::id).collect(Collectors.toSet());
        Map<String, String> notApplicable = notApplicable(distro);

        for (String rule : RULES) {
            if (needPackages.contains(rule) && !distro.debianFamily()) {
                continue;
            }
            Finding f = finding(a, rule);
            if (notApplicable.containsKey(rule)) {
                assertThat(f.status()).as(rule).isEqualTo(Status.NOT_APPLICABLE);
                assertThat(f.reason()).as(rule).isEqualTo(notApplicable.get(rule));
            } else {
                assertThat(f.status()).as("%s on %s (actual: %s, reason: %s)", rule, distro, f.actual(), f.reason())
                        .isEqualTo(Status.PASS);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(value = Distro.class, names = {"RHEL_8", "RHEL_9", "ALMA_9", "ROCKY_9"})
    void theRhelFamilyTurnsZeroconfOffInSysconfigAndRunsCrondAndAnElKernel(Distro distro) {
        LinuxRoot root = LinuxRoot.hardened(distro, dir);
        Assessment a = assess(root);
        assertThat(finding(a, "89").actual()).isEqualTo("NOZEROCONF=yes in /etc/sysconfig/network");
        assertThat(finding(a, "90").actual()).isEqualTo("crond.service enabled, active");
        assertThat(finding(a, "31").actual()).isEqualTo("/boot/grub2/grub.cfg: password_pbkdf2 for root (hash in "
                + "/boot/grub2/user.cfg); superusers root");

        root.edit("/etc/sysconfig/network", "NOZEROCONF=yes", "");
        root.running().kernel("6.9.3-custom", "Linux version 6.9.3-custom (builder@ci-07) #1 SMP");
        root.delete("/boot/grub2/user.cfg");
        a = assess(root);
        assertThat(finding(a, "89").status()).isEqualTo(Status.FAIL);
        assertThat(finding(a, "89").actual()).isEqualTo("NOZEROCONF is not set in /etc/sysconfig/network");
        assertThat(finding(a, "10").status()).isEqualTo(Status.FAIL);
        assertThat(finding(a, "10").actual()).isEqualTo("kernel 6.9.3-custom");
        assertThat(finding(a, "31").status()).isEqualTo(Status.FAIL);
        assertThat(finding(a, "31").actual()).isEqualTo("/boot/grub2/grub.cfg: no password (password_pbkdf2 for "
                + "root uses ${GRUB2_PASSWORD}, which /boot/grub2/user.cfg does not set); superusers root");
    }

    @ParameterizedTest
    @EnumSource(value = Distro.class, names = {"SLES_15", "AZURE_LINUX_2", "UBUNTU_22_04"})
    void otherDistributionsAreJudgedWithTheirOwnMarks(Distro distro) {
        LinuxRoot root = LinuxRoot.hardened(distro, dir);
        root.running().kernel("6.9.3-custom", "Linux version 6.9.3-custom (builder@ci-07) #1 SMP");
        root.file("/etc/network/interfaces", "iface eth0 inet ipv4ll");
        root.file("/etc/rsyslog.d/50-receive.conf", "$ModLoad imudp");

        Assessment a = assess(root);

        assertThat(finding(a, "10").status()).isEqualTo(Status.FAIL);
        if (distro.suse()) {
            assertThat(finding(a, "89").status()).isEqualTo(Status.NOT_APPLICABLE);
            assertThat(finding(a, "67").status()).isEqualTo(Status.NOT_APPLICABLE);
        } else {
            assertThat(finding(a, "89").actual()).isEqualTo("/etc/network/interfaces:1: iface eth0 inet ipv4ll");
            assertThat(finding(a, "67").actual()).isEqualTo("/etc/rsyslog.d/50-receive.conf:1: $ModLoad imudp");
        }
    }
}
