package io.osbaseline.local.windows;

import io.osbaseline.model.fact.Fact;
import io.osbaseline.model.fact.RegistryScope;
import io.osbaseline.model.fact.RegistryValue;
import io.osbaseline.model.fact.RegistryValueType;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads a Group Policy {@code Registry.pol}: the signature {@code PReg}, version 1, then entries
 * {@code [key;value;type;size;data]} in UTF-16LE with binary type, size and data. Keys have no hive: the hive is
 * HKLM for a GPO's {@code Machine} part, HKCU for its {@code User} part.
 *
 * <p>The special value names are honoured as Group Policy applies them: {@code **del.NAME} removes a value and
 * {@code **DeleteValues} (data {@code a;b}) several, {@code **delvals.} every value of the key, {@code **DeleteKeys}
 * whole keys; each becomes a {@link RegistryScope} (the value is absent by policy), and a value the same file sets
 * earlier is dropped. {@code **soft.NAME} sets NAME only where it is missing and is read as a value;
 * {@code **SecureKey} changes permissions only and is skipped. A later entry for the same value wins.
 */
public final class RegistryPolReader {
    private static final int SIGNATURE = 0x67655250; // "PReg", little-endian

    private RegistryPolReader() {
    }

    /**
     * Reads one file. A truncated or malformed entry is a problem naming the entry and its byte offset; the entries
     * before it are kept.
     *
     * @param hive {@code HKLM} for a Machine policy, {@code HKCU} for a User policy
     */
    public static void read(String file, byte[] bytes, String hive, ExportSink sink) {
        String c = WindowsCollectors.REGISTRY;
        sink.source(c, file);
        if (bytes.length < 8 || (int) RegExportReader.le(bytes, 4) != SIGNATURE) {
            sink.problem(c, new ExportProblem(file, 0, "not a Registry.pol file: it must start with the signature "
                    + "'PReg' and version 1"));
            return;
        }
        long version = RegExportReader.le(slice(bytes, 4, 4), 4);
        if (version != 1) {
            sink.problem(c, new ExportProblem(file, 0, "Registry.pol version " + version + " is not supported; "
                    + "version 1 is the only one Windows writes"));
            return;
        }
        Map<String, Fact> facts = new LinkedHashMap<>();
        int pos = 8;
        int entry = 0;
        while (pos < bytes.length) {
            entry++;
            int start = pos;
            try {
                pos = expect(bytes, pos, '[');
                int[] end = new int[1];
                String key = string(bytes, pos, end);
                pos = expect(bytes, end[0], ';');
                String name = string(bytes, pos, end);
                pos = expect(bytes, end[0], ';');
                long typeCode = RegExportReader.le(slice(bytes, pos, 4), 4);
                pos = expect(bytes, pos + 4, ';');
                long size = RegExportReader.le(slice(bytes, pos, 4), 4);
                pos = expect(bytes, pos + 4, ';');
                if (size > bytes.length - pos) {
                    throw new IllegalArgumentException("the data size " + size + " runs past the end of the file");
                }
                byte[] data = slice(bytes, pos, (int) size);
                pos = expect(bytes, pos + (int) size, ']');
                RegistryValueType type = RegistryValueType.ofCode(typeCode);
                if (type == null) {
                    throw new IllegalArgumentException("unknown registry type " + typeCode);
                }
                apply(facts, hive + "\\" + key, name, type, data, file + " entry " + entry);
            } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
                sink.problem(c, new ExportProblem(file, entry, "entry " + entry + " at byte " + start + ": "
                        + (e instanceof IndexOutOfBoundsException ? "the file ends inside the entry" : e.getMessage())
                        + "; the entries after it are not read"));
                break;
            }
        }
        facts.values().forEach(f -> sink.add(c, f));
    }

    private static void apply(Map<String, Fact> facts, String key, String name, RegistryValueType type, byte[] data,
            String where) {
        String path = RegistryValue.canonicalPath(key);
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.startsWith("**del.")) {
            removeValue(facts, path, lower.substring(6));
            facts.put(path + "|" + lower.substring(6), new RegistryScope(path, name.substring(6), false, where));
        } else if (lower.startsWith("**delvals")) {
            facts.keySet().removeIf(k -> k.startsWith(path + "|"));
            facts.put(path + "|", new RegistryScope(path, null, false, where));
        } else if (lower.equals("**deletevalues")) {
            for (String v : stringData(data).split(";")) {
                if (!v.isBlank()) {
                    removeValue(facts, path, v.strip().toLowerCase(Locale.ROOT));
                    facts.put(path + "|" + v.strip().toLowerCase(Locale.ROOT),
                            new RegistryScope(path, v.strip(), false, where));
                }
            }
        } else if (lower.equals("**deletekeys")) {
            for (String k : stringData(data).split(";")) {
                if (!k.isBlank()) {
                    String sub = RegistryValue.canonicalPath(key + "\\" + k.strip());
                    facts.keySet().removeIf(x -> x.startsWith(sub + "|") || x.startsWith(sub + "\\"));
                    facts.put(sub + "|*", new RegistryScope(sub, null, true, where));
                }
            }
        } else if (lower.startsWith("**securekey")) {
            return;
        } else {
            String valueName = lower.startsWith("**soft.") ? name.substring(7) : name;
            facts.put(path + "|" + valueName.toLowerCase(Locale.ROOT),
                    new RegistryValue(path, valueName, type, decode(type, data), where));
        }
    }

    private static void removeValue(Map<String, Fact> facts, String path, String lowerName) {
        facts.remove(path + "|" + lowerName);
    }

    private static String decode(RegistryValueType type, byte[] b) {
        return switch (type) {
            case SZ, EXPAND_SZ, LINK -> stringData(b);
            case MULTI_SZ -> {
                List<String> items = new ArrayList<>(List.of(new String(b, StandardCharsets.UTF_16LE).split("\0", -1)));
                while (!items.isEmpty() && items.get(items.size() - 1).isEmpty()) {
                    items.remove(items.size() - 1);
                }
                yield String.join("\n", items);
            }
            case DWORD -> b.length >= 4 ? Long.toString(RegExportReader.le(b, 4)) : RegExportReader.hex(b);
            case DWORD_BIG_ENDIAN -> b.length == 4
                    ? Long.toString(((b[0] & 0xffL) << 24) | ((b[1] & 0xffL) << 16) | ((b[2] & 0xffL) << 8) | (b[3] & 0xffL))
                    : RegExportReader.hex(b);
            case QWORD -> b.length >= 8 ? Long.toUnsignedString(RegExportReader.le(b, 8)) : RegExportReader.hex(b);
            default -> RegExportReader.hex(b);
        };
    }

    private static String stringData(byte[] b) {
        return RegExportReader.stripNuls(new String(b, 0, b.length & ~1, StandardCharsets.UTF_16LE));
    }

    /** A NUL-terminated UTF-16LE string starting at {@code pos}; {@code end[0]} is set past its terminator. */
    private static String string(byte[] b, int pos, int[] end) {
        StringBuilder s = new StringBuilder();
        int i = pos;
        while (true) {
            if (i + 1 >= b.length) {
                throw new IndexOutOfBoundsException();
            }
            char ch = (char) ((b[i] & 0xff) | (b[i + 1] & 0xff) << 8);
            i += 2;
            if (ch == 0) {
                break;
            }
            s.append(ch);
        }
        end[0] = i;
        return s.toString();
    }

    private static int expect(byte[] b, int pos, char ch) {
        if (pos + 1 >= b.length) {
            throw new IndexOutOfBoundsException();
        }
        char found = (char) ((b[pos] & 0xff) | (b[pos + 1] & 0xff) << 8);
        if (found != ch) {
            throw new IllegalArgumentException("expected '" + ch + "', found " + String.format(Locale.ROOT,
                    "U+%04X", (int) found));
        }
        return pos + 2;
    }

    private static byte[] slice(byte[] b, int pos, int n) {
        if (pos < 0 || n < 0 || pos + n > b.length) {
            throw new IndexOutOfBoundsException();
        }
        byte[] out = new byte[n];
        System.arraycopy(b, pos, out, 0, n);
        return out;
    }
}
