package io.osbaseline.local.linux;

import java.util.ArrayList;
import java.util.List;

/**
 * What the Linux collectors read, as capture instructions for a script that collects the same evidence on a remote
 * machine ({@code io.osbaseline.local.evidence}). Built from the collectors' own constants, so that a path or key
 * added to a collector is captured too; a new collector adds its inputs here.
 *
 * <p>The verbs (the script implements each one; a symbolic link met on the way is captured and followed inside the
 * root, and a path that does not exist is recorded as absent):
 *
 * <ul>
 *   <li>{@code read PATH}: the file with its content.
 *   <li>{@code config PATH}: a configuration file whose collector ignores comment lines: its content with every line
 *       that starts with {@code #} (after blanks) emptied, unless the line before it continues onto it (ends with
 *       a backslash). Line numbers, and what the collector derives, stay the same.
 *   <li>{@code stat PATH}: the entry's kind, mode and owner, without content.
 *   <li>{@code redact PATH}: a passwd-style file (passwd, group, shadow, gshadow) whose second field, the password,
 *       is replaced by a marker of the same {@link io.osbaseline.model.fact.PasswordState}.
 *   <li>{@code dpkg-status PATH}: the dpkg status database reduced to the fields the packages collector reads.
 *   <li>{@code list DIR MODE GLOB...}: every entry of the directory, by name and kind; the entries
 *       matching one of the globs are captured by {@code MODE}: {@code read}, {@code config}, {@code unit} (a
 *       systemd unit file reduced to its section headers and its {@code [Install]} section) or {@code dirs} (a
 *       directory, itself listed).
 *   <li>{@code sshd PATH BASE}: an sshd configuration file and, recursively, the files its {@code Include}
 *       directives name (relative to {@code BASE}).
 *   <li>{@code sysctl-key KEY}, {@code sysctl-source PATH}, {@code sysctl-runtime DIR}: the runtime value under
 *       {@code DIR} of every key listed and every key that the configuration files or directories name.
 *   <li>{@code runtime PATH}: a file of the running kernel (/proc), copied as it reads.
 *   <li>{@code command PROGRAM ARG...}: the program's output and exit code, when the machine has it.
 *   <li>{@code homes PASSWD}: the home directory of every account and the entries in it whose names start with a
 *       dot: names, kinds, modes and owners, never content.
 *   <li>{@code grub PATH}: a GRUB configuration (or {@code user.cfg}) with every password hash and plain-text
 *       password replaced by a marker of the same form; variable references kept.
 *   <li>{@code netconf PATH}: a network configuration file (ifupdown, rc.local) reduced to the lines that source
 *       other files or mention {@code promisc} or {@code ipv4ll}, line numbers kept; {@code list DIR netconf GLOB}
 *       does the same for a directory.
 *   <li>{@code netdev DIR}: the interfaces under {@code /sys/class/net}: each one's {@code flags} and whether it
 *       has a {@code wireless} or {@code phy80211} entry.
 * </ul>
 */
public final class CollectorInputs {
    private static final List<String> SSHD_ENVIRONMENT_FILES = List.of(
            "/etc/crypto-policies/back-ends/opensshserver.config", "/etc/sysconfig/sshd", "/etc/default/ssh");

    private CollectorInputs() {
    }

    /**
     * One instruction.
     *
     * @param verb what to capture (see the class comment)
     * @param args its arguments: absolute paths, names, globs or command arguments, none holding white space
     */
    public record Input(String verb, List<String> args) {
        public Input {
            args = List.copyOf(args);
            for (String a : args) {
                if (a.isEmpty() || a.chars().anyMatch(Character::isWhitespace)) {
                    throw new IllegalArgumentException("argument of " + verb + " is empty or holds white space: '"
                            + a + "'");
                }
            }
        }
    }

    /** Every input of every collector, in the order the collectors run. */
    public static List<Input> all() {
        List<Input> in = new ArrayList<>();
        OsReleaseCollector.PATHS.forEach(p -> in.add(input("read", p)));
        FileInfoCollector.BASELINE_PATHS.forEach(p -> in.add(input("stat", p)));
        FileLinesCollector.PATHS.forEach(p -> in.add(input("read", p)));
        in.add(input("config", LoginDefsCollector.PATH));
        in.add(input("list", PamCollector.DIR, "config", "*"));
        in.add(input("config", PamCollector.CONF));
        for (String f : List.of(PamCollector.PWQUALITY, PamCollector.FAILLOCK, PamCollector.PWHISTORY)) {
            in.add(input("config", f));
        }
        in.add(input("list", PamCollector.PWQUALITY + ".d", "config", "*.conf"));
        in.add(input("sshd", SshdCollector.MAIN, SshdCollector.SSH_DIR));
        in.add(input("sshd", SshdCollector.VENDOR_MAIN, "/usr/etc/ssh"));
        for (String unit : SshdCollector.UNITS) {
            SshdCollector.UNIT_DIRS.forEach(dir -> in.add(input("read", dir + "/" + unit)));
        }
        // The EnvironmentFiles that sshd units of the supported distributions name (the collector reads the ones its
        // unit names; one named elsewhere is a gap).
        SSHD_ENVIRONMENT_FILES.forEach(f -> in.add(input("read", f)));

        for (String dir : SysctlCollector.CONF_DIRS) {
            in.add(input("list", dir, "config", "*.conf"));
            in.add(input("sysctl-source", dir));
        }
        in.add(input("config", SysctlCollector.SYSCTL_CONF));
        in.add(input("sysctl-source", SysctlCollector.SYSCTL_CONF));
        SysctlCollector.BASELINE_KEYS.forEach(k -> in.add(input("sysctl-key", k)));
        in.add(input("sysctl-runtime", SysctlCollector.PROC_SYS));

        in.add(input("dpkg-status", PackagesCollector.DPKG_STATUS));
        for (String dir : PackagesCollector.RPM_DB_DIRS) {
            PackagesCollector.RPM_DB_FILES.forEach(f -> in.add(input("stat", dir + "/" + f)));
        }
        in.add(command("rpm", PackagesCollector.RPM_QUERY));

        List<String> unitGlobs = ServicesCollector.SUFFIXES.stream().map(s -> "*" + s).toList();
        for (String dir : ServicesCollector.UNIT_DIRS) {
            List<String> args = new ArrayList<>(List.of(dir, "unit"));
            args.addAll(unitGlobs);
            in.add(new Input("list", args));
        }
        in.add(input("list", ServicesCollector.ETC, "dirs", "*.wants", "*.requires"));
        in.add(command("systemctl", ServicesCollector.LIST_UNITS));

        in.add(input("config", MountsCollector.FSTAB));
        in.add(input("runtime", MountsCollector.PROC_MOUNTS));
        for (String dir : KernelModulesCollector.CONF_DIRS) {
            in.add(input("list", dir, "config", "*.conf"));
        }
        in.add(input("runtime", KernelModulesCollector.PROC_MODULES));

        in.add(input("redact", AccountsCollector.PASSWD));
        in.add(input("redact", AccountsCollector.SHADOW));
        in.add(input("redact", AccountsCollector.GROUP));
        in.add(input("homes", AccountsCollector.PASSWD));

        in.add(input("read", RootPathCollector.ENVIRONMENT));
        RootPathCollector.SYSTEM_FILES.forEach(f -> in.add(input("read", f)));
        in.add(input("list", RootPathCollector.PROFILE_D, "read", "*.sh"));
        // root's startup files, in the usual home; a root whose home is elsewhere in /etc/passwd shows as a gap
        RootPathCollector.ROOT_FILES.forEach(f -> in.add(input("read", "/root/" + f)));

        in.add(input("runtime", KernelCollector.OSRELEASE));
        in.add(input("runtime", KernelCollector.VERSION));
        in.add(input("runtime", KernelCollector.CPUINFO));
        in.add(input("netdev", InterfacesCollector.SYS_CLASS_NET));
        in.add(command("iptables", List.of("-S")));
        FirewallCollector.SAVED_RULES.forEach(f -> in.add(input("read", f)));
        in.add(input("netconf", NetworkConfigCollector.INTERFACES));
        // the usual target of the interfaces file's source lines; others are gaps
        in.add(input("list", NetworkConfigCollector.INTERFACES + ".d", "netconf", "*"));
        in.add(input("netconf", NetworkConfigCollector.RC_LOCAL));
        in.add(input("config", NetworkConfigCollector.SYSCONFIG_NETWORK));
        in.add(input("config", LoggingCollector.RSYSLOG_CONF));
        in.add(input("list", "/etc/rsyslog.d", "config", "*.conf"));
        in.add(input("config", LoggingCollector.SYSLOG_NG_CONF));
        in.add(input("list", "/etc/syslog-ng/conf.d", "config", "*.conf"));
        for (String dir : LoggingCollector.JOURNALD_DIRS) {
            in.add(input("config", dir + "/journald.conf"));
            in.add(input("list", dir + "/journald.conf.d", "config", "*.conf"));
        }
        in.add(input("list", LoggingCollector.VAR_LOG, "stat", "*"));
        in.add(input("config", LimitsCollector.LIMITS_CONF));
        in.add(input("list", LimitsCollector.LIMITS_D, "config", "*.conf"));
        for (String cfg : GrubCollector.CONFIGS) {
            in.add(input("grub", cfg));
            in.add(input("grub", cfg.substring(0, cfg.lastIndexOf('/')) + "/user.cfg"));
        }
        in.add(input("config", PostfixCollector.MAIN_CF));
        in.add(input("config", SambaCollector.SMB_CONF));
        return List.copyOf(in);
    }

    private static Input input(String verb, String... args) {
        return new Input(verb, List.of(args));
    }

    private static Input command(String program, List<String> args) {
        List<String> all = new ArrayList<>(List.of(program));
        all.addAll(args);
        return new Input("command", all);
    }
}
