package io.osbaseline.model.fact;

import javax.annotation.CheckForNull;

/** The type of a registry value, with the number Windows gives it (REG_SZ is 1, REG_DWORD is 4, ...). */
public enum RegistryValueType {
    NONE(0),
    SZ(1),
    EXPAND_SZ(2),
    BINARY(3),
    DWORD(4),
    DWORD_BIG_ENDIAN(5),
    LINK(6),
    MULTI_SZ(7),
    RESOURCE_LIST(8),
    FULL_RESOURCE_DESCRIPTOR(9),
    RESOURCE_REQUIREMENTS_LIST(10),
    QWORD(11);

    private final int code;

    RegistryValueType(int code) {
        this.code = code;
    }

    /** The number Windows uses for this type (in Registry.pol, secedit INF files and {@code hex(N):} exports). */
    public int code() {
        return code;
    }

    /** The type with this number, or null when Windows defines none. */
    @CheckForNull
    public static RegistryValueType ofCode(long code) {
        for (RegistryValueType t : values()) {
            if (t.code == code) {
                return t;
            }
        }
        return null;
    }
}
