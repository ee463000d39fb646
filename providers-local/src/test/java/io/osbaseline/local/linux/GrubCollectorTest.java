package io.osbaseline.local.linux;

import static org.assertj.core.api.Assertions.assertThat;

import io.osbaseline.local.TestRoot;
import io.osbaseline.model.fact.Setting;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GrubCollectorTest {
    private static final String HASH = "grub.pbkdf2.sha512.10000.1B6A7C0E9F8D2A3B.4C5D6E7F8091A2B3C4D5E6F708192A3B";

    @TempDir
    Path dir;

    private Outcome collect(TestRoot r) {
        return Outcome.offline(new GrubCollector(), r);
    }

    @Test
    void debianPbkdf2PasswordWithSuperusers() {
        TestRoot r = new TestRoot(dir);
        r.file("/boot/grub/grub.cfg", "### BEGIN /etc/grub.d/40_custom ###", "set superusers=\"root\"",
                "password_pbkdf2 root " + HASH, "### END /etc/grub.d/40_custom ###");

        Outcome o = collect(r);

        assertThat(o.facts(Setting.class)).containsExactly(new Setting("grub", "/boot/grub/grub.cfg",
                "password_pbkdf2 for root; superusers root"));
        assertThat(o.facts(Setting.class)).noneMatch(s -> s.value().contains("pbkdf2.sha512"));
        assertThat(o.run().detail()).isEqualTo("read /boot/grub/grub.cfg");
    }

    @Test
    void rhelPasswordFromUserCfgCountsOnlyWhenItIsSet() {
        TestRoot r = new TestRoot(dir);
        r.file("/boot/grub2/grub.cfg", "### BEGIN /etc/grub.d/01_users ###", "if [ -f ${prefix}/user.cfg ]; then",
                "  source ${prefix}/user.cfg", "  if [ -n \"${GRUB2_PASSWORD}\" ]; then", "    set superusers=\"root\"",
                "    export superusers", "    password_pbkdf2 root ${GRUB2_PASSWORD}", "  fi", "fi");

        assertThat(collect(r).facts(Setting.class)).containsExactly(new Setting("grub", "/boot/grub2/grub.cfg",
                "no password (password_pbkdf2 for root uses ${GRUB2_PASSWORD}, which /boot/grub2/user.cfg does not "
                        + "set); superusers root"));

        r.file("/boot/grub2/user.cfg", "GRUB2_PASSWORD=" + HASH);

        assertThat(collect(r).facts(Setting.class)).containsExactly(new Setting("grub", "/boot/grub2/grub.cfg",
                "password_pbkdf2 for root (hash in /boot/grub2/user.cfg); superusers root"));
    }

    @Test
    void plainTextAndLegacyPasswordsNeverLeaveTheMachine() {
        TestRoot r = new TestRoot(dir);
        r.file("/boot/grub/grub.cfg", "set superusers=admin", "password admin hunter2");
        r.file("/boot/grub/grub.conf", "default=0", "password --md5 $1$Qq8oA$7hB0uT4l4wC5tB/5kq3bC.", "title Linux");

        Outcome o = collect(r);

        assertThat(o.facts(Setting.class)).containsExactly(
                new Setting("grub", "/boot/grub/grub.cfg", "plain-text password for admin; superusers admin"),
                new Setting("grub", "/boot/grub/grub.conf", "password --md5"));
        assertThat(o.facts(Setting.class)).noneMatch(s -> s.value().contains("hunter2") || s.value().contains("$1$"));
    }

    @Test
    void noPasswordAndNoConfiguration() {
        TestRoot r = new TestRoot(dir);
        r.file("/boot/grub/grub.cfg", "set default=\"0\"", "# password_pbkdf2 root " + HASH, "menuentry 'Debian' {",
                "}");

        assertThat(collect(r).facts(Setting.class)).containsExactly(new Setting("grub", "/boot/grub/grub.cfg",
                "no password"));
        assertThat(collect(new TestRoot(dir.resolve("none")).dir("/etc")).run().detail()).isEqualTo(
                "no GRUB configuration (/boot/grub/grub.cfg, /boot/grub2/grub.cfg, /boot/grub/grub.conf)");
    }
}
