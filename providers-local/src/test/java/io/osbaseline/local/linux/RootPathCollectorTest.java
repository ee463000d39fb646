package io.osbaseline.local.linux;

import static org.assertj.core.api.Assertions.assertThat;

import io.osbaseline.local.TestRoot;
import io.osbaseline.model.CollectorStatus;
import io.osbaseline.model.fact.Setting;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RootPathCollectorTest {
    @TempDir
    Path dir;

    private static Setting path(String source, String value) {
        return new Setting("root-path", source, value);
    }

    @Test
    void everyAssignmentRootCanMeetIsReportedWithItsFileAndLine() {
        TestRoot r = new TestRoot(dir);
        r.file("/etc/passwd", "root:x:0:0:root:/var/root:/bin/bash");
        r.file("/etc/environment", "LANG=C.UTF-8", "PATH=\"/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin\"");
        r.file("/etc/login.defs", "ENV_SUPATH\tPATH=/usr/local/sbin:/usr/sbin:/sbin", "ENV_PATH PATH=/usr/bin:/bin",
                "ENV_ROOTPATH /sbin:/bin:.");
        r.file("/etc/profile",
                "# /etc/profile: system-wide .profile file for the Bourne shell",
                "if [ \"$(id -u)\" -eq 0 ]; then",
                "  PATH=\"/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin\"",
                "else",
                "  PATH=\"/usr/local/bin:/usr/bin:/bin:/usr/local/games:/usr/games\"",
                "fi",
                "export PATH",
                "MANPATH=/usr/share/man; export MANPATH");
        r.file("/etc/profile.d/local.sh", "# PATH=.", "[ -d /opt/tools ] && export PATH=$PATH:/opt/tools; umask 027");
        r.file("/etc/profile.d/README", "PATH=ignored, not a .sh file");
        r.file("/etc/bashrc", "pathmunge () {", "  PATH=$1:$PATH", "}");
        r.file("/var/root/.bashrc", "export PATH='.:'$PATH", "declare -x PATH=\"$PATH\":");
        r.file("/root/.bashrc", "PATH=not-roots-home");

        Outcome o = Outcome.offline(new RootPathCollector(), r);

        assertThat(o.facts(Setting.class)).containsExactly(
                path("/etc/environment:2", "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin"),
                path("/etc/login.defs:ENV_SUPATH", "/usr/local/sbin:/usr/sbin:/sbin"),
                path("/etc/login.defs:ENV_ROOTPATH", "/sbin:/bin:."),
                path("/etc/profile:3", "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"),
                path("/etc/profile:5", "/usr/local/bin:/usr/bin:/bin:/usr/local/games:/usr/games"),
                path("/etc/bashrc:2", "$1:$PATH"),
                path("/etc/profile.d/local.sh:2", "$PATH:/opt/tools"),
                path("/var/root/.bashrc:1", ".:$PATH"),
                path("/var/root/.bashrc:2", "$PATH:"));
        assertThat(o.run().status()).isEqualTo(CollectorStatus.COLLECTED);
        assertThat(o.run().detail()).isEqualTo("9 PATH assignments in 6 files: /etc/environment, /etc/login.defs, "
                + "/etc/profile, /etc/bashrc, /etc/profile.d/local.sh, /var/root/.bashrc");
    }

    @Test
    void aMinimalRootHasNoAssignment() {
        TestRoot r = new TestRoot(dir).file("/etc/passwd", "root:x:0:0:root:/root:/bin/sh");

        Outcome o = Outcome.offline(new RootPathCollector(), r);

        assertThat(o.facts()).isEmpty();
        assertThat(o.run().detail()).isEqualTo("0 PATH assignments in 0 files");
    }

    @Test
    void valuesAreShellWords() {
        assertThat(RootPathCollector.value("PATH=/a:/b # comment", 5)).isEqualTo("/a:/b");
        assertThat(RootPathCollector.value("PATH=\"/a b\":'/c'$X;echo", 5)).isEqualTo("/a b:/c$X");
        assertThat(RootPathCollector.value("PATH=\"\\\"q\\\"\"", 5)).isEqualTo("\"q\"");
        assertThat(RootPathCollector.value("PATH=", 5)).isEmpty();
    }
}
