package io.osbaseline.aws;

import io.osbaseline.local.windows.WindowsExportReader;
import io.osbaseline.model.ConfigurationSnapshot;
import io.osbaseline.model.Machine;
import io.osbaseline.provider.SnapshotException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The default Windows collector: the {@code local} provider's {@code osbaseline-collect.ps1}, run with
 * {@code -Base64Zip} so that it prints its bundle (manifest, secedit and auditpol exports, registry exports) as a
 * base64 zip, read back by {@link WindowsExportReader#readBundle}, the reader of the {@code windows-export} provider.
 */
final class WindowsBundleCollector implements RemoteCollector {
    static final WindowsBundleCollector INSTANCE = new WindowsBundleCollector();
    private static final Logger LOG = LoggerFactory.getLogger(WindowsBundleCollector.class);
    private static final String RESOURCE = "osbaseline-collect.ps1";

    private final String script = wrap(load());

    private WindowsBundleCollector() {
    }

    /** The collector as a script block, called with the bundle beside the script and only base64 on stdout. */
    private static String wrap(String collector) {
        if (collector.contains("\n'@")) {
            throw new IllegalStateException(RESOURCE + " holds a line that would end the here-string around it");
        }
        return "& ([scriptblock]::Create(@'\n" + collector + (collector.endsWith("\n") ? "" : "\n")
                + "'@)) -OutputPath (Join-Path $PSScriptRoot 'bundle') -Base64Zip\n";
    }

    private static String load() {
        try (InputStream in = WindowsExportReader.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from providers-local's jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    @Override
    public String script() {
        return script;
    }

    @Override
    public ConfigurationSnapshot read(Machine machine, InputStream evidence) throws SnapshotException {
        Path zip = null;
        try {
            zip = Files.createTempFile("osbaseline-bundle-", ".zip");
            Files.copy(evidence, zip, StandardCopyOption.REPLACE_EXISTING);
            return WindowsExportReader.readBundle(zip, machine);
        } catch (IOException e) {
            throw new SnapshotException("cannot keep the Windows bundle of " + machine.id() + " to read it: " + e, e);
        } finally {
            if (zip != null) {
                try {
                    Files.deleteIfExists(zip);
                } catch (IOException e) {
                    LOG.warn("cannot remove {}: {}", zip, e.toString());
                }
            }
        }
    }
}
