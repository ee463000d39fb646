package io.osbaseline.model.fact;

import java.util.List;
import java.util.Objects;

/**
 * A group from {@code /etc/group}.
 *
 * @param name group name
 * @param gid group id
 * @param members the users listed as members
 */
public record UserGroup(String name, int gid, List<String> members) implements Fact {
    public UserGroup {
        Objects.requireNonNull(name, "name");
        members = List.copyOf(members);
    }
}
