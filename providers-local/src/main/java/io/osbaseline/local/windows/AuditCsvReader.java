package io.osbaseline.local.windows;

import io.osbaseline.model.fact.AuditPolicy;
import io.osbaseline.model.fact.Setting;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads an advanced audit policy file: what {@code auditpol /backup /file:FILE} writes, and the {@code audit.csv} of
 * a GPO backup (the same columns: Machine Name, Policy Target, Subcategory, Subcategory GUID, Inclusion Setting,
 * Exclusion Setting, Setting Value). A row with a GUID becomes an {@link AuditPolicy}, judged by its Setting Value
 * (0 none, 1 success, 2 failure, 3 both), which is not localized. The other rows (global SACLs,
 * {@code Option:CrashOnAuditFail} and the like) become {@code Setting("audit-options", name, value)}.
 */
public final class AuditCsvReader {
    /** The namespace of the rows that are not subcategories. */
    public static final String OPTIONS_NAMESPACE = "audit-options";

    private static final String[] COLUMNS = {"Machine Name", "Policy Target", "Subcategory", "Subcategory GUID",
        "Inclusion Setting", "Exclusion Setting", "Setting Value"};

    private AuditCsvReader() {
    }

    /** Reads one file; {@code file} names it in problems and sources. */
    public static void read(String file, byte[] bytes, ExportSink sink) {
        String c = WindowsCollectors.AUDIT_POLICY;
        List<String> lines = ExportText.lines(ExportText.decode(bytes));
        sink.source(c, file);
        int first = 0;
        while (first < lines.size() && lines.get(first).isBlank()) {
            first++;
        }
        if (first == lines.size()) {
            sink.problem(c, new ExportProblem(file, 0, "the file is empty; an audit policy file starts with the "
                    + "header " + String.join(",", COLUMNS)));
            return;
        }
        List<String> header = split(lines.get(first));
        int subcategory = header.indexOf("Subcategory");
        int guid = header.indexOf("Subcategory GUID");
        int inclusion = header.indexOf("Inclusion Setting");
        int value = header.indexOf("Setting Value");
        if (subcategory < 0 || guid < 0 || value < 0) {
            sink.problem(c, new ExportProblem(file, first + 1, "expected the header " + String.join(",", COLUMNS)
                    + ", got: " + lines.get(first)));
            return;
        }
        for (int i = first + 1; i < lines.size(); i++) {
            int lineNo = i + 1;
            if (lines.get(i).isBlank()) {
                continue;
            }
            List<String> row = split(lines.get(i));
            if (row.size() != header.size()) {
                sink.problem(c, new ExportProblem(file, lineNo, "expected " + header.size() + " columns, got "
                        + row.size() + ": " + lines.get(i)));
                continue;
            }
            String name = row.get(subcategory).strip();
            String id = row.get(guid).strip();
            String setting = row.get(value).strip();
            if (id.isEmpty()) {
                sink.add(c, new Setting(OPTIONS_NAMESPACE, name, setting));
                continue;
            }
            int code;
            try {
                code = setting.isEmpty() && inclusion >= 0 ? codeOf(row.get(inclusion)) : Integer.parseInt(setting);
            } catch (NumberFormatException e) {
                code = -1;
            }
            if (code < 0 || code > 3) {
                sink.problem(c, new ExportProblem(file, lineNo, "Setting Value of " + name + " must be 0 (no auditing),"
                        + " 1 (success), 2 (failure) or 3 (success and failure), got: " + setting));
                continue;
            }
            sink.add(c, new AuditPolicy(id, name, (code & 1) != 0, (code & 2) != 0, file + ":" + lineNo));
        }
    }

    private static int codeOf(String inclusion) {
        return switch (inclusion.strip().toLowerCase(Locale.ROOT)) {
            case "no auditing" -> 0;
            case "success" -> 1;
            case "failure" -> 2;
            case "success and failure" -> 3;
            default -> -1;
        };
    }

    /** One CSV record (RFC 4180 quoting: a quoted field may hold commas and doubled quotes). */
    static List<String> split(String line) {
        List<String> fields = new ArrayList<>();
        StringBuilder f = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char ch = line.charAt(i);
            if (quoted) {
                if (ch == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    f.append('"');
                    i++;
                } else if (ch == '"') {
                    quoted = false;
                } else {
                    f.append(ch);
                }
            } else if (ch == '"') {
                quoted = true;
            } else if (ch == ',') {
                fields.add(f.toString());
                f.setLength(0);
            } else {
                f.append(ch);
            }
        }
        fields.add(f.toString());
        return fields;
    }
}
