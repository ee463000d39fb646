package io.osbaseline.model.fact;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.List;
import java.util.Objects;
import javax.annotation.CheckForNull;

/**
 * The home directory of an account that can log in, with what baselines ask about it: derived facts only, never the
 * content of a file.
 *
 * @param user the account, from {@code /etc/passwd}
 * @param uid the account's uid
 * @param path the home directory as {@code /etc/passwd} gives it
 * @param exists whether it exists
 * @param kind what it is, when it exists (a home that is a file is {@code FILE})
 * @param mode its permission bits (JSON: octal string), when it exists
 * @param ownerUid the uid that owns it, when it exists
 * @param owner the name of that uid, or the number when it has no name
 * @param writableDotFiles the names of the dot files in it (regular files, not links) that its group or others may
 *     write; null when the directory could not be listed
 * @param presentFiles which of {@code .forward}, {@code .netrc} and {@code .rhosts} exist in it; null when the
 *     directory could not be listed
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record HomeDirectory(
        String user,
        int uid,
        String path,
        boolean exists,
        @CheckForNull FileKind kind,
        @JsonSerialize(using = OctalMode.Serializer.class) @JsonDeserialize(using = OctalMode.Deserializer.class)
        @CheckForNull Integer mode,
        @CheckForNull Integer ownerUid,
        @CheckForNull String owner,
        @CheckForNull List<String> writableDotFiles,
        @CheckForNull List<String> presentFiles) implements Fact {

    public HomeDirectory {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(path, "path");
        writableDotFiles = writableDotFiles == null ? null : List.copyOf(writableDotFiles);
        presentFiles = presentFiles == null ? null : List.copyOf(presentFiles);
    }

    /** A home directory that does not exist. */
    public static HomeDirectory absent(String user, int uid, String path) {
        return new HomeDirectory(user, uid, path, false, null, null, null, null, null, null);
    }

    /** Whether no permission bit is set beyond those of {@code maxMode}. */
    public boolean modeAtMost(int maxMode) {
        return mode != null && (mode & ~maxMode & 07777) == 0;
    }

    /** Whether {@code name} (one of .forward, .netrc, .rhosts) exists in it; false when unknown. */
    public boolean has(String name) {
        return presentFiles != null && presentFiles.contains(name);
    }

    /** The mode as four octal digits, or "absent". */
    public String modeString() {
        return mode == null ? "absent" : OctalMode.format(mode);
    }
}
