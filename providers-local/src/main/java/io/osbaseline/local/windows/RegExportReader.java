package io.osbaseline.local.windows;

import io.osbaseline.model.fact.RegistryScope;
import io.osbaseline.model.fact.RegistryValue;
import io.osbaseline.model.fact.RegistryValueType;
import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.annotation.CheckForNull;

/**
 * Reads a registry export: {@code reg export} and regedit's "Windows Registry Editor Version 5.00" (UTF-16LE), and
 * the older {@code REGEDIT4} (ANSI). Every value type is read: strings with their {@code \\} and {@code \"} escapes,
 * {@code dword:}, {@code hex:} and {@code hex(N):} with continuation lines (REG_EXPAND_SZ and REG_MULTI_SZ decoded
 * as UTF-16LE in version 5 files and as ANSI in REGEDIT4 ones, REG_QWORD and big-endian DWORD as numbers).
 * Delete markers ({@code [-KEY]}, {@code "name"=-}) say the key or value is absent: they become
 * {@link RegistryScope} facts with no value in them.
 *
 * <p>An export of a live machine ({@code effective}) holds every value under the keys it exports, so each exported
 * top key becomes a subtree {@link RegistryScope}: a value under it that the file does not list is absent.
 */
public final class RegExportReader {
    private static final Charset ANSI = Charset.forName("windows-1252");

    private RegExportReader() {
    }

    /**
     * Reads one export.
     *
     * @param file the file's name as problems and sources show it
     * @param effective whether the file is an export of a live machine (then its top keys are captured whole)
     */
    public static void read(String file, byte[] bytes, boolean effective, ExportSink sink) {
        String c = WindowsCollectors.REGISTRY;
        sink.source(c, file);
        List<String> lines = ExportText.lines(ExportText.decode(bytes));
        int first = 0;
        while (first < lines.size() && lines.get(first).isBlank()) {
            first++;
        }
        String header = first < lines.size() ? lines.get(first).strip() : "";
        boolean v5 = header.equals("Windows Registry Editor Version 5.00");
        if (!v5 && !header.equals("REGEDIT4")) {
            sink.problem(c, new ExportProblem(file, first + 1, "not a registry export: the first line must be "
                    + "'Windows Registry Editor Version 5.00' or 'REGEDIT4', got: " + abbreviate(header)));
            return;
        }
        List<String> roots = new ArrayList<>();
        String key = null;
        for (int i = first + 1; i < lines.size(); i++) {
            int lineNo = i + 1;
            StringBuilder logical = new StringBuilder(lines.get(i).strip());
            while (logical.length() > 0 && logical.charAt(logical.length() - 1) == '\\' && !logical.toString()
                    .startsWith("[") && isHexContinuation(logical) && i + 1 < lines.size()) {
                logical.setLength(logical.length() - 1);
                logical.append(lines.get(++i).strip());
            }
            String line = logical.toString();
            if (line.isEmpty() || line.startsWith(";")) {
                continue;
            }
            if (line.startsWith("[")) {
                if (!line.endsWith("]")) {
                    sink.problem(c, new ExportProblem(file, lineNo, "a key line must end with ']': "
                            + abbreviate(line)));
                    key = null;
                    continue;
                }
                String inner = line.substring(1, line.length() - 1);
                if (inner.startsWith("-")) {
                    sink.add(c, new RegistryScope(inner.substring(1), null, true, file + ":" + lineNo));
                    key = null;
                    continue;
                }
                key = RegistryValue.canonicalPath(inner);
                String k = key;
                if (effective && roots.stream().noneMatch(r -> k.equals(r) || k.startsWith(r + "\\"))) {
                    roots.add(key);
                    sink.add(c, new RegistryScope(key, null, true, file + ":" + lineNo));
                }
                continue;
            }
            if (key == null) {
                sink.problem(c, new ExportProblem(file, lineNo, "a value outside any [key]: " + abbreviate(line)));
                continue;
            }
            String problem = value(file, lineNo, key, line, v5, sink);
            if (problem != null) {
                sink.problem(c, new ExportProblem(file, lineNo, problem));
            }
        }
    }

    private static boolean isHexContinuation(CharSequence line) {
        String s = line.toString();
        int eq = s.indexOf("=hex");
        return eq >= 0 || s.matches("^[0-9a-fA-F,\\s]*\\\\$");
    }

    /** Parses one {@code "name"=data} line; returns a problem, or null when it was read. */
    @CheckForNull
    private static String value(String file, int lineNo, String key, String line, boolean v5, ExportSink sink) {
        String name;
        int pos;
        if (line.startsWith("@=")) {
            name = "";
            pos = 2;
        } else if (line.startsWith("\"")) {
            StringBuilder n = new StringBuilder();
            int i = 1;
            for (; i < line.length(); i++) {
                char ch = line.charAt(i);
                if (ch == '\\' && i + 1 < line.length()) {
                    n.append(line.charAt(++i));
                } else if (ch == '"') {
                    break;
                } else {
                    n.append(ch);
                }
            }
            if (i >= line.length() || i + 1 >= line.length() || line.charAt(i + 1) != '=') {
                return "expected \"name\"=value, got: " + abbreviate(line);
            }
            name = n.toString();
            pos = i + 2;
        } else {
            return "expected \"name\"=value or @=value, got: " + abbreviate(line);
        }
        String data = line.substring(pos).strip();
        String where = file + ":" + lineNo;
        String c = WindowsCollectors.REGISTRY;
        if (data.equals("-")) {
            sink.add(c, new RegistryScope(key, name, false, where));
            return null;
        }
        if (data.startsWith("\"")) {
            if (data.length() < 2 || !data.endsWith("\"")) {
                return "a string value must end with '\"': " + abbreviate(line);
            }
            sink.add(c, new RegistryValue(key, name, RegistryValueType.SZ, unescape(data.substring(1,
                    data.length() - 1)), where));
            return null;
        }
        String lower = data.toLowerCase(Locale.ROOT);
        if (lower.startsWith("dword:")) {
            String hex = data.substring(6).strip();
            if (!hex.matches("[0-9a-fA-F]{1,8}")) {
                return "dword: needs up to 8 hex digits, got: " + abbreviate(data);
            }
            sink.add(c, new RegistryValue(key, name, RegistryValueType.DWORD, Long.toString(Long.parseLong(hex, 16)),
                    where));
            return null;
        }
        if (lower.startsWith("hex")) {
            int colon = data.indexOf(':');
            RegistryValueType type = RegistryValueType.BINARY;
            if (colon < 0) {
                return "expected hex:bytes or hex(N):bytes, got: " + abbreviate(data);
            }
            String prefix = lower.substring(0, colon);
            if (!prefix.equals("hex")) {
                if (!prefix.matches("hex\\([0-9a-f]{1,8}\\)")) {
                    return "expected hex(N): with a hex type number, got: " + abbreviate(data);
                }
                type = RegistryValueType.ofCode(Long.parseLong(prefix.substring(4, prefix.length() - 1), 16));
                if (type == null) {
                    return "unknown registry type " + prefix + " (Windows defines 0 to b)";
                }
            }
            byte[] bytes = hexBytes(data.substring(colon + 1));
            if (bytes == null) {
                return "expected comma-separated hex bytes after " + prefix + ":, got: " + abbreviate(data);
            }
            String decoded = decode(type, bytes, v5);
            if (decoded == null) {
                return type + " needs " + (type == RegistryValueType.QWORD ? 8 : 4) + " bytes, got " + bytes.length;
            }
            sink.add(c, new RegistryValue(key, name, type, decoded, where));
            return null;
        }
        return "unknown value format (expected \"string\", dword:, hex:, hex(N): or -): " + abbreviate(data);
    }

    @CheckForNull
    private static String decode(RegistryValueType type, byte[] b, boolean v5) {
        Charset text = v5 ? StandardCharsets.UTF_16LE : ANSI;
        return switch (type) {
            case SZ, EXPAND_SZ, LINK -> stripNuls(new String(b, text));
            case MULTI_SZ -> {
                List<String> items = new ArrayList<>(List.of(new String(b, text).split("\0", -1)));
                while (!items.isEmpty() && items.get(items.size() - 1).isEmpty()) {
                    items.remove(items.size() - 1);
                }
                yield String.join("\n", items);
            }
            case DWORD -> b.length == 4 ? Long.toString(le(b, 4)) : null;
            case DWORD_BIG_ENDIAN -> b.length == 4
                    ? Long.toString(((b[0] & 0xffL) << 24) | ((b[1] & 0xffL) << 16) | ((b[2] & 0xffL) << 8) | (b[3] & 0xffL))
                    : null;
            case QWORD -> b.length == 8 ? Long.toUnsignedString(le(b, 8)) : null;
            default -> hex(b);
        };
    }

    static long le(byte[] b, int n) {
        long v = 0;
        for (int i = n - 1; i >= 0; i--) {
            v = (v << 8) | (b[i] & 0xffL);
        }
        return v;
    }

    static String hex(byte[] b) {
        StringBuilder s = new StringBuilder();
        for (byte x : b) {
            s.append(String.format(Locale.ROOT, "%02x", x & 0xff));
        }
        return s.toString();
    }

    static String stripNuls(String s) {
        int end = s.length();
        while (end > 0 && s.charAt(end - 1) == '\0') {
            end--;
        }
        return s.substring(0, end);
    }

    @CheckForNull
    private static byte[] hexBytes(String list) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        String t = list.replaceAll("\\s", "");
        if (t.isEmpty()) {
            return new byte[0];
        }
        for (String part : t.split(",", -1)) {
            if (!part.matches("[0-9a-fA-F]{1,2}")) {
                return null;
            }
            out.write(Integer.parseInt(part, 16));
        }
        return out.toByteArray();
    }

    private static String unescape(String s) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (ch == '\\' && i + 1 < s.length()) {
                b.append(s.charAt(++i));
            } else {
                b.append(ch);
            }
        }
        return b.toString();
    }

    private static String abbreviate(String s) {
        return s.length() <= 120 ? s : s.substring(0, 117) + "...";
    }
}
