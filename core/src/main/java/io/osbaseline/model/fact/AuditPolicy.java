package io.osbaseline.model.fact;

import java.util.Locale;
import java.util.Objects;

/**
 * The advanced audit policy of one subcategory, from {@code auditpol /backup} or a GPO's {@code audit.csv}.
 *
 * @param guid the subcategory's GUID, lower case with braces, for example {@code {0cce923f-69ae-11d9-bed3-505054503030}}
 * @param subcategory its name as the file spells it, for example {@code Audit Credential Validation}
 * @param success whether successes are audited
 * @param failure whether failures are audited
 * @param source the file and line it was read from
 */
public record AuditPolicy(String guid, String subcategory, boolean success, boolean failure, String source)
        implements Fact {

    public AuditPolicy {
        guid = canonicalGuid(Objects.requireNonNull(guid, "guid"));
        Objects.requireNonNull(subcategory, "subcategory");
        Objects.requireNonNull(source, "source");
    }

    /** A GUID in the one spelling rules match: lower case, with braces. */
    public static String canonicalGuid(String guid) {
        String g = guid.strip().toLowerCase(Locale.ROOT);
        if (!g.startsWith("{")) {
            g = "{" + g;
        }
        if (!g.endsWith("}")) {
            g = g + "}";
        }
        return g;
    }

    /** The setting in auditpol's words: No Auditing, Success, Failure, or Success and Failure. */
    public String setting() {
        if (success && failure) {
            return "Success and Failure";
        }
        return success ? "Success" : failure ? "Failure" : "No Auditing";
    }

    /** The setting as auditpol's number: 0 none, 1 success, 2 failure, 3 both. */
    public String code() {
        return String.valueOf((success ? 1 : 0) + (failure ? 2 : 0));
    }
}
