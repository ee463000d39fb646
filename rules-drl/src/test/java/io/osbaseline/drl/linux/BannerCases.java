package io.osbaseline.drl.linux;

import static io.osbaseline.drl.linux.AzureLinuxRulesTest.rule;

import io.osbaseline.drl.linux.AzureLinuxRulesTest.RuleCase;
import java.util.stream.Stream;

/** Rule cases of the Azure Linux baseline: login banners. */
final class BannerCases {
    private BannerCases() {
    }

    static Stream<RuleCase> cases() {
        return Stream.of(
                rule("111.1", "no match", r -> r.file("/etc/issue", "Debian GNU/Linux 12 \\n \\l", "Kernel \\r on \\m"),
                        "line: Kernel \\r on \\m"),
                rule("1.7.1.4", "0644 root:root", r -> r.mode("/etc/motd", 0666), "0666 root:root"),
                rule("1.7.1.6", "0644 root:root", r -> r.mode("/etc/issue.net", 0664), "0664 root:root"),
                rule("111", "no match", r -> r.file("/etc/issue.net", "Debian GNU/Linux \\r"),
                        "line: Debian GNU/Linux \\r"));
    }
}
