package io.osbaseline.model.fact;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * A user right (privilege or logon right) and the principals it is granted to, from {@code [Privilege Rights]}.
 * Principals are compared, not spellings: each is held as its SID when {@link WellKnownSids} knows it
 * ({@code *S-1-5-32-544}, {@code Administrators} and {@code BUILTIN\Administrators} are all {@code S-1-5-32-544}),
 * otherwise as written (a local account name, a placeholder such as {@code ADD YOUR DOMAIN ADMINS}).
 *
 * @param right the right's constant name, for example {@code SeNetworkLogonRight}
 * @param principals the principals, canonical as {@link WellKnownSids#canonical} makes them; empty for no one
 * @param source the file and line it was read from
 */
public record UserRight(String right, List<String> principals, String source) implements Fact {

    public UserRight {
        Objects.requireNonNull(right, "right");
        principals = Objects.requireNonNull(principals, "principals").stream().map(WellKnownSids::canonical)
                .distinct().toList();
        Objects.requireNonNull(source, "source");
    }

    /** The principals by name, as reports show them: {@code Administrators, Backup Operators}, or {@code No One}. */
    public String display() {
        if (principals.isEmpty()) {
            return "No One";
        }
        return principals.stream().map(WellKnownSids::displayName).sorted(String.CASE_INSENSITIVE_ORDER)
                .collect(Collectors.joining(", "));
    }
}
