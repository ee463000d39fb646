package io.osbaseline.drl.linux;

import static io.osbaseline.drl.linux.AzureLinuxRulesTest.rule;

import io.osbaseline.drl.linux.AzureLinuxRulesTest.RuleCase;
import java.util.stream.Stream;

/** Rule cases of the Azure Linux baseline: the boot loader. */
final class BootCases {
    private BootCases() {
    }

    static Stream<RuleCase> cases() {
        return Stream.of(
                rule("31", "/boot/grub/grub.cfg: password_pbkdf2 for root; superusers root",
                        r -> r.edit("/boot/grub/grub.cfg", "password_pbkdf2 root", "# password_pbkdf2 root"),
                        "/boot/grub/grub.cfg: no password; superusers root"),
                rule("31.1", "/boot/grub/grub.cfg 0400 root:root", r -> r.mode("/boot/grub/grub.cfg", 0444),
                        "/boot/grub/grub.cfg 0444 root:root"));
    }
}
