package io.osbaseline.local.evidence;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;

/** Evidence archives made by hand, to give the reader what the script would never write. */
final class Archive {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final TarArchiveOutputStream tar;

    Archive() {
        try {
            tar = new TarArchiveOutputStream(new GZIPOutputStream(bytes));
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_GNU);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An archive that starts with a valid manifest of format 1. */
    static Archive withManifest() {
        return new Archive().file("osbaseline/manifest", "format=1\nscript=test\ncollected=2026-11-28T10:00:00Z\n"
                + "hostname=web-1\nroot=/\n");
    }

    /** The metadata files every archive of format 1 has, with the given content. */
    Archive meta(String listed, String absent, String unread, String names, String programs) {
        return file("osbaseline/listed", listed).file("osbaseline/absent", absent).file("osbaseline/unread", unread)
                .file("osbaseline/names", names).file("osbaseline/programs", programs);
    }

    Archive file(String name, String content) {
        return file(name, content.getBytes(StandardCharsets.UTF_8), 0644);
    }

    Archive file(String name, byte[] content, int mode) {
        TarArchiveEntry e = new TarArchiveEntry(name, true);
        e.setSize(content.length);
        e.setMode(0100000 | mode);
        return put(e, content);
    }

    Archive directory(String name) {
        TarArchiveEntry e = new TarArchiveEntry(name + "/", true);
        e.setMode(040755);
        return put(e, new byte[0]);
    }

    Archive symlink(String name, String target) {
        TarArchiveEntry e = new TarArchiveEntry(name, TarConstants.LF_SYMLINK, true);
        e.setLinkName(target);
        return put(e, new byte[0]);
    }

    Archive hardLink(String name, String target) {
        TarArchiveEntry e = new TarArchiveEntry(name, TarConstants.LF_LINK, true);
        e.setLinkName(target);
        return put(e, new byte[0]);
    }

    private Archive put(TarArchiveEntry e, byte[] content) {
        try {
            tar.putArchiveEntry(e);
            tar.write(content);
            tar.closeArchiveEntry();
            return this;
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    byte[] bytes() {
        try {
            tar.close();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every byte of every entry of an evidence archive, names and link targets included, as text. */
    static String everything(byte[] evidence) throws IOException {
        StringBuilder s = new StringBuilder();
        try (TarArchiveInputStream tar = new TarArchiveInputStream(new GZIPInputStream(
                new ByteArrayInputStream(evidence)))) {
            for (TarArchiveEntry e = tar.getNextEntry(); e != null; e = tar.getNextEntry()) {
                s.append(e.getName()).append(" -> ").append(e.getLinkName()).append('\n');
                s.append(new String(tar.readAllBytes(), StandardCharsets.ISO_8859_1)).append('\n');
            }
        }
        return s.toString();
    }

    /** The content of one entry of an evidence archive, or null when it has none of that name. */
    static String entry(byte[] evidence, String name) throws IOException {
        try (TarArchiveInputStream tar = new TarArchiveInputStream(new GZIPInputStream(
                new ByteArrayInputStream(evidence)))) {
            for (TarArchiveEntry e = tar.getNextEntry(); e != null; e = tar.getNextEntry()) {
                if (e.getName().equals(name)) {
                    return new String(tar.readAllBytes(), StandardCharsets.UTF_8);
                }
            }
        }
        return null;
    }
}
