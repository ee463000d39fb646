package io.osbaseline.drl.windows;

import io.osbaseline.model.ConfigurationSnapshot;
import io.osbaseline.model.Machine;
import io.osbaseline.provider.Provider;
import io.osbaseline.provider.Providers;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * A collector bundle, as {@code osbaseline-collect.ps1} writes it, built file by file in a temporary folder: the
 * manifest, a secedit export (UTF-16LE with a byte order mark), an auditpol backup (CSV) and one
 * {@code reg export} file (version 5, UTF-16LE) holding every captured key. {@link #snapshot} reads it back through the real
 * {@code windows-export} provider.
 */
final class WindowsBundle {
    /** A registry value: its type as regedit writes it ({@code dword}, {@code sz}, {@code multi}) and its data. */
    record Value(String type, String data) {
    }

    private final Path dir;
    private final Map<String, Map<String, Value>> registry = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    private final Map<String, String> systemAccess = new LinkedHashMap<>();
    private final Map<String, List<String>> rights = new LinkedHashMap<>();
    private final Map<String, String[]> audit = new LinkedHashMap<>();
    private final Map<String, String> device = new LinkedHashMap<>();
    private int domainRole = 2;
    private String osName = "Microsoft Windows Server 2022 Datacenter";

    WindowsBundle(Path dir) {
        this.dir = dir;
    }

    WindowsBundle dword(String key, String name, long value) {
        return value(key, name, new Value("dword", Long.toString(value)));
    }

    WindowsBundle string(String key, String name, String value) {
        return value(key, name, new Value("sz", value));
    }

    WindowsBundle multi(String key, String name, List<String> items) {
        return value(key, name, new Value("multi", String.join("\n", items)));
    }

    WindowsBundle value(String key, String name, Value value) {
        registry.computeIfAbsent(key, k -> new TreeMap<>(String.CASE_INSENSITIVE_ORDER)).put(name, value);
        return this;
    }

    WindowsBundle delete(String key, String name) {
        registry.computeIfAbsent(key, k -> new TreeMap<>(String.CASE_INSENSITIVE_ORDER)).remove(name);
        return this;
    }

    WindowsBundle systemAccess(String key, String value) {
        systemAccess.put(key, value);
        return this;
    }

    /** Grants a right to principals as secedit writes them ({@code *S-1-5-32-544}, or a name). */
    WindowsBundle right(String right, List<String> principals) {
        rights.put(right, principals);
        return this;
    }

    /** Sets a subcategory's audit setting: 0 none, 1 success, 2 failure, 3 both. */
    WindowsBundle audit(String guid, String subcategory, int code) {
        audit.put(guid, new String[] {subcategory, Integer.toString(code)});
        return this;
    }

    WindowsBundle noAudit(String guid) {
        audit.remove(guid);
        return this;
    }

    WindowsBundle device(String key, String value) {
        device.put(key, value);
        return this;
    }

    /** The machine's Win32_ComputerSystem.DomainRole: 1 workgroup, 3 member, 5 domain controller. */
    WindowsBundle domainRole(int role) {
        this.domainRole = role;
        return this;
    }

    WindowsBundle osName(String name) {
        this.osName = name;
        return this;
    }

    /** Writes the bundle and reads it back through the {@code windows-export} provider. */
    ConfigurationSnapshot snapshot() {
        try {
            write();
            try (Provider p = Providers.create("windows-export", Map.of("path", dir.toString()))) {
                Machine m = p.machines().findFirst().orElseThrow();
                return p.collect(m);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private void write() throws IOException {
        StringBuilder inf = new StringBuilder("[Unicode]\r\nUnicode=yes\r\n[System Access]\r\n");
        systemAccess.forEach((k, v) -> inf.append(k).append(" = ").append(v).append("\r\n"));
        inf.append("[Event Audit]\r\nAuditSystemEvents = 0\r\n[Privilege Rights]\r\n");
        rights.forEach((r, ps) -> inf.append(r).append(" = ").append(String.join(",", ps)).append("\r\n"));
        inf.append("[Version]\r\nsignature=\"$CHICAGO$\"\r\nRevision=1\r\n");
        Files.write(dir.resolve("secedit.inf"), utf16le(inf.toString()));

        StringBuilder csv = new StringBuilder("Machine Name,Policy Target,Subcategory,Subcategory GUID,"
                + "Inclusion Setting,Exclusion Setting,Setting Value\r\n");
        audit.forEach((guid, s) -> csv.append("WIN-TEST,System,").append(s[0]).append(',').append(guid).append(',')
                .append(List.of("No Auditing", "Success", "Failure", "Success and Failure").get(Integer.parseInt(s[1])))
                .append(",,").append(s[1]).append("\r\n"));
        Files.writeString(dir.resolve("auditpol.csv"), csv.toString(), StandardCharsets.US_ASCII);

        StringBuilder reg = new StringBuilder("Windows Registry Editor Version 5.00\r\n\r\n");
        List<String> keys = new ArrayList<>();
        for (Map.Entry<String, Map<String, Value>> k : registry.entrySet()) {
            reg.append('[').append(k.getKey().replaceFirst("^HKLM", "HKEY_LOCAL_MACHINE")).append("]\r\n");
            k.getValue().forEach((name, v) -> reg.append(regLine(name, v)).append("\r\n"));
            reg.append("\r\n");
            keys.add("{\"key\": " + json(k.getKey()) + ", \"file\": \"registry.reg\", \"exists\": true}");
        }
        Files.write(dir.resolve("registry.reg"), utf16le(reg.toString()));
        StringBuilder dev = new StringBuilder();
        device.forEach((k, v) -> dev.append(dev.length() == 0 ? "" : ", ").append(json(k)).append(": ").append(json(v)));
        String manifest = "{\n  \"format\": \"osbaseline-windows-export\",\n  \"version\": 1,\n"
                + "  \"machine\": {\"id\": \"WIN-TEST\", \"name\": \"WIN-TEST\", \"osName\": " + json(osName)
                + ", \"osVersion\": \"10.0.20348\"},\n"
                + "  \"domainRole\": " + domainRole + ",\n  \"collectedAt\": \"2026-11-28T10:00:00Z\",\n"
                + "  \"securityTemplate\": \"secedit.inf\",\n  \"auditPolicy\": \"auditpol.csv\",\n"
                + "  \"registryKeys\": [" + String.join(", ", keys) + "],\n"
                + "  \"deviceSecurity\": {" + dev + "},\n  \"errors\": []\n}\n";
        Files.writeString(dir.resolve("osbaseline-windows.json"), manifest);
    }

    /** One value line as regedit writes it. */
    static String regLine(String name, Value v) {
        String n = "\"" + name.replace("\\", "\\\\").replace("\"", "\\\"") + "\"=";
        return switch (v.type()) {
            case "dword" -> n + String.format(Locale.ROOT, "dword:%08x", Long.parseLong(v.data()));
            case "sz" -> n + "\"" + v.data().replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
            case "multi" -> n + "hex(7):" + hexBytes(v.data().isEmpty() ? "\0" : v.data().replace('\n', '\0') + "\0\0");
            default -> throw new IllegalArgumentException(v.type());
        };
    }

    private static String hexBytes(String text) {
        StringBuilder s = new StringBuilder();
        for (byte b : text.getBytes(StandardCharsets.UTF_16LE)) {
            s.append(s.length() == 0 ? "" : ",").append(String.format(Locale.ROOT, "%02x", b & 0xff));
        }
        return s.toString();
    }

    static byte[] utf16le(String text) {
        byte[] body = text.getBytes(StandardCharsets.UTF_16LE);
        byte[] out = new byte[body.length + 2];
        out[0] = (byte) 0xff;
        out[1] = (byte) 0xfe;
        System.arraycopy(body, 0, out, 2, body.length);
        return out;
    }

    private static String json(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
