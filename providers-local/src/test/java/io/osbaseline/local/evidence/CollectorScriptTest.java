package io.osbaseline.local.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import io.osbaseline.local.TestRoot;
import io.osbaseline.local.linux.LinuxSnapshotter;
import io.osbaseline.model.ConfigurationSnapshot;
import io.osbaseline.model.Machine;
import io.osbaseline.model.fact.Fact;
import io.osbaseline.model.fact.SystemService;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The collector script as a program: what it refuses, what it leaves behind, and what it does on a real host. */
class CollectorScriptTest {
    @TempDir
    Path tmp;

    @Test
    void aRootThatIsNotADirectoryIsRefusedWithAMessage() throws IOException {
        Collection run = Collection.run("sh", tmp.resolve("no-such-root"), null, tmp);

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.stdout()).isEmpty();
        assertThat(run.stderr()).isEqualTo("osbaseline collector: OSBASELINE_ROOT=" + tmp.resolve("no-such-root")
                + " is not a directory\n");
        try (Stream<Path> left = Files.list(run.workDir())) {
            assertThat(left).isEmpty();
        }
    }

    @Test
    void itChangesNothingInTheRootAndLeavesNothingBehind() throws IOException {
        Path bin = tmp.resolve("bin");
        TestRoot r = Machines.debian(new TestRoot(Files.createDirectory(tmp.resolve("deb12"))), bin);
        Map<String, String> before = state(r.dir());

        Collection run = Collection.run("sh", r.dir(), bin, tmp);

        assertThat(run.exitCode()).isZero();
        assertThat(run.stderr()).isEmpty();
        assertThat(state(r.dir())).isEqualTo(before);
        try (Stream<Path> left = Files.list(run.workDir())) {
            assertThat(left).isEmpty();
        }
        // base64 in lines, as GNU base64 writes it: transports that split output keep lines whole
        assertThat(run.stdout().lines()).allMatch(l -> l.length() <= 76 && l.matches("[A-Za-z0-9+/=]+"));
    }

    /** Every path under {@code dir} with its kind, mode, owner, time and content. */
    private static Map<String, String> state(Path dir) throws IOException {
        Map<String, String> state = new TreeMap<>();
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.toList()) {
                Map<String, Object> a = Files.readAttributes(p, "unix:mode,uid,gid,lastModifiedTime",
                        LinkOption.NOFOLLOW_LINKS);
                String content = Files.isSymbolicLink(p) ? "-> " + Files.readSymbolicLink(p)
                        : Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS) ? Files.readString(p) : "";
                state.put(dir.relativize(p).toString(), a + content);
            }
        }
        return state;
    }

    @Test
    void theScriptPassesShellcheck() throws Exception {
        Path shellcheck = Stream.of("/usr/bin/shellcheck", "/usr/local/bin/shellcheck").map(Path::of)
                .filter(Files::isExecutable).findFirst().orElse(null);
        assumeThat(shellcheck).as("shellcheck is not installed").isNotNull();
        Path script = Files.writeString(tmp.resolve("collect-linux.sh"), LinuxEvidence.collectorScript());

        Process p = new ProcessBuilder(shellcheck.toString(), "--shell=sh", "--severity=style", script.toString())
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor(1, TimeUnit.MINUTES)).isTrue();

        assertThat(out).isEmpty();
        assertThat(p.exitValue()).isZero();
    }

    @Test
    void onThisHostItGivesTheSnapshotTheLocalProviderTakes() throws Exception {
        assumeThat(TestRoot.isRoot()).as("the collector reads the host as root").isTrue();
        assumeThat(System.getProperty("os.name")).startsWith("Linux");
        Machine machine = Machine.builder("this-host").build();

        ConfigurationSnapshot remote = LinuxEvidence.read(machine, Collection.run("sh", null, null, tmp).evidence());
        ConfigurationSnapshot local = LinuxSnapshotter.live().snapshot(machine);

        // active states may change between the two reads; everything else is configuration
        assertThat(withoutActiveStates(remote.facts())).containsExactlyElementsOf(withoutActiveStates(local.facts()));
        assertThat(remote.coverage().collectors()).containsExactlyElementsOf(local.coverage().collectors());
        assertThat(remote.coverage().gaps()).containsExactlyElementsOf(local.coverage().gaps())
                .noneMatch(g -> g.reason().startsWith("not in the evidence"));
    }

    private static List<Fact> withoutActiveStates(List<Fact> facts) {
        List<Fact> out = new ArrayList<>();
        for (Fact f : facts) {
            out.add(f instanceof SystemService s ? new SystemService(s.name(), s.unitFileState(), null) : f);
        }
        return out;
    }

    @Test
    void theScriptIsRenderedWithItsPlanAndId() {
        String script = LinuxEvidence.collectorScript();

        assertThat(script).startsWith("#!/bin/sh\n# osbaseline evidence collector for Linux: evidence format 1, script "
                + LinuxEvidence.scriptId() + ".").doesNotContain("@PLAN@", "@FORMAT@", "@SCRIPT_ID@")
                .contains("\nlist /etc/pam.d config *\n", "\nsshd /etc/ssh/sshd_config /etc/ssh\n",
                        "\nsysctl-key net.ipv4.tcp_syncookies\n", "\nredact /etc/shadow\n",
                        "\ncommand systemctl list-units --all --no-legend --plain --no-pager\n");
    }
}
