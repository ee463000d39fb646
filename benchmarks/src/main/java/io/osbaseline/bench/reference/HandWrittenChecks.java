package io.osbaseline.bench.reference;

import io.osbaseline.drl.pack.RuleSpec;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.annotation.CheckForNull;

/**
 * The checks the packs write in DRL by hand, written again in Java. Each is tied to the fingerprint of the DRL it was
 * written from: when a pack's DRL for that rule changes, the Java version no longer stands for it, and the rule is
 * reported as not covered instead of being judged by stale code.
 */
final class HandWrittenChecks {
    /** A Java version of a rule's DRL, and the fingerprint of the DRL it was written from. */
    record Known(String fingerprint, Supplier<ReferenceCheck> factory) {
    }

    /** The Java versions by rule id, gathered from the files that hold them; a rule id in two of them is an error. */
    private static final Map<String, Known> BY_RULE = Stream.of(AccountChecks.KNOWN, SystemChecks.KNOWN, HomeAndSshChecks.KNOWN)
            .flatMap(m -> m.entrySet().stream())
            .collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, Map.Entry::getValue));

    private HandWrittenChecks() {
    }

    /** The Java version of the rule's DRL, or null when there is none for this exact DRL. */
    @CheckForNull
    static ReferenceCheck create(RuleSpec spec) {
        Known known = BY_RULE.get(spec.id());
        if (known == null || !known.fingerprint().equals(fingerprint(spec.drl()))) {
            return null;
        }
        return known.factory().get();
    }

    /** Whether a Java version exists for the rule, even if written for other DRL. */
    static boolean knows(String ruleId) {
        return BY_RULE.containsKey(ruleId);
    }

    /** A short digest of the rule's DRL snippets, insensitive to indentation and line breaks. */
    static String fingerprint(List<RuleSpec.DrlSnippet> snippets) {
        StringBuilder s = new StringBuilder();
        for (RuleSpec.DrlSnippet d : snippets) {
            for (String part : new String[] {d.name(), d.when(), d.then(), d.expect(), d.part()}) {
                s.append(part == null ? "" : part.strip().replaceAll("\\s+", " ")).append('\u0000');
            }
            if (d.unreported() != null) {
                s.append(d.unreported().strip()).append('\u0000');
            }
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(s.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
