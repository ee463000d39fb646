package io.osbaseline.local.linux;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.osbaseline.json.Json;
import io.osbaseline.local.TestRoot;
import io.osbaseline.model.CollectorStatus;
import io.osbaseline.model.CoverageGap;
import io.osbaseline.model.fact.FileKind;
import io.osbaseline.model.fact.HomeDirectory;
import io.osbaseline.model.fact.Setting;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HomesCollectorTest {
    @TempDir
    Path dir;

    private static HomeDirectory home(Outcome o, String user) {
        return o.facts(HomeDirectory.class).stream().filter(h -> h.user().equals(user)).findFirst().orElseThrow();
    }

    private TestRoot accounts(String... extra) {
        TestRoot r = new TestRoot(dir);
        String[] passwd = new String[extra.length + 6];
        passwd[0] = "root:x:0:0:root:/root:/bin/bash";
        passwd[1] = "daemon:x:1:1:daemon:/usr/sbin:/usr/sbin/nologin";
        passwd[2] = "sync:x:4:65534:sync:/bin:/bin/sync";
        passwd[3] = "ftp:x:14:50:FTP User:/var/ftp:/bin/false";
        passwd[4] = "alice:x:1000:1000:Alice:/home/alice:/bin/bash";
        passwd[5] = "bob:x:1001:1001::/home/bob:/bin/sh";
        System.arraycopy(extra, 0, passwd, 6, extra.length);
        return r.file("/etc/passwd", passwd);
    }

    @Test
    void onlyAccountsThatCanLogInAreExaminedWithTheirOwnerModeAndDotFiles() {
        TestRoot r = accounts();
        r.dir("/root").mode("/root", 0700).owner("/root", 0, 0);
        r.file("/root/.bashrc", "umask 022").mode("/root/.bashrc", 0644);
        r.dir("/home/alice").mode("/home/alice", 0750).owner("/home/alice", 1000, 1000);
        r.file("/home/alice/.bashrc", "alias ll='ls -l'").mode("/home/alice/.bashrc", 0664);
        r.file("/home/alice/.profile", "PATH=$HOME/bin:$PATH").mode("/home/alice/.profile", 0646);
        r.file("/home/alice/.netrc", "machine ftp.example.org login alice password s3cr3t-Horse").mode(
                "/home/alice/.netrc", 0600);
        r.file("/home/alice/notes.txt", "not a dot file").mode("/home/alice/notes.txt", 0666);
        r.dir("/home/alice/.cache").mode("/home/alice/.cache", 0777);
        // a link named .forward counts as present; a link is never judged writable
        r.symlink("/home/alice/.forward", "/srv/mail/alice.forward");
        r.symlink("/home/alice/.vimrc", "/etc/vim/vimrc");

        Outcome o = Outcome.offline(new HomesCollector(), r);

        assertThat(o.run().status()).isEqualTo(CollectorStatus.COLLECTED);
        assertThat(o.run().detail()).isEqualTo("3 accounts that can log in; 2 of their home directories exist");
        assertThat(o.facts(HomeDirectory.class)).extracting(HomeDirectory::user).containsExactly("root", "alice", "bob");
        HomeDirectory alice = home(o, "alice");
        assertThat(alice.exists()).isTrue();
        assertThat(alice.kind()).isEqualTo(FileKind.DIRECTORY);
        assertThat(alice.modeString()).isEqualTo("0750");
        assertThat(alice.writableDotFiles()).containsExactly(".bashrc", ".profile");
        assertThat(alice.presentFiles()).containsExactly(".forward", ".netrc");
        assertThat(home(o, "root").writableDotFiles()).isEmpty();
        assertThat(home(o, "root").presentFiles()).isEmpty();
        assertThat(home(o, "bob")).isEqualTo(HomeDirectory.absent("bob", 1001, "/home/bob"));
        assertThat(Json.write(o.facts())).doesNotContain("s3cr3t").doesNotContain("ftp.example.org");
    }

    @Test
    void ownersAreNamedFromTheRootsOwnPasswd() {
        assumeTrue(TestRoot.isRoot(), "only root can give a directory to another uid");
        TestRoot r = accounts("mallory:x:1002:1002::/home/mallory:/bin/bash");
        r.dir("/home/alice").owner("/home/alice", 1002, 1002);
        r.dir("/home/mallory").owner("/home/mallory", 1002, 1002);

        Outcome o = Outcome.offline(new HomesCollector(), r);

        assertThat(home(o, "alice").ownerUid()).isEqualTo(1002);
        assertThat(home(o, "alice").owner()).isEqualTo("mallory");
        assertThat(home(o, "mallory").owner()).isEqualTo("mallory");
    }

    @Test
    void homesAreFollowedThroughLinksInsideTheRootAndAFileIsNotADirectory() {
        TestRoot r = accounts("carol:x:1003:1003::/home/carol:/bin/bash", "svc:x:1004:1004::/srv/svc.home:/bin/bash",
                "dan:x:1005:1005::relative/home:/bin/bash");
        r.dir("/srv/carol").mode("/srv/carol", 0700);
        r.file("/srv/carol/.rhosts", "+ +");
        r.symlink("/home/carol", "/srv/carol");
        r.file("/srv/svc.home", "not a directory").mode("/srv/svc.home", 0644);

        Outcome o = Outcome.offline(new HomesCollector(), r);

        assertThat(home(o, "carol").modeString()).isEqualTo("0700");
        assertThat(home(o, "carol").has(".rhosts")).isTrue();
        assertThat(home(o, "svc").kind()).isEqualTo(FileKind.FILE);
        assertThat(home(o, "svc").writableDotFiles()).isEmpty();
        assertThat(home(o, "dan")).isEqualTo(HomeDirectory.absent("dan", 1005, "relative/home"));
    }

    @Test
    void aHomeThatLeadsOutOfTheRootIsAGapAndMarkedUnreadable() {
        TestRoot r = accounts();
        r.symlink("/home/alice", "../../../../../../../../home");

        Outcome o = Outcome.offline(new HomesCollector(), r);

        assertThat(o.run().status()).isEqualTo(CollectorStatus.PARTIAL);
        assertThat(o.gaps()).extracting(CoverageGap::collector, CoverageGap::path)
                .containsExactly(tuple("homes", "/home/alice"));
        assertThat(o.facts(HomeDirectory.class)).extracting(HomeDirectory::user).containsExactly("root", "bob");
        assertThat(o.facts(Setting.class)).containsExactly(new Setting("homes", "unreadable", "alice (/home/alice)"));
    }

    @Test
    void withoutPasswdTheCollectorFails() {
        Outcome o = Outcome.offline(new HomesCollector(), new TestRoot(dir).dir("/etc"));

        assertThat(o.run().status()).isEqualTo(CollectorStatus.FAILED);
        assertThat(o.run().detail()).isEqualTo("no /etc/passwd");
    }

    @Test
    void loginShellsAreAnythingButNologinAndFalse() {
        assertThat(HomesCollector.canLogIn("alice", "/bin/bash")).isTrue();
        assertThat(HomesCollector.canLogIn("alice", "")).isTrue();
        assertThat(HomesCollector.canLogIn("daemon", "/usr/sbin/nologin")).isFalse();
        assertThat(HomesCollector.canLogIn("daemon", "/sbin/nologin")).isFalse();
        assertThat(HomesCollector.canLogIn("ftp", "/usr/bin/false")).isFalse();
        assertThat(HomesCollector.canLogIn("sync", "/bin/sync")).isFalse();
        assertThat(HomesCollector.canLogIn("halt", "/sbin/halt")).isFalse();
        assertThat(List.of("shutdown", "nfsnobody")).noneMatch(n -> HomesCollector.canLogIn(n, "/bin/sh"));
    }
}
