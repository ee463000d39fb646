package io.osbaseline.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** A small Debian root of real files: enough for the local provider, with a few settings that fail. */
public final class SmallRoot {
    private SmallRoot() {
    }

    public static Path write(Path dir) throws IOException {
        file(dir, "etc/os-release", "NAME=\"Debian GNU/Linux\"\nVERSION_ID=\"12\"\nID=debian\n");
        file(dir, "etc/hostname", "cli-test\n");
        file(dir, "etc/passwd", "root:x:0:0:root:/root:/bin/bash\n");
        file(dir, "etc/group", "root:x:0:\n");
        file(dir, "etc/shadow", "root:*:19700:0:99999:7:::\n");
        file(dir, "etc/ssh/sshd_config", "PermitRootLogin yes\nX11Forwarding yes\n");
        file(dir, "var/lib/dpkg/status", "Package: openssh-server\nStatus: install ok installed\nVersion: 1:9.2p1\n");
        return dir;
    }

    static void file(Path dir, String path, String text) throws IOException {
        Path p = dir.resolve(path);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text, StandardCharsets.UTF_8);
    }
}
