package io.osbaseline.bench.reference;

import static java.util.Map.entry;

import io.osbaseline.drl.pack.RuleSpec;
import io.osbaseline.engine.FindingAssembler.VerdictSheet;
import io.osbaseline.model.fact.PamEntry;
import io.osbaseline.model.fact.PasswordState;
import io.osbaseline.model.fact.Setting;
import io.osbaseline.model.fact.UserAccount;
import io.osbaseline.model.fact.UserGroup;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import javax.annotation.CheckForNull;

/**
 * The checks the packs write in DRL by hand, written again in Java. Each is tied to the fingerprint of the DRL it was
 * written from: when a pack's DRL for that rule changes, the Java version no longer stands for it, and the rule is
 * reported as not covered instead of being judged by stale code.
 */
final class HandWrittenChecks {
    private record Known(String fingerprint, Supplier<ReferenceCheck> factory) {
    }

    private static final Map<String, Known> BY_RULE = Map.ofEntries(
            entry("23.2", new Known("7ed7ad10c650", NoEmptyPassword::new)),
            entry("24", new Known("9fd968af685e", OnlyRootHasUidZero::new)),
            entry("6.2.16", new Known("abcfc4ace0aa", UniqueUids::new)),
            entry("22", new Known("a7301cfe190b", RootGroup::new)),
            entry("156.1", new Known("b8a48163173a", NoLegacyPasswdEntries::new)),
            entry("21", new Known("e207271f7ca6", SuRestrictedToWheel::new)),
            // SystemChecks
            entry("60", new Known("bd3124aa55ac", SystemChecks.LoggingConfigured::new)),
            entry("61.1", new Known("3b0e2fba9f6d", SystemChecks.JournaldPersists::new)),
            entry("62", new Known("8a713e9595e6", SystemChecks.LoggerEnabled::new)),
            entry("63", new Known("715b79fc5a71", SystemChecks.LogFileMode::new)),
            entry("64", new Known("8eecac39e41d", SystemChecks.LogFileGroup::new)),
            entry("65", new Known("522fa8fb34d2", SystemChecks.LogFileOwner::new)),
            entry("67", new Known("19528e22f910", SystemChecks.NoRemoteSyslogInput::new)),
            entry("68", new Known("13b44dc17738", SystemChecks.LogrotateEnabled::new)),
            entry("EnsureLoggingLevel", new Known("2860ae969b15", SystemChecks.OsConfigLoggingLevel::new)),
            entry("3.6.2", new Known("3b9608cd6fad", SystemChecks.DefaultDenyFirewall::new)),
            entry("48", new Known("cd64f816b441", SystemChecks.NoPromiscuousInterface::new)),
            entry("49", new Known("89ab80b113f1", SystemChecks.NoWirelessInterfaceUp::new)),
            entry("89", new Known("338d2f8c13c3", SystemChecks.ZeroconfDisabled::new)),
            entry("1.5.1", new Known("3e0ff47fed03", SystemChecks.CoreDumpsRestricted::new)),
            entry("10", new Known("1dd35a143ebc", SystemChecks.DistributionKernel::new)),
            entry("26", new Known("d74e3d4ad193", SystemChecks.NoExecuteSupport::new)),
            entry("122", new Known("337241842725", SystemChecks.PostfixLocalOnly::new)),
            entry("185", new Known("c60de7f0e225", SystemChecks.SambaNoSmb1::new)),
            entry("31", new Known("b1de8520a3d1", SystemChecks.BootloaderPassword::new)),
            entry("98", new Known("98d1b6643ec8", SystemChecks.CronRestricted::new)),
            // HomeAndSshChecks
            entry("6.2.7", new Known("697bdd5ce3c0", HomeAndSshChecks.HomesExist::new)),
            entry("6.2.9", new Known("6ae57a7dceb3", HomeAndSshChecks.HomesOwned::new)),
            entry("28", new Known("62332a09eef6", HomeAndSshChecks.HomesMode::new)),
            entry("6.2.10", new Known("d5de9e03c7c8", HomeAndSshChecks.DotFilesNotWritable::new)),
            entry("6.2.11", new Known("d0df6d9c97d7", () -> new HomeAndSshChecks.NoDotFile(".forward"))),
            entry("6.2.12", new Known("04c20615b106", () -> new HomeAndSshChecks.NoDotFile(".netrc"))),
            entry("6.2.14", new Known("3f60946a4945", () -> new HomeAndSshChecks.NoDotFile(".rhosts"))),
            entry("106.11", new Known("b8cbba8dc49b", HomeAndSshChecks.SshAccessLimited::new)),
            entry("107", new Known("9cc759b1fce9", HomeAndSshChecks.NoRhostsRsaAuthentication::new)),
            entry("110.3", new Known("1d2f2e785a88", HomeAndSshChecks.ApprovedAlgorithms::macs)),
            entry("113", new Known("104aee56c6da", HomeAndSshChecks.ApprovedAlgorithms::ciphers)),
            entry("5.2.14", new Known("4be34c8abf03", HomeAndSshChecks.CryptoPolicyNotOverridden::new)));

    private HandWrittenChecks() {
    }

    /** The Java version of the rule's DRL, or null when there is none for this exact DRL. */
    @CheckForNull
    static ReferenceCheck create(RuleSpec spec) {
        Known known = BY_RULE.get(spec.id());
        if (known == null || !known.fingerprint().equals(fingerprint(spec.drl()))) {
            return null;
        }
        return known.factory().get();
    }

    /** Whether a Java version exists for the rule, even if written for other DRL. */
    static boolean knows(String ruleId) {
        return BY_RULE.containsKey(ruleId);
    }

    /** A short digest of the rule's DRL snippets, insensitive to indentation and line breaks. */
    static String fingerprint(List<RuleSpec.DrlSnippet> snippets) {
        StringBuilder s = new StringBuilder();
        for (RuleSpec.DrlSnippet d : snippets) {
            for (String part : new String[] {d.name(), d.when(), d.then(), d.expect(), d.part()}) {
                s.append(part == null ? "" : part.strip().replaceAll("\\s+", " ")).append('\u0000');
            }
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(s.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /** Base for the account checks, which all read the accounts collector. */
    private abstract static class AccountsCheck extends ReferenceCheck {
        @Override
        List<String> requires() {
            return List.of();
        }

        @Override
        String expected() {
            return "";
        }
    }

    /** 23.2: no account has an empty password. */
    private static final class NoEmptyPassword extends AccountsCheck {
        @Override
        void evaluate(MachineFacts facts, VerdictSheet sheet) {
            boolean empty = false;
            boolean unreadable = false;
            for (UserAccount u : facts.accounts) {
                if (u.password() == PasswordState.EMPTY) {
                    fail(sheet, u.name() + " has an empty password");
                    empty = true;
                }
                unreadable |= u.password() == PasswordState.UNKNOWN;
            }
            if (unreadable) {
                unknown(sheet, "the password state of some accounts could not be read from /etc/shadow");
            }
            if (!facts.accounts.isEmpty() && !empty) {
                pass(sheet, "no account has an empty password");
            }
        }
    }

    /** 24: only root has UID 0. */
    private static final class OnlyRootHasUidZero extends AccountsCheck {
        @Override
        void evaluate(MachineFacts facts, VerdictSheet sheet) {
            boolean found = false;
            for (UserAccount u : facts.accounts) {
                if (u.uid() == 0 && !u.name().equals("root")) {
                    fail(sheet, u.name() + " has UID 0");
                    found = true;
                }
            }
            if (!facts.accounts.isEmpty() && !found) {
                pass(sheet, "only root has UID 0");
            }
        }
    }

    /** 6.2.16: no two accounts share a UID; each pair is reported once, in name order. */
    private static final class UniqueUids extends AccountsCheck {
        @Override
        void evaluate(MachineFacts facts, VerdictSheet sheet) {
            boolean shared = false;
            for (UserAccount a : facts.accounts) {
                for (UserAccount b : facts.accounts) {
                    if (a.uid() == b.uid() && !a.name().equals(b.name())) {
                        shared = true;
                        if (b.name().compareTo(a.name()) > 0) {
                            fail(sheet, "UID " + a.uid() + " is shared by " + a.name() + " and " + b.name());
                        }
                    }
                }
            }
            if (!facts.accounts.isEmpty() && !shared) {
                pass(sheet, "every UID is unique");
            }
        }
    }

    /** 22: the group root exists with GID 0. */
    private static final class RootGroup extends AccountsCheck {
        @Override
        void evaluate(MachineFacts facts, VerdictSheet sheet) {
            boolean found = false;
            for (UserGroup g : facts.groups) {
                if (g.name().equals("root")) {
                    check(sheet, g.gid() == 0, "root group has GID " + g.gid());
                    found = true;
                }
            }
            if (!facts.groups.isEmpty() && !found) {
                fail(sheet, "no group named root");
            }
        }
    }

    /** 156.1: no legacy + entries in /etc/passwd. */
    private static final class NoLegacyPasswdEntries extends AccountsCheck {
        @Override
        void evaluate(MachineFacts facts, VerdictSheet sheet) {
            List<Setting> legacy = MachineFacts.get(facts.settingsByNamespaceAndKey,
                    MachineFacts.settingKey("passwd", "legacy-entry"));
            for (Setting s : legacy) {
                fail(sheet, s.value());
            }
            if (!facts.accounts.isEmpty() && legacy.isEmpty()) {
                pass(sheet, "no legacy + entries");
            }
        }
    }

    /** 21: su is restricted by pam_wheel with use_uid. */
    private static final class SuRestrictedToWheel extends AccountsCheck {
        @Override
        void evaluate(MachineFacts facts, VerdictSheet sheet) {
            boolean found = false;
            for (PamEntry e : facts.pam) {
                if (e.service().equals("su") && e.module().equals("pam_wheel.so") && e.type().equals("auth")) {
                    check(sheet, (e.control().equals("required") || e.control().equals("requisite"))
                            && e.hasArgument("use_uid"), "/etc/pam.d/su: " + e.describe());
                    found = true;
                }
            }
            if (!found) {
                fail(sheet, "/etc/pam.d/su has no auth line for pam_wheel.so");
            }
        }
    }
}
