package io.osbaseline.local.windows;

import io.osbaseline.model.fact.RegistryValue;
import io.osbaseline.model.fact.RegistryValueType;
import io.osbaseline.model.fact.SecurityPolicy;
import io.osbaseline.model.fact.UserRight;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads a security template: the {@code GptTmpl.inf} of a GPO, or what {@code secedit /export /cfg FILE} writes
 * (UTF-16LE with a byte order mark, or UTF-8). {@code [System Access]}, {@code [Event Audit]},
 * {@code [Kerberos Policy]} and {@code [System Log]}-like key = value sections become {@link SecurityPolicy} facts,
 * {@code [Registry Values]} ({@code MACHINE\path\name=type,data}) {@link RegistryValue} facts and
 * {@code [Privilege Rights]} {@link UserRight} facts.
 *
 * <p>{@code secedit /export} leaves out the rights nobody holds. For such an export of a machine's effective policy
 * ({@code effective}), every right of {@link #RIGHTS} the file does not list is recorded as held by no one; a GPO's
 * template only holds what it configures, so there the absence says nothing.
 */
public final class SecurityTemplateReader {
    /** Every user right Windows Server knows. */
    public static final List<String> RIGHTS = List.of("SeAssignPrimaryTokenPrivilege", "SeAuditPrivilege",
            "SeBackupPrivilege", "SeBatchLogonRight", "SeChangeNotifyPrivilege", "SeCreateGlobalPrivilege",
            "SeCreatePagefilePrivilege", "SeCreatePermanentPrivilege", "SeCreateSymbolicLinkPrivilege",
            "SeCreateTokenPrivilege", "SeDebugPrivilege", "SeDelegateSessionUserImpersonatePrivilege",
            "SeDenyBatchLogonRight", "SeDenyInteractiveLogonRight", "SeDenyNetworkLogonRight",
            "SeDenyRemoteInteractiveLogonRight", "SeDenyServiceLogonRight", "SeEnableDelegationPrivilege",
            "SeImpersonatePrivilege", "SeIncreaseBasePriorityPrivilege", "SeIncreaseQuotaPrivilege",
            "SeIncreaseWorkingSetPrivilege", "SeInteractiveLogonRight", "SeLoadDriverPrivilege",
            "SeLockMemoryPrivilege", "SeMachineAccountPrivilege", "SeManageVolumePrivilege", "SeNetworkLogonRight",
            "SeProfileSingleProcessPrivilege", "SeRelabelPrivilege", "SeRemoteInteractiveLogonRight",
            "SeRemoteShutdownPrivilege", "SeRestorePrivilege", "SeSecurityPrivilege", "SeServiceLogonRight",
            "SeShutdownPrivilege", "SeSyncAgentPrivilege", "SeSystemEnvironmentPrivilege",
            "SeSystemProfilePrivilege", "SeSystemtimePrivilege", "SeTakeOwnershipPrivilege", "SeTcbPrivilege",
            "SeTimeZonePrivilege", "SeTrustedCredManAccessPrivilege", "SeUndockPrivilege");

    /** Sections whose lines are not key = value pairs; they hold nothing the baseline reads and are skipped. */
    private static final Set<String> SKIPPED = Set.of("unicode", "version", "registry keys", "file security",
            "service general setting", "group membership", "profile description", "strings");

    private SecurityTemplateReader() {
    }

    /**
     * Reads one template.
     *
     * @param file the file's name as problems and sources show it
     * @param bytes its content
     * @param effective whether it is an export of a machine's effective policy, where an unlisted right is held by
     *     no one
     */
    public static void read(String file, byte[] bytes, boolean effective, ExportSink sink) {
        List<String> lines = ExportText.lines(ExportText.decode(bytes));
        String section = null;
        boolean sawRights = false;
        Set<String> rightsSeen = new HashSet<>();
        for (int i = 0; i < lines.size(); i++) {
            int lineNo = i + 1;
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith(";")) {
                continue;
            }
            if (line.startsWith("[")) {
                if (!line.endsWith("]")) {
                    sink.problem(WindowsCollectors.SECURITY_POLICY, new ExportProblem(file, lineNo,
                            "a section header must end with ']': " + line));
                    section = null;
                    continue;
                }
                section = line.substring(1, line.length() - 1).strip();
                String lower = section.toLowerCase(Locale.ROOT);
                if (lower.equals("privilege rights")) {
                    sawRights = true;
                    sink.source(WindowsCollectors.USER_RIGHTS, file);
                } else if (lower.equals("registry values")) {
                    sink.source(WindowsCollectors.REGISTRY, file);
                } else if (!SKIPPED.contains(lower)) {
                    sink.source(WindowsCollectors.SECURITY_POLICY, file);
                }
                continue;
            }
            if (section == null) {
                sink.problem(WindowsCollectors.SECURITY_POLICY, new ExportProblem(file, lineNo,
                        "a line outside any [section]: " + line));
                continue;
            }
            String lower = section.toLowerCase(Locale.ROOT);
            if (SKIPPED.contains(lower)) {
                continue;
            }
            String where = file + ":" + lineNo;
            int eq = line.indexOf('=');
            switch (lower) {
                case "registry values" -> {
                    if (eq <= 0) {
                        sink.problem(WindowsCollectors.REGISTRY, new ExportProblem(file, lineNo,
                                "expected MACHINE\\key\\value=type,data in [Registry Values], got: " + line));
                    } else {
                        registryValue(file, lineNo, line.substring(0, eq).strip(), line.substring(eq + 1), sink);
                    }
                }
                case "privilege rights" -> {
                    if (eq <= 0) {
                        sink.problem(WindowsCollectors.USER_RIGHTS, new ExportProblem(file, lineNo,
                                "expected Right = principal,principal in [Privilege Rights], got: " + line));
                    } else {
                        String right = line.substring(0, eq).strip();
                        List<String> principals = Arrays.stream(line.substring(eq + 1).split(","))
                                .map(String::strip).filter(p -> !p.isEmpty()).toList();
                        rightsSeen.add(right.toLowerCase(Locale.ROOT));
                        sink.add(WindowsCollectors.USER_RIGHTS, new UserRight(right, principals, where));
                    }
                }
                default -> {
                    if (eq <= 0) {
                        sink.problem(WindowsCollectors.SECURITY_POLICY, new ExportProblem(file, lineNo,
                                "expected Key = value in [" + section + "], got: " + line));
                    } else {
                        sink.add(WindowsCollectors.SECURITY_POLICY, new SecurityPolicy(section,
                                line.substring(0, eq).strip(), unquote(line.substring(eq + 1).strip()), where));
                    }
                }
            }
        }
        if (effective && sawRights) {
            for (String right : RIGHTS) {
                if (!rightsSeen.contains(right.toLowerCase(Locale.ROOT))) {
                    sink.add(WindowsCollectors.USER_RIGHTS, new UserRight(right, List.of(),
                            file + ": not listed, so held by no one"));
                }
            }
        }
    }

    private static void registryValue(String file, int lineNo, String target, String value, ExportSink sink) {
        int cut = target.lastIndexOf('\\');
        int comma = value.indexOf(',');
        String typeText = (comma < 0 ? value : value.substring(0, comma)).strip();
        String data = comma < 0 ? "" : value.substring(comma + 1);
        RegistryValueType type;
        try {
            type = RegistryValueType.ofCode(Long.parseLong(typeText));
        } catch (NumberFormatException e) {
            type = null;
        }
        if (cut <= 0 || type == null) {
            sink.problem(WindowsCollectors.REGISTRY, new ExportProblem(file, lineNo, cut <= 0
                    ? "the registry target must be MACHINE\\key\\value, got: " + target
                    : "the value must start with a registry type number (1 string, 4 DWORD, 7 multi-string, ...),"
                            + " got: " + value));
            return;
        }
        String text;
        switch (type) {
            case DWORD, QWORD -> {
                String d = data.strip();
                try {
                    text = Long.toUnsignedString(Long.parseUnsignedLong(d));
                } catch (NumberFormatException e) {
                    sink.problem(WindowsCollectors.REGISTRY, new ExportProblem(file, lineNo,
                            "a " + type + " value must be a decimal number, got: " + d));
                    return;
                }
            }
            case MULTI_SZ -> text = String.join("\n", multiString(data));
            case SZ, EXPAND_SZ -> text = unquote(data.strip());
            default -> text = data.strip().toLowerCase(Locale.ROOT);
        }
        sink.add(WindowsCollectors.REGISTRY, new RegistryValue(target.substring(0, cut), target.substring(cut + 1),
                type, text, file + ":" + lineNo));
    }

    /** Items separated by commas; a quoted part keeps its commas ({@code a"," b} is the one item {@code a, b}). */
    static List<String> multiString(String data) {
        List<String> items = new ArrayList<>();
        StringBuilder item = new StringBuilder();
        boolean quoted = false;
        for (char c : data.toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
            } else if (c == ',' && !quoted) {
                items.add(item.toString());
                item.setLength(0);
            } else {
                item.append(c);
            }
        }
        items.add(item.toString());
        if (items.size() == 1 && items.get(0).isBlank()) {
            return List.of();
        }
        return items;
    }

    private static String unquote(String s) {
        return s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"") ? s.substring(1, s.length() - 1) : s;
    }
}
