package io.osbaseline.drl;

import static org.assertj.core.api.Assertions.assertThat;

import io.osbaseline.model.fact.OsRelease;
import io.osbaseline.model.fact.PamEntry;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The helpers rule conditions and consequences call. */
class RuleHelpersTest {
    @Test
    void upstreamVersionsInsidePackageVersions() {
        assertThat(PackageVersions.atLeast("1:9.2p1-2+deb12u3", 7, 4)).isTrue();
        assertThat(PackageVersions.atLeast("8.7p1-38.el9", 7, 4)).isTrue();
        assertThat(PackageVersions.atLeast("7.4p1-21.el7", 7, 4)).isTrue();
        assertThat(PackageVersions.atLeast("1:7.2p2-4ubuntu2.10", 7, 4)).isFalse();
        assertThat(PackageVersions.atLeast("6.6.1p1-35.el7", 7, 4)).isFalse();
        assertThat(PackageVersions.atLeast("10.0p1-1", 7, 4)).isTrue();
        assertThat(PackageVersions.atLeast("unknown", 7, 4)).isFalse();
    }

    @Test
    void theHashingOptionOfAPamUnixLineIsTheLastOne() {
        assertThat(PasswordHashing.method(new PamEntry("common-password", "password", "required", "pam_unix.so",
                List.of("obscure", "md5", "use_authtok", "sha512")))).isEqualTo("sha512");
        assertThat(PasswordHashing.method(new PamEntry("common-password", "password", "required", "pam_unix.so",
                List.of("obscure", "yescrypt")))).isEqualTo("yescrypt");
        assertThat(PasswordHashing.method(new PamEntry("common-password", "password", "required", "pam_unix.so",
                List.of("obscure", "rounds=5000")))).isNull();
    }

    @Test
    void theRhel8FamilyByOsRelease() {
        assertThat(Distributions.rhel8Family(new OsRelease("rhel", List.of("fedora"), "8.10", null, null))).isTrue();
        assertThat(Distributions.rhel8Family(new OsRelease("rocky", List.of("rhel", "centos", "fedora"), "8.9", null,
                null))).isTrue();
        assertThat(Distributions.rhel8Family(new OsRelease("ol", List.of("fedora"), "8.8", null, null))).isTrue();
        assertThat(Distributions.rhel8Family(new OsRelease("centos", List.of("rhel", "fedora"), "8", null, null)))
                .isTrue();
        assertThat(Distributions.rhel8Family(new OsRelease("rhel", List.of("fedora"), "9.4", null, null))).isFalse();
        assertThat(Distributions.rhel8Family(new OsRelease("fedora", List.of(), "38", null, null))).isFalse();
        assertThat(Distributions.rhel8Family(new OsRelease("almalinux", List.of("rhel"), null, null, null))).isFalse();
    }
}
