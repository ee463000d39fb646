package io.osbaseline.local.windows;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/** Export files built byte by byte, the way the Windows tools write them. */
final class ExportFixtures {
    private ExportFixtures() {
    }

    /** Text in UTF-16LE with a byte order mark, as secedit and regedit write it. */
    static byte[] utf16le(String text) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0xff);
        out.write(0xfe);
        out.writeBytes(text.getBytes(StandardCharsets.UTF_16LE));
        return out.toByteArray();
    }

    /** A Registry.pol: the PReg header, then entries added with {@link #entry}. */
    static final class Pol {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();

        Pol() {
            out.writeBytes(new byte[] {'P', 'R', 'e', 'g', 1, 0, 0, 0});
        }

        Pol entry(String key, String value, int type, byte[] data) {
            ch('[');
            str(key);
            ch(';');
            str(value);
            ch(';');
            out.writeBytes(le(type));
            ch(';');
            out.writeBytes(le(data.length));
            ch(';');
            out.writeBytes(data);
            ch(']');
            return this;
        }

        Pol dword(String key, String value, int v) {
            return entry(key, value, 4, le(v));
        }

        Pol string(String key, String value, String v) {
            return entry(key, value, 1, (v + "\0").getBytes(StandardCharsets.UTF_16LE));
        }

        byte[] bytes() {
            return out.toByteArray();
        }

        private void ch(char c) {
            out.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_16LE));
        }

        private void str(String s) {
            out.writeBytes((s + "\0").getBytes(StandardCharsets.UTF_16LE));
        }
    }

    static byte[] le(int v) {
        return ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(v).array();
    }
}
