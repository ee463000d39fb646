package io.osbaseline.local.windows;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Decodes the text files Windows tools write: UTF-16LE with a byte order mark (secedit, regedit version 5), UTF-16
 * without one, UTF-8 with or without a mark, and ANSI (REGEDIT4, hand-edited templates) as Windows-1252.
 */
final class ExportText {
    private static final Charset ANSI = Charset.forName("windows-1252");

    private ExportText() {
    }

    static String decode(byte[] bytes) {
        if (bytes.length >= 2 && (bytes[0] & 0xff) == 0xff && (bytes[1] & 0xff) == 0xfe) {
            return new String(bytes, 2, bytes.length - 2, StandardCharsets.UTF_16LE);
        }
        if (bytes.length >= 2 && (bytes[0] & 0xff) == 0xfe && (bytes[1] & 0xff) == 0xff) {
            return new String(bytes, 2, bytes.length - 2, StandardCharsets.UTF_16BE);
        }
        if (bytes.length >= 3 && (bytes[0] & 0xff) == 0xef && (bytes[1] & 0xff) == 0xbb && (bytes[2] & 0xff) == 0xbf) {
            return new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
        }
        if (looksLikeUtf16Le(bytes)) {
            return new String(bytes, StandardCharsets.UTF_16LE);
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return new String(bytes, ANSI);
        }
    }

    /** ASCII text in UTF-16LE without a mark: every second byte of the first ones is zero. */
    private static boolean looksLikeUtf16Le(byte[] bytes) {
        int n = Math.min(bytes.length, 64) & ~1;
        if (n < 4) {
            return false;
        }
        for (int i = 1; i < n; i += 2) {
            if (bytes[i] != 0 || bytes[i - 1] == 0) {
                return false;
            }
        }
        return true;
    }

    /** The lines of a text, split at CRLF, LF or CR, without the line ends. */
    static List<String> lines(String text) {
        return text.lines().toList();
    }
}
