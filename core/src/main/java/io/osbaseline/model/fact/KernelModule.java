package io.osbaseline.model.fact;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Objects;
import java.util.regex.Pattern;
import javax.annotation.CheckForNull;

/**
 * What the modprobe configuration and, on a live host, the kernel say about a module. Modules with no configuration
 * and not loaded have no fact: when the {@code kernel-modules} collector ran, such a module is loadable.
 *
 * @param name module name, with {@code -} and {@code _} as modprobe writes them
 * @param installCommand the command of its {@code install} directive, if any (for example {@code /bin/true})
 * @param blacklisted whether a {@code blacklist} directive names it
 * @param loaded whether it is loaded now; null when unknown (offline)
 * @param source the modprobe file that configures it, if any
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record KernelModule(String name, @CheckForNull String installCommand, boolean blacklisted,
        @CheckForNull Boolean loaded, @CheckForNull String source) implements Fact {
    private static final Pattern NO_OP_INSTALL = Pattern.compile("(/usr)?/bin/(true|false)\\b.*");

    public KernelModule {
        Objects.requireNonNull(name, "name");
    }

    /** Whether modprobe will refuse to load it: its install command is {@code /bin/true} or {@code /bin/false}. */
    public boolean notLoadable() {
        return installCommand != null && NO_OP_INSTALL.matcher(installCommand.trim()).matches();
    }

    /** "install /bin/true; blacklisted; loaded", as reports show it. */
    public String describe() {
        StringBuilder s = new StringBuilder(installCommand == null ? "no install directive" : "install " + installCommand);
        if (blacklisted) {
            s.append("; blacklisted");
        }
        if (loaded != null) {
            s.append(loaded ? "; loaded" : "; not loaded");
        }
        return s.toString();
    }
}
