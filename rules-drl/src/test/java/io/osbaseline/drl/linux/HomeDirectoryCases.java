package io.osbaseline.drl.linux;

import static io.osbaseline.drl.linux.AzureLinuxRulesTest.rule;

import io.osbaseline.drl.linux.AzureLinuxRulesTest.RuleCase;
import java.util.stream.Stream;

/** Rule cases of the Azure Linux baseline: home directories of the accounts that can log in. */
final class HomeDirectoryCases {
    private HomeDirectoryCases() {
    }

    static Stream<RuleCase> cases() {
        return Stream.of(
                rule("6.2.7", "every home directory exists",
                        r -> r.append("/etc/passwd", "carol:x:1005:1000::/home/carol:/bin/bash"),
                        "carol: /home/carol does not exist"),
                rule("6.2.9", "every home directory is owned by its account", r -> r.owner("/home/alice", 0, 0),
                        "alice: /home/alice is owned by root"),
                rule("28", "root: /root 0700; alice: /home/alice 0750", r -> r.mode("/home/alice", 0755),
                        "alice: /home/alice 0755"),
                rule("6.2.10", "no dot file is writable by group or others", r -> r.mode("/home/alice/.bashrc", 0664),
                        "/home/alice: .bashrc"),
                rule("6.2.11", "no .forward file", r -> r.file("/home/alice/.forward", "alice@example.org"),
                        "/home/alice/.forward"),
                rule("6.2.12", "no .netrc file",
                        r -> r.file("/home/alice/.netrc", "machine ftp.example.org login alice password hunter2"),
                        "/home/alice/.netrc"),
                rule("6.2.14", "no .rhosts file", r -> r.file("/home/alice/.rhosts", "trusted.example.org alice"),
                        "/home/alice/.rhosts"));
    }
}
