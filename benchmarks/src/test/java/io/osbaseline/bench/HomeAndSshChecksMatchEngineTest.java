package io.osbaseline.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.osbaseline.drl.pack.PackLoader;
import io.osbaseline.drl.pack.RuleSpec;
import io.osbaseline.engine.EngineException;
import io.osbaseline.model.CollectorRun;
import io.osbaseline.model.ConfigurationSnapshot;
import io.osbaseline.model.Coverage;
import io.osbaseline.model.Finding;
import io.osbaseline.model.Machine;
import io.osbaseline.model.OsFamily;
import io.osbaseline.model.RuleInfo;
import io.osbaseline.model.Status;
import io.osbaseline.model.fact.Fact;
import io.osbaseline.model.fact.FileInfo;
import io.osbaseline.model.fact.FileKind;
import io.osbaseline.model.fact.FileLines;
import io.osbaseline.model.fact.HomeDirectory;
import io.osbaseline.model.fact.InstalledPackage;
import io.osbaseline.model.fact.OsRelease;
import io.osbaseline.model.fact.Setting;
import io.osbaseline.model.fact.SshdOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import javax.annotation.CheckForNull;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The reference's Java versions of the hand-written home-directory and SSH rules of the Linux pack give the Drools
 * engine's findings on snapshots built to drive every DRL rule of each check, with the expectations as written and
 * as users override them.
 */
class HomeAndSshChecksMatchEngineTest {
    private static final List<String> RULES = List.of("6.2.7", "6.2.9", "28", "6.2.10", "6.2.11", "6.2.12", "6.2.14",
            "106.11", "107", "110.3", "113", "5.2.14");
    private static final List<String> COLLECTORS = List.of("homes", "sshd", "os-release", "files", "file-lines",
            "packages");
    private static final String NO_HOME = "no account that can log in has a home directory";
    private static final String NO_SSHD = "the OpenSSH server is not configured on this machine";
    private static final String SYSCONFIG = "/etc/sysconfig/sshd";
    private static final String UNREADABLE = "cannot examine the home directory of frank";

    private static EnginePair linux;
    private static EnginePair customised;
    private static List<ConfigurationSnapshot> snapshots;

    @BeforeAll
    static void build() throws EngineException {
        // The pack's other rules are left out: these snapshots are built for the twelve, not for the rest.
        String[] others = PackLoader.load(HomeAndSshChecksMatchEngineTest.class.getClassLoader()).stream()
                .filter(p -> p.baseline().id().equals("azure-linux")).flatMap(p -> p.rules().stream())
                .map(RuleSpec::id).filter(id -> !RULES.contains(id)).toArray(String[]::new);
        linux = EnginePair.of(List.of("azure-linux"), b -> b.disable(others));
        customised = EnginePair.of(List.of("azure-linux"), b -> b.disable(others)
                .expect("107", "in no|yes")
                .expect("110.3", "MACs", "subset-of hmac-sha2-256,hmac-md5")
                .expect("113", "subset-of aes128-ctr,aes256-ctr,chacha20-poly1305@openssh.com"));
        snapshots = snapshots();
    }

    @Test
    void everyRuleHasAJavaVersion() {
        assertThat(linux.uncovered()).doesNotContainKeys(RULES.toArray(String[]::new));
        assertThat(linux.reference().rules()).extracting(RuleInfo::id).containsExactlyInAnyOrderElementsOf(RULES);
        assertThat(linux.reference().rules()).containsExactlyElementsOf(linux.drools().rules());
    }

    @Test
    void sameFindings() {
        assertThat(linux.differences(snapshots)).isEmpty();
    }

    @Test
    void theSnapshotsDriveEveryStatusOfEachRule() {
        Set<Status> all = EnumSet.of(Status.PASS, Status.FAIL, Status.UNKNOWN, Status.NOT_APPLICABLE);
        Map<String, Set<Status>> expected = Map.ofEntries(
                Map.entry("6.2.7", EnumSet.of(Status.PASS, Status.FAIL, Status.UNKNOWN)),
                Map.entry("6.2.9", all),
                Map.entry("28", all),
                Map.entry("6.2.10", all),
                Map.entry("6.2.11", all),
                Map.entry("6.2.12", all),
                Map.entry("6.2.14", all),
                Map.entry("106.11", EnumSet.of(Status.PASS, Status.FAIL, Status.NOT_APPLICABLE)),
                Map.entry("107", EnumSet.of(Status.PASS, Status.FAIL, Status.NOT_APPLICABLE)),
                Map.entry("110.3", all),
                Map.entry("113", all),
                Map.entry("5.2.14", all));
        Map<String, Set<Status>> seen = new TreeMap<>();
        for (Finding f : droolsFindings(linux)) {
            seen.computeIfAbsent(f.ruleId(), r -> EnumSet.noneOf(Status.class)).add(f.status());
        }
        for (String rule : RULES) {
            assertThat(seen.get(rule)).as(rule).isEqualTo(expected.get(rule));
        }
    }

    @Test
    void theSnapshotsDriveEveryDrlRuleOfEachCheck() {
        // The text of each DRL rule of the check, as one of the values (split at "; ") of a finding's actual value or
        // reason.
        Map<String, List<String>> texts = Map.ofEntries(
                Map.entry("6.2.7", List.of("bob: /home/bob does not exist", "carol: /home/carol is not a directory",
                        UNREADABLE, "every home directory exists", "no account can log in")),
                Map.entry("6.2.9", List.of("dave: /home/dave is owned by root", UNREADABLE,
                        "every home directory is owned by its account", NO_HOME)),
                Map.entry("28", List.of("dave: /home/dave 0775", "alice: /home/alice 0750", UNREADABLE, NO_HOME)),
                Map.entry("6.2.10", List.of("/home/dave: .bashrc, .profile", "cannot list /home/erin", UNREADABLE,
                        "no dot file is writable by group or others", NO_HOME)),
                Map.entry("6.2.11", dotFileTexts(".forward")),
                Map.entry("6.2.12", dotFileTexts(".netrc")),
                Map.entry("6.2.14", dotFileTexts(".rhosts")),
                Map.entry("106.11", List.of("allowgroups sshusers", "denyusers root",
                        "none of AllowUsers, AllowGroups, DenyUsers, DenyGroups is set", NO_SSHD)),
                Map.entry("107", List.of("openssh-server 8.7p1-38.el9 has no RhostsRSAAuthentication: OpenSSH 7.4 "
                        + "removed it with SSH protocol 1", "not set (no, by default)", "no", "yes", NO_SSHD)),
                Map.entry("110.3", algorithmTexts("hmac-sha2-512,hmac-sha2-256", "hmac-md5,hmac-sha2-256",
                        "^hmac-sha1 (added to the built-in list, which has MACs outside the approved set)",
                        "MACs -hmac-sha1 removes algorithms", "MACs")),
                Map.entry("113", algorithmTexts("aes256-ctr,aes128-ctr", "aes128-cbc,aes256-ctr",
                        "+chacha20-poly1305@openssh.com (added to the built-in list, which has ciphers outside the "
                                + "approved set)", "Ciphers -3des-cbc removes ciphers", "ciphers")),
                Map.entry("5.2.14", List.of("the baseline checks this on the RHEL 8 family only",
                        "this machine runs Debian GNU/Linux 12 (bookworm)", "this machine runs ubuntu",
                        "no CRYPTO_POLICY in " + SYSCONFIG, SYSCONFIG + ": CRYPTO_POLICY='-oCiphers=aes256-ctr'",
                        "no " + SYSCONFIG, NO_SSHD)));
        List<Finding> findings = droolsFindings(linux);
        for (String rule : RULES) {
            List<String> shown = findings.stream().filter(f -> f.ruleId().equals(rule))
                    .flatMap(f -> Stream.of(f.actual(), f.reason())).filter(s -> s != null)
                    .flatMap(s -> Stream.of(s.split("; "))).toList();
            for (String text : texts.get(rule)) {
                assertThat(shown).as(rule).contains(text);
            }
        }
    }

    @Test
    void sameFindingsWithOverriddenExpectations() {
        assertThat(customised.reference().rules()).containsExactlyElementsOf(customised.drools().rules());
        assertThat(customised.differences(snapshots)).isEmpty();
        // The overrides change verdicts: rhosts yes, MACs with hmac-md5 and the chacha20 cipher list now pass.
        ConfigurationSnapshot lists = snapshots.stream().filter(s -> s.machine().id().equals("sshd-lists"))
                .findFirst().orElseThrow();
        Map<String, Status> before = statuses(linux, lists);
        Map<String, Status> after = statuses(customised, lists);
        assertThat(before).containsEntry("107", Status.FAIL).containsEntry("110.3", Status.FAIL);
        assertThat(after).containsEntry("107", Status.PASS).containsEntry("110.3", Status.PASS);
        assertThat(customised.drools().rules()).filteredOn(r -> r.id().equals("110.3")).singleElement()
                .extracting(RuleInfo::expected).isEqualTo("MACs subset-of hmac-sha2-256,hmac-md5");
    }

    private static List<String> dotFileTexts(String name) {
        return List.of("/home/dave/" + name, "cannot list /home/erin", UNREADABLE, "no " + name + " file",
                NO_HOME);
    }

    private static List<String> algorithmTexts(String approved, String other, String added, String removes,
            String noun) {
        return List.of(approved, other, added, removes
                + " from the list built into this OpenSSH, which depends on its release and build",
                "not set: OpenSSH's built-in list applies, which includes " + noun + " outside the approved set",
                NO_SSHD);
    }

    private static List<Finding> droolsFindings(EnginePair pair) {
        return snapshots.stream().flatMap(s -> pair.drools().assess(s).findings().stream())
                .filter(f -> RULES.contains(f.ruleId())).toList();
    }

    private static Map<String, Status> statuses(EnginePair pair, ConfigurationSnapshot s) {
        Map<String, Status> out = new TreeMap<>();
        pair.drools().assess(s).findings().forEach(f -> out.put(f.ruleId(), f.status()));
        return out;
    }

    private static List<ConfigurationSnapshot> snapshots() {
        HomeDirectory alice = home("alice", 1000, 0750, 1000, "alice", List.of(), List.of());
        HomeDirectory bob = HomeDirectory.absent("bob", 1001, "/home/bob");
        HomeDirectory carol = new HomeDirectory("carol", 1002, "/home/carol", true, FileKind.FILE, 0644, 1002, "carol",
                null, null);
        HomeDirectory dave = home("dave", 1003, 0775, 0, "root", List.of(".bashrc", ".profile"),
                List.of(".forward", ".netrc", ".rhosts"));
        // Listed for neither dot files nor the three files, and of an owner the collector could not read.
        HomeDirectory erin = home("erin", 1004, 0700, null, null, null, null);
        Setting unreadable = new Setting("homes", "unreadable", "frank");

        OsRelease rhel8 = new OsRelease("rhel", List.of("fedora"), "8.6", "Red Hat Enterprise Linux",
                "Red Hat Enterprise Linux 8.6 (Ootpa)");
        OsRelease rocky8 = new OsRelease("rocky", List.of("rhel", "centos", "fedora"), "8.9", "Rocky Linux", null);
        OsRelease oracle8 = new OsRelease("ol", List.of(), "8.7", "Oracle Linux Server", null);
        OsRelease debian = new OsRelease("debian", List.of(), "12", "Debian GNU/Linux",
                "Debian GNU/Linux 12 (bookworm)");
        OsRelease ubuntu = new OsRelease("ubuntu", List.of("debian"), "22.04", null, null);
        InstalledPackage oldSsh = new InstalledPackage("openssh-server", "1:7.2p2-4ubuntu2.10", "dpkg");
        InstalledPackage newSsh = new InstalledPackage("openssh-server", "8.7p1-38.el9", "rpm");

        List<ConfigurationSnapshot> out = new ArrayList<>();
        out.add(snapshot("homes-good", alice));
        out.add(snapshot("homes-bad", alice, bob, carol, dave));
        out.add(snapshot("homes-unlisted", erin));
        out.add(snapshot("homes-unreadable", unreadable));
        out.add(snapshot("homes-unreadable-and-good", unreadable, alice));
        out.add(snapshot("homes-none"));
        out.add(snapshot("homes-missing-only", bob));
        out.add(snapshot("homes-file-only", carol));
        out.add(new ConfigurationSnapshot(machine("homes-not-collected"), Instant.EPOCH, List.of(alice, dave),
                coverage(COLLECTORS.stream().filter(c -> !c.equals("homes")).toList())));

        out.add(snapshot("sshd-good", oldSsh, rhel8, new FileLines(SYSCONFIG, List.of("# CRYPTO_POLICY=", "OPTIONS=")),
                sshd("allowgroups", "sshusers"), sshd("rhostsrsaauthentication", "no"),
                sshd("macs", "hmac-sha2-512,hmac-sha2-256"), sshd("ciphers", "aes256-ctr,aes128-ctr")));
        out.add(snapshot("sshd-bare", oldSsh, rocky8,
                new FileLines(SYSCONFIG, List.of("OPTIONS=", "  CRYPTO_POLICY='-oCiphers=aes256-ctr'  ")),
                sshd("permitrootlogin", "no")));
        out.add(snapshot("sshd-lists", oldSsh, oracle8, FileInfo.absent(SYSCONFIG),
                sshd("denyusers", "root"), sshd("allowusers", "admin"), sshd("rhostsrsaauthentication", "yes"),
                sshd("macs", "hmac-md5,hmac-sha2-256"), sshd("ciphers", "+chacha20-poly1305@openssh.com")));
        out.add(snapshot("sshd-removed", newSsh, debian, sshd("rhostsrsaauthentication", "yes"),
                sshd("macs", "-hmac-sha1"), sshd("ciphers", "-3des-cbc")));
        out.add(snapshot("sshd-added", oldSsh, newSsh, ubuntu, sshd("macs", "^hmac-sha1"),
                sshd("ciphers", "^aes256-ctr")));
        // RHEL 8 with nothing known of /etc/sysconfig/sshd, and with two os-release facts that disagree.
        out.add(snapshot("sshd-rhel8-no-file-facts", rhel8, sshd("ciphers", "aes128-ctr")));
        out.add(snapshot("sshd-two-releases", rhel8, debian, FileInfo.absent(SYSCONFIG),
                sshd("ciphers", "aes128-cbc,aes256-ctr")));
        out.add(snapshot("no-sshd", oldSsh, rhel8, FileInfo.absent(SYSCONFIG)));
        return out;
    }

    private static HomeDirectory home(String user, int uid, int mode, @CheckForNull Integer ownerUid,
            @CheckForNull String owner, @CheckForNull List<String> writableDotFiles,
            @CheckForNull List<String> presentFiles) {
        return new HomeDirectory(user, uid, "/home/" + user, true, FileKind.DIRECTORY, mode, ownerUid, owner,
                writableDotFiles, presentFiles);
    }

    private static SshdOption sshd(String key, String value) {
        return new SshdOption(key, value, "/etc/ssh/sshd_config:1");
    }

    private static ConfigurationSnapshot snapshot(String id, Fact... facts) {
        return new ConfigurationSnapshot(machine(id), Instant.EPOCH, List.of(facts), coverage(COLLECTORS));
    }

    private static Machine machine(String id) {
        return Machine.builder(id).osFamily(OsFamily.LINUX).build();
    }

    private static Coverage coverage(List<String> collectors) {
        return new Coverage(collectors.stream().map(c -> CollectorRun.collected(c, null)).toList(), List.of());
    }
}
