package io.osbaseline.model.fact;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A registry value, from a {@code reg export} file, a Group Policy {@code Registry.pol} or the
 * {@code [Registry Values]} of a security template.
 *
 * <p>Windows compares key paths and value names ignoring case, and the sources spell them differently
 * ({@code HKEY_LOCAL_MACHINE\SOFTWARE}, {@code MACHINE\Software} in INF files, no hive at all in Registry.pol).
 * This record holds one canonical spelling, so that rules match with a plain {@code ==}: the hive abbreviated and
 * upper-case ({@code HKLM}, {@code HKCU}, {@code HKU}, {@code HKCR}), the rest of the path and the value name in
 * lower case, single backslashes, no leading or trailing backslash:
 * {@code RegistryValue( path == "HKLM\\software\\policies\\microsoft\\windows\\system", name == "enablesmartscreen" )}.
 *
 * @param path the key, canonical (see {@link #canonicalPath})
 * @param name the value name, lower case; empty for the key's default value
 * @param valueType the value's type (named so that it does not clash with the fact's {@code type} in JSON)
 * @param data the value: decimal for DWORD and QWORD, the text for strings, the items joined with {@code \n} for
 *     REG_MULTI_SZ, lower-case hex digits for binary and other types
 * @param source the file (and line or entry) it was read from
 */
public record RegistryValue(String path, String name, RegistryValueType valueType, String data, String source)
        implements Fact {

    public RegistryValue {
        path = canonicalPath(Objects.requireNonNull(path, "path"));
        name = Objects.requireNonNull(name, "name").toLowerCase(Locale.ROOT);
        Objects.requireNonNull(valueType, "valueType");
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(source, "source");
    }

    /**
     * The canonical spelling of a key path: {@code HKEY_LOCAL_MACHINE\...}, {@code HKLM:\...}, {@code HKLM\...} and
     * {@code MACHINE\...} (security templates) all become {@code HKLM\...}; likewise {@code HKCU}, {@code HKU},
     * {@code HKCR}. The rest is lower case. A path with no known hive keeps its first component, lower case.
     */
    public static String canonicalPath(String path) {
        String p = path.strip().replace('/', '\\');
        while (p.contains("\\\\")) {
            p = p.replace("\\\\", "\\");
        }
        while (p.startsWith("\\")) {
            p = p.substring(1);
        }
        while (p.endsWith("\\")) {
            p = p.substring(0, p.length() - 1);
        }
        int cut = p.indexOf('\\');
        String first = (cut < 0 ? p : p.substring(0, cut)).toUpperCase(Locale.ROOT);
        String rest = cut < 0 ? "" : p.substring(cut).toLowerCase(Locale.ROOT);
        if (first.endsWith(":")) {
            first = first.substring(0, first.length() - 1);
        }
        String hive = switch (first) {
            case "HKEY_LOCAL_MACHINE", "HKLM", "MACHINE" -> "HKLM";
            case "HKEY_CURRENT_USER", "HKCU", "USER" -> "HKCU";
            case "HKEY_USERS", "HKU" -> "HKU";
            case "HKEY_CLASSES_ROOT", "HKCR" -> "HKCR";
            case "HKEY_CURRENT_CONFIG", "HKCC" -> "HKCC";
            default -> first.toLowerCase(Locale.ROOT);
        };
        return hive + rest;
    }

    /** The items of a REG_MULTI_SZ value; for other types, the data as the only item. */
    public List<String> items() {
        if (valueType != RegistryValueType.MULTI_SZ) {
            return List.of(data);
        }
        return data.isEmpty() ? List.of() : List.of(data.split("\n", -1));
    }

    /** The value as reports show it: REG_MULTI_SZ items joined with {@code ", "}, an empty string as {@code ""}. */
    public String display() {
        if (valueType == RegistryValueType.MULTI_SZ) {
            return data.isEmpty() ? "(empty)" : String.join(", ", items());
        }
        return data.isEmpty() ? "\"\"" : data;
    }
}
