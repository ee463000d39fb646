package io.osbaseline.model.fact;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.Objects;
import javax.annotation.CheckForNull;

/**
 * The metadata of a file or directory that a rule looks at. A file that was looked for and is absent is a fact too
 * ({@code exists == false}), so that "absent" and "not collected" differ.
 *
 * @param path absolute path on the machine (inside the assessed root)
 * @param exists whether the path exists
 * @param kind what it is, when it exists
 * @param mode permission bits including setuid, setgid and sticky (JSON: octal string), when it exists
 * @param owner owning user name, or the numeric uid when it has no name
 * @param group owning group name, or the numeric gid when it has no name
 * @param uid owning uid
 * @param gid owning gid
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FileInfo(
        String path,
        boolean exists,
        @CheckForNull FileKind kind,
        @JsonSerialize(using = OctalMode.Serializer.class) @JsonDeserialize(using = OctalMode.Deserializer.class)
        @CheckForNull Integer mode,
        @CheckForNull String owner,
        @CheckForNull String group,
        @CheckForNull Integer uid,
        @CheckForNull Integer gid) implements Fact {

    public FileInfo {
        Objects.requireNonNull(path, "path");
    }

    /** A path that was looked for and does not exist. */
    public static FileInfo absent(String path) {
        return new FileInfo(path, false, null, null, null, null, null, null);
    }

    /** Whether no permission bit is set beyond those of {@code maxMode}, for example {@code modeAtMost(0644)}. */
    public boolean modeAtMost(int maxMode) {
        return mode != null && (mode & ~maxMode & 07777) == 0;
    }

    /** The mode as four octal digits, or "absent". */
    public String modeString() {
        return mode == null ? "absent" : OctalMode.format(mode);
    }

    /** "mode owner:group", as reports show it, or "absent". */
    public String describe() {
        return exists ? modeString() + " " + owner + ":" + group : "absent";
    }
}
