package io.osbaseline.model.fact;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The well-known security identifiers that user-rights policies name, with their English names, so that
 * {@code *S-1-5-32-544}, {@code Administrators} and {@code BUILTIN\Administrators} compare equal. Names are matched
 * ignoring case, with or without their authority prefix ({@code BUILTIN\}, {@code NT AUTHORITY\}). Localized names
 * ({@code Gast}, {@code Administratoren}) and domain or local accounts are not resolved: they stay as written.
 */
public final class WellKnownSids {
    private static final Pattern SID = Pattern.compile("(?i)\\*?(S-1-\\d+(?:-\\d+)*)");
    private static final Pattern DOMAIN_RID = Pattern.compile("S-1-5-21-\\d+-\\d+-\\d+-(\\d+)");

    /** Authorities whose accounts are known only by their qualified name, such as {@code NT SERVICE\WdiServiceHost}. */
    private static final Set<String> QUALIFIED = Set.of("NT SERVICE", "IIS APPPOOL",
            "NT VIRTUAL MACHINE", "Window Manager");

    private static final Map<String, String> NAMES = new LinkedHashMap<>();
    private static final Map<String, String> BY_NAME = new LinkedHashMap<>();

    static {
        add("S-1-0-0", "Nobody");
        add("S-1-1-0", "Everyone");
        add("S-1-2-0", "LOCAL");
        add("S-1-2-1", "CONSOLE LOGON");
        add("S-1-3-0", "CREATOR OWNER");
        add("S-1-3-1", "CREATOR GROUP");
        add("S-1-5-1", "DIALUP", "NT AUTHORITY");
        add("S-1-5-2", "NETWORK", "NT AUTHORITY");
        add("S-1-5-3", "BATCH", "NT AUTHORITY");
        add("S-1-5-4", "INTERACTIVE", "NT AUTHORITY");
        add("S-1-5-6", "SERVICE", "NT AUTHORITY");
        add("S-1-5-7", "ANONYMOUS LOGON", "NT AUTHORITY");
        add("S-1-5-9", "ENTERPRISE DOMAIN CONTROLLERS", "NT AUTHORITY");
        add("S-1-5-10", "SELF", "NT AUTHORITY");
        add("S-1-5-11", "Authenticated Users", "NT AUTHORITY");
        add("S-1-5-12", "RESTRICTED", "NT AUTHORITY");
        add("S-1-5-13", "TERMINAL SERVER USER", "NT AUTHORITY");
        add("S-1-5-14", "REMOTE INTERACTIVE LOGON", "NT AUTHORITY");
        add("S-1-5-15", "This Organization", "NT AUTHORITY");
        add("S-1-5-17", "IUSR", "NT AUTHORITY");
        add("S-1-5-18", "SYSTEM", "NT AUTHORITY", "Local System");
        add("S-1-5-19", "LOCAL SERVICE", "NT AUTHORITY");
        add("S-1-5-20", "NETWORK SERVICE", "NT AUTHORITY");
        add("S-1-5-32-544", "Administrators", "BUILTIN");
        add("S-1-5-32-545", "Users", "BUILTIN");
        add("S-1-5-32-546", "Guests", "BUILTIN");
        add("S-1-5-32-547", "Power Users", "BUILTIN");
        add("S-1-5-32-548", "Account Operators", "BUILTIN");
        add("S-1-5-32-549", "Server Operators", "BUILTIN");
        add("S-1-5-32-550", "Print Operators", "BUILTIN");
        add("S-1-5-32-551", "Backup Operators", "BUILTIN");
        add("S-1-5-32-552", "Replicator", "BUILTIN");
        add("S-1-5-32-554", "Pre-Windows 2000 Compatible Access", "BUILTIN");
        add("S-1-5-32-555", "Remote Desktop Users", "BUILTIN");
        add("S-1-5-32-556", "Network Configuration Operators", "BUILTIN");
        add("S-1-5-32-558", "Performance Monitor Users", "BUILTIN");
        add("S-1-5-32-559", "Performance Log Users", "BUILTIN");
        add("S-1-5-32-562", "Distributed COM Users", "BUILTIN");
        add("S-1-5-32-568", "IIS_IUSRS", "BUILTIN");
        add("S-1-5-32-569", "Cryptographic Operators", "BUILTIN");
        add("S-1-5-32-573", "Event Log Readers", "BUILTIN");
        add("S-1-5-32-578", "Hyper-V Administrators", "BUILTIN");
        add("S-1-5-32-579", "Access Control Assistance Operators", "BUILTIN");
        add("S-1-5-32-580", "Remote Management Users", "BUILTIN");
        add("S-1-5-64-10", "NTLM Authentication", "NT AUTHORITY");
        add("S-1-5-80-0", "ALL SERVICES", "NT SERVICE");
        add("S-1-5-80-3139157870-2983391045-3678747466-658725712-1809340420", "WdiServiceHost", "NT SERVICE");
        add("S-1-5-82-3006700770-424185619-1745488364-794895919-4004696415", "DefaultAppPool", "IIS APPPOOL");
        add("S-1-5-83-0", "Virtual Machines", "NT VIRTUAL MACHINE");
        add("S-1-5-90-0", "Window Manager Group", "Window Manager");
        add("S-1-5-113", "Local account", "NT AUTHORITY");
        add("S-1-5-114", "Local account and member of Administrators group", "NT AUTHORITY");
        add("S-1-15-2-1", "ALL APPLICATION PACKAGES", "APPLICATION PACKAGE AUTHORITY");
    }

    private WellKnownSids() {
    }

    private static void add(String sid, String name, String... prefixesAndAliases) {
        boolean qualified = prefixesAndAliases.length > 0 && QUALIFIED.contains(prefixesAndAliases[0]);
        NAMES.put(sid, qualified ? prefixesAndAliases[0] + "\\" + name : name);
        BY_NAME.put(name.toLowerCase(Locale.ROOT), sid);
        if (prefixesAndAliases.length > 0) {
            BY_NAME.put((prefixesAndAliases[0] + "\\" + name).toLowerCase(Locale.ROOT), sid);
            for (int i = 1; i < prefixesAndAliases.length; i++) {
                BY_NAME.put(prefixesAndAliases[i].toLowerCase(Locale.ROOT), sid);
            }
        }
    }

    /**
     * The canonical form of a principal as policies write it: a SID ({@code *S-1-5-32-544} or {@code S-1-5-32-544})
     * upper-cased without the star; a well-known name as its SID; anything else trimmed, as written.
     */
    public static String canonical(String principal) {
        String p = principal.strip();
        Matcher m = SID.matcher(p);
        if (m.matches()) {
            return m.group(1).toUpperCase(Locale.ROOT);
        }
        String sid = BY_NAME.get(p.toLowerCase(Locale.ROOT));
        return sid != null ? sid : p;
    }

    /** The English name of a canonical principal: the name of a well-known SID, else the principal itself. */
    public static String displayName(String canonical) {
        String name = NAMES.get(canonical);
        if (name != null) {
            return name;
        }
        Matcher m = DOMAIN_RID.matcher(canonical);
        if (m.matches()) {
            String rid = switch (m.group(1)) {
                case "500" -> "Administrator";
                case "501" -> "Guest";
                case "512" -> "Domain Admins";
                case "513" -> "Domain Users";
                case "514" -> "Domain Guests";
                case "515" -> "Domain Computers";
                case "516" -> "Domain Controllers";
                case "518" -> "Schema Admins";
                case "519" -> "Enterprise Admins";
                default -> null;
            };
            if (rid != null) {
                return rid + " (" + canonical + ")";
            }
        }
        return canonical;
    }

    /** Whether {@link #canonical} resolves {@code principal} to a SID. */
    public static boolean isSid(String canonical) {
        return SID.matcher(canonical).matches();
    }
}
