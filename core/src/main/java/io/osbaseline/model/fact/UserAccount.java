package io.osbaseline.model.fact;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;
import java.util.Objects;
import javax.annotation.CheckForNull;

/**
 * An account from {@code /etc/passwd}, with what {@code /etc/shadow} says about it, derived: never the hash.
 *
 * @param name login name
 * @param uid user id
 * @param gid primary group id
 * @param home home directory
 * @param shell login shell
 * @param password the password's state
 * @param lastChange date of the last password change, when set
 * @param minDays minimum days between changes, when set
 * @param maxDays maximum days a password is valid, when set
 * @param warnDays days of warning before expiry, when set
 * @param inactiveDays days after expiry until the account is disabled, when set
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record UserAccount(
        String name,
        int uid,
        int gid,
        String home,
        String shell,
        PasswordState password,
        @CheckForNull LocalDate lastChange,
        @CheckForNull Integer minDays,
        @CheckForNull Integer maxDays,
        @CheckForNull Integer warnDays,
        @CheckForNull Integer inactiveDays) implements Fact {

    public UserAccount {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(home, "home");
        Objects.requireNonNull(shell, "shell");
        Objects.requireNonNull(password, "password");
    }
}
