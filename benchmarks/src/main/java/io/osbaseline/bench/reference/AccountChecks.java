package io.osbaseline.bench.reference;

import static io.osbaseline.bench.reference.MachineFacts.get;
import static io.osbaseline.bench.reference.MachineFacts.settingKey;

import io.osbaseline.drl.PasswordHashing;
import io.osbaseline.engine.FindingAssembler.VerdictSheet;
import io.osbaseline.model.fact.PamEntry;
import io.osbaseline.model.fact.PasswordState;
import io.osbaseline.model.fact.Setting;
import io.osbaseline.model.fact.UserAccount;
import io.osbaseline.model.fact.UserGroup;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * The hand-written rules of the Linux pack's {@code accounts-and-passwords.yaml}, written again in Java: each check
 * reports what the DRL snippets of its rule report, snippet by snippet, in the same words. A snippet that matches once
 * per fact (or per pair of facts) reports once per fact here too; {@code exists} and {@code not} become flags.
 */
final class AccountChecks {
    /** The checks by rule id, with the fingerprint of the DRL each was written from. */
    static final Map<String, HandWrittenChecks.Known> KNOWN = Map.ofEntries(
            known("23.2", "7ed7ad10c650", NoEmptyPassword::new),
            known("24", "9fd968af685e", () -> new OnlyRootHasUidZero(false)),
            known("6.2.16", "abcfc4ace0aa", UniqueUids::new),
            known("22", "a7301cfe190b", RootGroup::new),
            known("156.1", "b8a48163173a", NoLegacyPasswdEntries::new),
            known("21", "e207271f7ca6", SuRestrictedToWheel::new),
            known("157.11", "17f54deebcd8", PasswordHashingMethod::new),
            known("157.14", "552c96473833", NoFutureLastChange::new),
            known("EnsureMaxDaysBetweenPasswordChanges", "53b28bd5bafb", MaximumPasswordAge::new),
            known("6.2.15", "81406c28e461", PrimaryGroupsExist::new),
            known("6.2.17", "1f26db88a238", UniqueGids::new),
            known("6.2.18", "c34ea003687a", () -> new UniqueNames<>(a -> a.accounts, UserAccount::name,
                    "/etc/passwd", "every account name is unique")),
            known("6.2.19", "18ab1e3c7945", () -> new UniqueNames<>(a -> a.groups, UserGroup::name,
                    "/etc/group", "every group name is unique")),
            known("6.2.20", "f0ccf565192e", EmptyShadowGroup::new),
            known("27.1", "bf556a3492be", SafeRootPath::new),
            known("156.2", "4f01bac824ca", NoLegacyShadowEntries::new),
            known("156.3", "7d8871adbcb2", NoLegacyGroupEntries::new),
            known("157.15", "a60446243d2b", SystemAccountsNonLogin::new),
            known("157.16", "70af6453a539", RootPrimaryGroup::new),
            known("157.18", "c6105afbb240", () -> new OnlyRootHasUidZero(true)),
            known("159", "f265f7b373d6", NoGamesOrTestAccount::new),
            known("33", "37295582fb3b", RootPasswordSet::new));

    private AccountChecks() {
    }

    private static Map.Entry<String, HandWrittenChecks.Known> known(String ruleId, String fingerprint,
            Supplier<ReferenceCheck> factory) {
        return Map.entry(ruleId, new HandWrittenChecks.Known(fingerprint, factory));
    }

    private static List<Setting> settings(MachineFacts facts, String namespace, String key) {
        return get(facts.settingsByNamespaceAndKey, settingKey(namespace, key));
    }

    /** Base of these checks: the rules state their expected value and their collectors in the YAML. */
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

    /** 23.2: no account has an empty password; an unreadable password state is UNKNOWN. */
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

    /**
     * 24 and 157.18: only root has UID 0. 24 passes when no other account has UID 0; 157.18 passes whenever there
     * are accounts, and its fails outrank that pass.
     */
    private static final class OnlyRootHasUidZero extends AccountsCheck {
        private final boolean passWithAnyAccount;

        OnlyRootHasUidZero(boolean passWithAnyAccount) {
            this.passWithAnyAccount = passWithAnyAccount;
        }

        @Override
        void evaluate(MachineFacts facts, VerdictSheet sheet) {
            boolean found = false;
            for (UserAccount u : facts.accounts) {
                if (u.uid() == 0 && !u.name().equals("root")) {
                    fail(sheet, u.name() + " has UID 0");
                    found = true;
                }
            }
            if (!facts.accounts.isEmpty() && (passWithAnyAccount || !found)) {
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
            List<Setting> legacy = settings(facts, "passwd", "legacy-entry");
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

    /**
     * 157.11: the pam_unix password lines of the password stacks hash with sha512, and login.defs sets ENCRYPT_METHOD
     * SHA512; a stack with password lines but no pam_unix one, no stack at all, or no ENCRYPT_METHOD fails.
     */
    private static final class PasswordHashingMethod extends AccountsCheck {
        private static final List<String> STACKS = List.of("common-password", "system-auth", "password-auth",
                "system-password");
        private final Judged pamUnix = judged("pam_unix.so", "= sha512");
        private final Judged encryptMethod = judged("ENCRYPT_METHOD", "= SHA512");

        @Override
        void evaluate(MachineFacts facts, VerdictSheet sheet) {
            Set<String> withPasswordLines = new HashSet<>();
            Set<String> withPamUnix = new HashSet<>();
            for (PamEntry e : facts.pam) {
                if (!e.type().equals("password") || !STACKS.contains(e.service())) {
                    continue;
                }
                withPasswordLines.add(e.service());
                if (e.module().equals("pam_unix.so")) {
                    withPamUnix.add(e.service());
                    String method = PasswordHashing.method(e);
                    judge(sheet, pamUnix, method, e.service() + ": pam_unix.so "
                            + (method == null ? "names no hashing method" : method));
                }
            }
            for (String stack : STACKS) {
                if (withPasswordLines.contains(stack) && !withPamUnix.contains(stack)) {
                    fail(sheet, stack + ": no pam_unix.so password line");
                }
            }
            if (withPasswordLines.isEmpty()) {
                fail(sheet, "no password stack (common-password, system-auth, password-auth, system-password)");
            }
            List<Setting> methods = settings(facts, "login.defs", "ENCRYPT_METHOD");
            for (Setting s : methods) {
                judge(sheet, encryptMethod, s.value(), "login.defs ENCRYPT_METHOD " + s.value());
            }
            if (methods.isEmpty()) {
                fail(sheet, "login.defs sets no ENCRYPT_METHOD");
            }
        }
    }

    /**
     * 157.14: no account's last password change is after the day /etc/shadow was read (the shadow read-on setting);
     * without that day there is no verdict.
     */
    private static final class NoFutureLastChange extends AccountsCheck {
        @Override
        void evaluate(MachineFacts facts, VerdictSheet sheet) {
            for (Setting readOn : settings(facts, "shadow", "read-on")) {
                for (UserAccount u : facts.accounts) {
                    // parsed per account, as the DRL's eval does: an unparsable day throws only when it is compared
                    if (u.lastChange() != null && u.lastChange().isAfter(LocalDate.parse(readOn.value()))) {
                        fail(sheet, u.name() + ": last password change on " + u.lastChange());
                    }
                }
                pass(sheet, "no last password change is in the future");
            }
        }
    }

    /**
     * EnsureMaxDaysBetweenPasswordChanges: every account with a usable password has a maximum age within the
     * expectation (365 days by default); unreadable password states are UNKNOWN.
     */
    private static final class MaximumPasswordAge extends AccountsCheck {
        private final Judged maximum = judged("maximum days", "<= 365");

        @Override
        void evaluate(MachineFacts facts, VerdictSheet sheet) {
            boolean usable = false;
            boolean unreadable = false;
            for (UserAccount u : facts.accounts) {
                if (u.password() == PasswordState.SET) {
                    usable = true;
                    if (u.maxDays() != null) {
                        judge(sheet, maximum, String.valueOf(u.maxDays()), u.name() + ": " + u.maxDays());
                    } else {
                        fail(sheet, u.name() + ": no maximum age");
                    }
                }
                unreadable |= u.password() == PasswordState.UNKNOWN;
            }
            if (unreadable) {
                unknown(sheet, "the password ages of some accounts could not be read from /etc/shadow");
            }
            if (!facts.accounts.isEmpty() && !usable) {
                pass(sheet, "no account has a usable password");
            }
        }
    }

    /** 6.2.15: the primary GID of every account is a group; without accounts or groups there is no verdict. */
    private static final class PrimaryGroupsExist extends AccountsCheck {
        @Override
        void evaluate(MachineFacts facts, VerdictSheet sheet) {
            if (facts.accounts.isEmpty() || facts.groups.isEmpty()) {
                return;
            }
            Set<Integer> gids = new HashSet<>();
            facts.groups.forEach(g -> gids.add(g.gid()));
            for (UserAccount u : facts.accounts) {
                if (!gids.contains(u.gid())) {
                    fail(sheet, u.name() + ": GID " + u.gid() + " is not in /etc/group");
                }
            }
            pass(sheet, "every primary GID is in /etc/group");
        }
    }

    /** 6.2.17: no two groups share a GID; each shared GID is reported with its group names, sorted. */
    private static final class UniqueGids extends AccountsCheck {
        @Override
        void evaluate(MachineFacts facts, VerdictSheet sheet) {
            Map<Integer, List<String>> namesByGid = new LinkedHashMap<>();
            facts.groups.forEach(g -> namesByGid.computeIfAbsent(g.gid(), k -> new ArrayList<>()).add(g.name()));
            namesByGid.forEach((gid, names) -> {
                if (names.size() > 1) {
                    fail(sheet, "GID " + gid + " is used by " + String.join(", ", new TreeSet<>(names)));
                }
            });
            if (!facts.groups.isEmpty()) {
                pass(sheet, "every GID is unique");
            }
        }
    }

    /** 6.2.18 and 6.2.19: no name appears twice in /etc/passwd, or in /etc/group. */
    private static final class UniqueNames<T> extends AccountsCheck {
        private final Function<MachineFacts, List<T>> entries;
        private final Function<T, String> name;
        private final String file;
        private final String unique;

        UniqueNames(Function<MachineFacts, List<T>> entries, Function<T, String> name, String file, String unique) {
            this.entries = entries;
            this.name = name;
            this.file = file;
            this.unique = unique;
        }

        @Override
        void evaluate(MachineFacts facts, VerdictSheet sheet) {
            List<T> all = entries.apply(facts);
            Map<String, Integer> counts = new LinkedHashMap<>();
            all.forEach(e -> counts.merge(name.apply(e), 1, Integer::sum));
            counts.forEach((n, count) -> {
                if (count > 1) {
                    fail(sheet, n + " appears " + count + " times in " + file);
                }
            });
            if (!all.isEmpty()) {
                pass(sheet, unique);
            }
        }
    }

    /**
     * 6.2.20: the shadow group has no members and is no account's primary group; a machine without a shadow group
     * passes.
     */
    private static final class EmptyShadowGroup extends AccountsCheck {
        @Override
        void evaluate(MachineFacts facts, VerdictSheet sheet) {
            boolean present = false;
            for (UserGroup g : facts.groups) {
                if (!g.name().equals("shadow")) {
                    continue;
                }
                present = true;
                if (!g.members().isEmpty()) {
                    fail(sheet, "shadow group members: " + String.join(", ", g.members()));
                }
                for (UserAccount u : facts.accounts) {
                    if (u.gid() == g.gid()) {
                        fail(sheet, u.name() + " has shadow as its primary group");
                    }
                }
                pass(sheet, "the shadow group has no members");
            }
            if (!facts.groups.isEmpty() && !present) {
                pass(sheet, "no shadow group");
            }
        }
    }

    /** 27.1: no PATH assignment for root (the root-path settings) has . or an empty entry. */
    private static final class SafeRootPath extends AccountsCheck {
        /** The whole value is ., empty, or starts with an empty or . entry; or an entry after a colon is. */
        private static final Pattern UNSAFE = Pattern.compile("\\.?(:.*)?|.*:\\.?(:.*)?");

        @Override
        void evaluate(MachineFacts facts, VerdictSheet sheet) {
            boolean unsafe = false;
            for (Setting s : get(facts.settingsByNamespace, "root-path")) {
                if (UNSAFE.matcher(s.value()).matches()) {
                    fail(sheet, s.key() + ": PATH=" + s.value());
                    unsafe = true;
                }
            }
            if (!unsafe) {
                pass(sheet, "no PATH assignment for root has . or an empty entry");
            }
        }
    }

    /** 156.2: no legacy + entries in /etc/shadow; without the day shadow was read there is no pass. */
    private static final class NoLegacyShadowEntries extends AccountsCheck {
        @Override
        void evaluate(MachineFacts facts, VerdictSheet sheet) {
            List<Setting> legacy = settings(facts, "shadow", "legacy-entry");
            for (Setting s : legacy) {
                fail(sheet, "/etc/shadow entry " + s.value());
            }
            if (legacy.isEmpty() && !settings(facts, "shadow", "read-on").isEmpty()) {
                pass(sheet, "no legacy + entries");
            }
        }
    }

    /** 156.3: no legacy + entries in /etc/group. */
    private static final class NoLegacyGroupEntries extends AccountsCheck {
        @Override
        void evaluate(MachineFacts facts, VerdictSheet sheet) {
            List<Setting> legacy = settings(facts, "group", "legacy-entry");
            for (Setting s : legacy) {
                fail(sheet, s.value());
            }
            if (!facts.groups.isEmpty() && legacy.isEmpty()) {
                pass(sheet, "no legacy + entries");
            }
        }
    }

    /**
     * 157.15: every account with a UID from 1 to below UID_MIN (login.defs, 1000 when it sets no number) has a
     * nologin or false shell; sync, shutdown and halt are left alone.
     */
    private static final class SystemAccountsNonLogin extends AccountsCheck {
        private static final Pattern NUMBER = Pattern.compile("\\s*\\d{1,9}\\s*");
        private static final Pattern NON_LOGIN = Pattern.compile(".*/(nologin|false)");
        private static final Set<String> SPECIAL = Set.of("sync", "shutdown", "halt");

        @Override
        void evaluate(MachineFacts facts, VerdictSheet sheet) {
            List<Setting> uidMin = settings(facts, "login.defs", "UID_MIN").stream()
                    .filter(s -> NUMBER.matcher(s.value()).matches()).toList();
            for (UserAccount u : facts.accounts) {
                if (u.uid() <= 0 || SPECIAL.contains(u.name()) || NON_LOGIN.matcher(u.shell()).matches()) {
                    continue;
                }
                boolean system = uidMin.isEmpty() ? u.uid() < 1000
                        // one verdict per UID_MIN setting in the DRL; the same text, so any one of them will do
                        : uidMin.stream().anyMatch(s -> u.uid() < Integer.parseInt(s.value().strip()));
                if (system) {
                    fail(sheet, u.name() + " (UID " + u.uid() + ") has shell '" + u.shell() + "'");
                }
            }
            if (!facts.accounts.isEmpty()) {
                pass(sheet, "every system account has a non-login shell");
            }
        }
    }

    /** 157.16: root's primary GID is 0. */
    private static final class RootPrimaryGroup extends AccountsCheck {
        @Override
        void evaluate(MachineFacts facts, VerdictSheet sheet) {
            boolean root = false;
            for (UserAccount u : facts.accounts) {
                if (u.name().equals("root")) {
                    check(sheet, u.gid() == 0, "root's primary GID is " + u.gid());
                    root = true;
                }
            }
            if (!facts.accounts.isEmpty() && !root) {
                fail(sheet, "no root account");
            }
        }
    }

    /** 159: no account named games or test. */
    private static final class NoGamesOrTestAccount extends AccountsCheck {
        @Override
        void evaluate(MachineFacts facts, VerdictSheet sheet) {
            for (UserAccount u : facts.accounts) {
                if (u.name().equals("games") || u.name().equals("test")) {
                    fail(sheet, u.name() + " account exists");
                }
            }
            if (!facts.accounts.isEmpty()) {
                pass(sheet, "no games or test account");
            }
        }
    }

    /** 33: root's password is not empty (locked passes); an unreadable state is UNKNOWN. */
    private static final class RootPasswordSet extends AccountsCheck {
        @Override
        void evaluate(MachineFacts facts, VerdictSheet sheet) {
            boolean root = false;
            for (UserAccount u : facts.accounts) {
                if (!u.name().equals("root")) {
                    continue;
                }
                root = true;
                switch (u.password()) {
                    case EMPTY -> fail(sheet, "root's password is empty");
                    case SET -> pass(sheet, "root has a password");
                    case LOCKED, NO_PASSWORD -> pass(sheet, "root's password is locked");
                    case UNKNOWN -> unknown(sheet, "root's password state could not be read from /etc/shadow");
                }
            }
            if (!facts.accounts.isEmpty() && !root) {
                fail(sheet, "no root account");
            }
        }
    }
}
