package io.osbaseline.model.fact;

import java.util.Locale;
import java.util.Objects;
import javax.annotation.CheckForNull;

/**
 * A part of the registry the snapshot holds completely: a value in this scope that the snapshot does not hold is
 * absent. A {@code reg export} of a live machine covers its key and every key below it; a Group Policy
 * {@code **del.Name} entry covers one value (the policy removes it), {@code **delvals.} every value of one key.
 *
 * <p>Outside every scope, an absent value says nothing: a GPO backup holds only what it configures, so a rule
 * whose expected value is "absent or N" cannot pass on a value that was simply not captured.
 *
 * @param path the key, canonical as in {@link RegistryValue#canonicalPath}
 * @param name the one value covered, lower case; null when the scope covers every value of the key
 * @param subtree whether the keys below {@code path} are covered too
 * @param source the file it was read from
 */
public record RegistryScope(String path, @CheckForNull String name, boolean subtree, String source) implements Fact {

    public RegistryScope {
        path = RegistryValue.canonicalPath(Objects.requireNonNull(path, "path"));
        name = name == null ? null : name.toLowerCase(Locale.ROOT);
        Objects.requireNonNull(source, "source");
    }

    /** Whether the value {@code valueName} of the key {@code keyPath} (both canonical) lies in this scope. */
    public boolean covers(String keyPath, String valueName) {
        if (name != null) {
            return path.equals(keyPath) && name.equals(valueName);
        }
        return path.equals(keyPath) || subtree && keyPath.startsWith(path + "\\");
    }
}
