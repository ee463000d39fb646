package io.osbaseline.model.fact;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Objects;
import javax.annotation.CheckForNull;

/**
 * One module line of a PAM service file under {@code /etc/pam.d}.
 *
 * @param service the service (the file name), for example {@code su} or {@code common-password}
 * @param type {@code auth}, {@code account}, {@code password} or {@code session}; in JSON {@code moduleType}, since
 *     {@code type} names the kind of every fact
 * @param control the control, for example {@code required} or {@code [success=1 default=ignore]}
 * @param module the module, for example {@code pam_wheel.so}
 * @param arguments the module's arguments, in order
 */
public record PamEntry(String service, @JsonProperty("moduleType") String type, String control, String module,
        List<String> arguments) implements Fact {
    public PamEntry {
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(control, "control");
        Objects.requireNonNull(module, "module");
        arguments = List.copyOf(arguments);
    }

    /** Whether a bare argument such as {@code use_uid} is present. */
    public boolean hasArgument(String flag) {
        return arguments.contains(flag);
    }

    /** The value of a {@code name=value} argument, or null. */
    @CheckForNull
    public String argument(String name) {
        // A loop without a prefix string: rules call this for every PAM line they examine.
        int n = name.length();
        for (String a : arguments) {
            if (a.length() > n && a.charAt(n) == '=' && a.startsWith(name)) {
                return a.substring(n + 1);
            }
        }
        return null;
    }

    /** The line as it would read in the file. */
    public String describe() {
        return type + " " + control + " " + module + (arguments.isEmpty() ? "" : " " + String.join(" ", arguments));
    }
}
