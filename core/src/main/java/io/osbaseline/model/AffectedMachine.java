package io.osbaseline.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import javax.annotation.CheckForNull;

/**
 * A machine that fails a check, with the value it has.
 *
 * @param id the machine id
 * @param name its display name
 * @param actual the value found on it
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AffectedMachine(String id, String name, @CheckForNull String actual) {
}
