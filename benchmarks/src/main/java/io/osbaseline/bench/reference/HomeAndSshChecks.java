package io.osbaseline.bench.reference;

import static io.osbaseline.bench.reference.MachineFacts.get;

import io.osbaseline.drl.Distributions;
import io.osbaseline.drl.Lines;
import io.osbaseline.drl.PackageVersions;
import io.osbaseline.engine.FindingAssembler.VerdictSheet;
import io.osbaseline.model.fact.FileInfo;
import io.osbaseline.model.fact.FileKind;
import io.osbaseline.model.fact.FileLines;
import io.osbaseline.model.fact.HomeDirectory;
import io.osbaseline.model.fact.InstalledPackage;
import io.osbaseline.model.fact.OsRelease;
import io.osbaseline.model.fact.Setting;
import io.osbaseline.model.fact.SshdOption;
import java.util.List;
import java.util.Map;
import java.util.Locale;

/**
 * The hand-written home-directory rules (home-directories.yaml) and SSH rules (ssh.yaml) of the Linux pack, written
 * again in Java: each DRL rule of a check becomes one branch here, with the same verdict in the same words. A home
 * the collector could not examine is a {@code homes/unreadable} setting: an UNKNOWN verdict of every home rule, which
 * also keeps it from concluding that there is no home at all.
 */
final class HomeAndSshChecks {
    /** The Java versions of these rules, by rule id, with the fingerprint of the DRL they were written from. */
    static final Map<String, HandWrittenChecks.Known> KNOWN = Map.ofEntries(
            Map.entry("6.2.7", new HandWrittenChecks.Known("697bdd5ce3c0", HomesExist::new)),
            Map.entry("6.2.9", new HandWrittenChecks.Known("6ae57a7dceb3", HomesOwned::new)),
            Map.entry("28", new HandWrittenChecks.Known("62332a09eef6", HomesMode::new)),
            Map.entry("6.2.10", new HandWrittenChecks.Known("d5de9e03c7c8", DotFilesNotWritable::new)),
            Map.entry("6.2.11", new HandWrittenChecks.Known("d0df6d9c97d7", () -> new NoDotFile(".forward"))),
            Map.entry("6.2.12", new HandWrittenChecks.Known("04c20615b106", () -> new NoDotFile(".netrc"))),
            Map.entry("6.2.14", new HandWrittenChecks.Known("3f60946a4945", () -> new NoDotFile(".rhosts"))),
            Map.entry("106.11", new HandWrittenChecks.Known("b8cbba8dc49b", SshAccessLimited::new)),
            Map.entry("107", new HandWrittenChecks.Known("9cc759b1fce9", NoRhostsRsaAuthentication::new)),
            Map.entry("110.3", new HandWrittenChecks.Known("1d2f2e785a88", ApprovedAlgorithms::macs)),
            Map.entry("113", new HandWrittenChecks.Known("104aee56c6da", ApprovedAlgorithms::ciphers)),
            Map.entry("5.2.14", new HandWrittenChecks.Known("4be34c8abf03", CryptoPolicyNotOverridden::new)));

    private static final String NO_SSHD = "the OpenSSH server is not configured on this machine";
    private static final String NO_HOME = "no account that can log in has a home directory";

    private HomeAndSshChecks() {
    }

    /** Base for the checks with nothing to add to the collectors their rule names. */
    private abstract static class HandWritten extends ReferenceCheck {
        @Override
        final List<String> requires() {
            return List.of();
        }

        @Override
        final String expected() {
            return "";
        }
    }

    /** Base for the home-directory checks: each unreadable home is an UNKNOWN verdict, beside what the rest finds. */
    private abstract static class HomesCheck extends HandWritten {
        @Override
        final void evaluate(MachineFacts facts, VerdictSheet sheet) {
            List<Setting> unreadable = get(facts.settingsByNamespaceAndKey,
                    MachineFacts.settingKey("homes", "unreadable"));
            for (Setting s : unreadable) {
                unknown(sheet, "cannot examine the home directory of " + s.value());
            }
            evaluate(facts.homes, !unreadable.isEmpty(), sheet);
        }

        /** The rest of the check, on the homes of the accounts that can log in. */
        abstract void evaluate(List<HomeDirectory> homes, boolean unreadable, VerdictSheet sheet);

        static boolean directory(HomeDirectory h) {
            return h.exists() && h.kind() == FileKind.DIRECTORY;
        }
    }

    /** 6.2.7: the home of every account that can log in exists and is a directory. */
    static final class HomesExist extends HomesCheck {
        @Override
        void evaluate(List<HomeDirectory> homes, boolean unreadable, VerdictSheet sheet) {
            for (HomeDirectory h : homes) {
                if (!h.exists()) {
                    fail(sheet, h.user() + ": " + h.path() + " does not exist");
                } else if (h.kind() != FileKind.DIRECTORY) {
                    fail(sheet, h.user() + ": " + h.path() + " is not a directory");
                }
            }
            if (!homes.isEmpty()) {
                pass(sheet, "every home directory exists");
            } else if (!unreadable) {
                pass(sheet, "no account can log in");
            }
        }
    }

    /** 6.2.9: every existing home is owned by its account (an unknown owner is not judged). */
    static final class HomesOwned extends HomesCheck {
        @Override
        void evaluate(List<HomeDirectory> homes, boolean unreadable, VerdictSheet sheet) {
            for (HomeDirectory h : homes) {
                if (h.exists() && h.ownerUid() != null && h.ownerUid() != h.uid()) {
                    fail(sheet, h.user() + ": " + h.path() + " is owned by " + h.owner());
                }
            }
            if (homes.stream().anyMatch(HomeDirectory::exists)) {
                pass(sheet, "every home directory is owned by its account");
            } else if (!unreadable) {
                notApplicable(sheet, NO_HOME);
            }
        }
    }

    /** 28: every home that is a directory has no mode bit beyond 0750. */
    static final class HomesMode extends HomesCheck {
        @Override
        void evaluate(List<HomeDirectory> homes, boolean unreadable, VerdictSheet sheet) {
            boolean any = false;
            for (HomeDirectory h : homes) {
                if (directory(h)) {
                    check(sheet, h.modeAtMost(0750), h.user() + ": " + h.path() + " " + h.modeString());
                    any = true;
                }
            }
            if (!any && !unreadable) {
                notApplicable(sheet, NO_HOME);
            }
        }
    }

    /** 6.2.10: no dot file in an existing home is writable by its group or others. */
    static final class DotFilesNotWritable extends HomesCheck {
        @Override
        void evaluate(List<HomeDirectory> homes, boolean unreadable, VerdictSheet sheet) {
            boolean listed = false;
            for (HomeDirectory h : homes) {
                if (h.exists() && h.writableDotFiles() != null) {
                    if (!h.writableDotFiles().isEmpty()) {
                        fail(sheet, h.path() + ": " + String.join(", ", h.writableDotFiles()));
                    }
                    listed = true;
                } else if (directory(h)) {
                    unknown(sheet, "cannot list " + h.path());
                }
            }
            if (listed) {
                pass(sheet, "no dot file is writable by group or others");
            }
            if (homes.stream().noneMatch(HomeDirectory::exists) && !unreadable) {
                notApplicable(sheet, NO_HOME);
            }
        }
    }

    /** 6.2.11, 6.2.12, 6.2.14: no existing home holds the file (.forward, .netrc or .rhosts). */
    static final class NoDotFile extends HomesCheck {
        private final String name;

        NoDotFile(String name) {
            this.name = name;
        }

        @Override
        void evaluate(List<HomeDirectory> homes, boolean unreadable, VerdictSheet sheet) {
            boolean listed = false;
            for (HomeDirectory h : homes) {
                if (h.exists() && h.has(name)) {
                    fail(sheet, h.path() + "/" + name);
                }
                if (directory(h) && h.presentFiles() == null) {
                    unknown(sheet, "cannot list " + h.path());
                }
                listed |= h.exists() && h.presentFiles() != null;
            }
            if (listed) {
                pass(sheet, "no " + name + " file");
            }
            if (homes.stream().noneMatch(HomeDirectory::exists) && !unreadable) {
                notApplicable(sheet, NO_HOME);
            }
        }
    }

    /** 106.11: at least one of AllowUsers, AllowGroups, DenyUsers, DenyGroups is set; no sshd is NOT_APPLICABLE. */
    static final class SshAccessLimited extends HandWritten {
        private static final List<String> KEYS = List.of("allowusers", "allowgroups", "denyusers", "denygroups");

        @Override
        void evaluate(MachineFacts facts, VerdictSheet sheet) {
            if (facts.sshdByKey.isEmpty()) {
                notApplicable(sheet, NO_SSHD);
                return;
            }
            boolean set = false;
            for (String key : KEYS) {
                for (SshdOption o : get(facts.sshdByKey, key)) {
                    pass(sheet, o.key() + " " + o.value());
                    set = true;
                }
            }
            if (!set) {
                fail(sheet, "none of AllowUsers, AllowGroups, DenyUsers, DenyGroups is set");
            }
        }
    }

    /**
     * 107: RhostsRSAAuthentication is no (unset means no), unless an installed openssh-server 7.4 or later no longer
     * has the keyword, which makes the rule NOT_APPLICABLE.
     */
    static final class NoRhostsRsaAuthentication extends HandWritten {
        private final Judged expected = judged("RhostsRSAAuthentication", "= no");

        @Override
        void evaluate(MachineFacts facts, VerdictSheet sheet) {
            if (facts.sshdByKey.isEmpty()) {
                notApplicable(sheet, NO_SSHD);
                return;
            }
            boolean removed = false;
            for (InstalledPackage p : get(facts.packagesByName, "openssh-server")) {
                if (PackageVersions.atLeast(p.version(), 7, 4)) {
                    notApplicable(sheet, "openssh-server " + p.version()
                            + " has no RhostsRSAAuthentication: OpenSSH 7.4 removed it with SSH protocol 1");
                    removed = true;
                }
            }
            if (removed) {
                return;
            }
            List<SshdOption> set = get(facts.sshdByKey, "rhostsrsaauthentication");
            for (SshdOption o : set) {
                judge(sheet, expected, o.value(), o.value());
            }
            if (set.isEmpty()) {
                pass(sheet, "not set (no, by default)");
            }
        }
    }

    /**
     * 110.3 (MACs) and 113 (Ciphers): the option lists only approved algorithms. Unset, or adding to OpenSSH's
     * built-in list ({@code +}, {@code ^}), fails; removing from it ({@code -}) is UNKNOWN.
     */
    static final class ApprovedAlgorithms extends HandWritten {
        private final String key;
        private final String part;
        private final String noun;
        private final String removedNoun;
        private final Judged expected;

        private ApprovedAlgorithms(String part, String approved, String noun, String removedNoun) {
            this.key = part.toLowerCase(Locale.ROOT);
            this.part = part;
            this.noun = noun;
            this.removedNoun = removedNoun;
            this.expected = judged(part, "subset-of " + approved);
        }

        static ApprovedAlgorithms macs() {
            return new ApprovedAlgorithms("MACs",
                    "hmac-sha2-256,hmac-sha2-512,hmac-sha2-256-etm@openssh.com,hmac-sha2-512-etm@openssh.com",
                    "MACs", "algorithms");
        }

        static ApprovedAlgorithms ciphers() {
            return new ApprovedAlgorithms("Ciphers", "aes128-ctr,aes192-ctr,aes256-ctr", "ciphers", "ciphers");
        }

        @Override
        void evaluate(MachineFacts facts, VerdictSheet sheet) {
            if (facts.sshdByKey.isEmpty()) {
                notApplicable(sheet, NO_SSHD);
                return;
            }
            List<SshdOption> set = get(facts.sshdByKey, key);
            for (SshdOption o : set) {
                String v = o.value();
                if (v.startsWith("+") || v.startsWith("^")) {
                    fail(sheet, v + " (added to the built-in list, which has " + noun + " outside the approved set)");
                } else if (v.startsWith("-")) {
                    unknown(sheet, part + " " + v + " removes " + removedNoun + " from the list built into this "
                            + "OpenSSH, which depends on its release and build");
                } else {
                    judge(sheet, expected, v, v);
                }
            }
            if (set.isEmpty()) {
                fail(sheet, "not set: OpenSSH's built-in list applies, which includes " + noun
                        + " outside the approved set");
            }
        }
    }

    /**
     * 5.2.14: on the RHEL 8 family, /etc/sysconfig/sshd has no CRYPTO_POLICY= line (or does not exist); other
     * distributions are NOT_APPLICABLE. Judged once per os-release fact, as the DRL joins on it.
     */
    static final class CryptoPolicyNotOverridden extends HandWritten {
        private static final String SYSCONFIG = "/etc/sysconfig/sshd";

        @Override
        void evaluate(MachineFacts facts, VerdictSheet sheet) {
            if (facts.sshdByKey.isEmpty()) {
                notApplicable(sheet, NO_SSHD);
                return;
            }
            for (OsRelease r : facts.osReleases) {
                if (!Distributions.rhel8Family(r)) {
                    notApplicable(sheet, "the baseline checks this on the RHEL 8 family only; this machine runs "
                            + (r.prettyName() != null ? r.prettyName() : r.id()));
                    continue;
                }
                for (FileLines f : get(facts.linesByPath, SYSCONFIG)) {
                    String hit = Lines.firstFind(f.lines(), "^\\s*CRYPTO_POLICY=");
                    check(sheet, hit == null, hit == null ? "no CRYPTO_POLICY in " + SYSCONFIG
                            : SYSCONFIG + ": " + hit.strip());
                }
                for (FileInfo i : get(facts.filesByPath, SYSCONFIG)) {
                    if (!i.exists()) {
                        pass(sheet, "no " + SYSCONFIG);
                    }
                }
            }
        }
    }
}
