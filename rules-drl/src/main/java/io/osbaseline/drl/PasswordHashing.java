package io.osbaseline.drl;

import io.osbaseline.model.fact.PamEntry;
import java.util.List;
import javax.annotation.CheckForNull;

/** What pam_unix does with a new password, for rule consequences. */
public final class PasswordHashing {
    /** pam_unix's hashing options, as its manual lists them. */
    private static final List<String> METHODS = List.of("md5", "bigcrypt", "sha256", "sha512", "blowfish",
            "gost_yescrypt", "yescrypt");

    private PasswordHashing() {
    }

    /** The hashing option on a pam_unix line, for example {@code sha512}; null when it names none. */
    @CheckForNull
    public static String method(PamEntry entry) {
        String found = null;
        for (String argument : entry.arguments()) {
            if (METHODS.contains(argument)) {
                found = argument; // pam_unix keeps the last one it reads
            }
        }
        return found;
    }
}
