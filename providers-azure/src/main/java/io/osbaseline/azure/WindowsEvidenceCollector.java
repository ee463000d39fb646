package io.osbaseline.azure;

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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Our Windows collector: the local provider's {@code osbaseline-collect.ps1}, run with {@code -Base64Zip} so that it
 * prints its bundle as a base64 zip, and the local provider's bundle reader ({@link WindowsExportReader#readBundle}).
 * The script runs as a script block so that its {@code param()} block takes the switches, and the bundle folder and
 * zip it leaves in the temporary directory are deleted.
 */
final class WindowsEvidenceCollector implements EvidenceCollector {
    private static final Logger LOG = LoggerFactory.getLogger(WindowsEvidenceCollector.class);
    static final String RESOURCE = "/io/osbaseline/local/windows/osbaseline-collect.ps1";

    private final String script;

    WindowsEvidenceCollector() {
        String collector;
        try (InputStream in = WindowsExportReader.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the Windows collector script " + RESOURCE
                        + " is missing from the class path (osbaseline-providers-local)");
            }
            collector = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
        if (collector.startsWith("\uFEFF")) {
            collector = collector.substring(1);
        }
        this.script = "$collector = {\n" + collector.stripTrailing() + "\n}\n"
                + "$bundle = Join-Path $env:TEMP ('osbaseline-' + [guid]::NewGuid())\n"
                + "try { & $collector -Base64Zip -OutputPath $bundle }\n"
                + "finally { Remove-Item -LiteralPath $bundle, ($bundle + '.zip') -Recurse -Force"
                + " -ErrorAction SilentlyContinue }\n";
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
            try (InputStream in = evidence) {
                Files.write(zip, in.readAllBytes());
            }
            return WindowsExportReader.readBundle(zip, machine);
        } catch (IOException e) {
            throw new SnapshotException("cannot keep the Windows bundle of " + machine.name() + " in a temporary file: "
                    + e.getMessage(), e);
        } finally {
            if (zip != null) {
                try {
                    Files.deleteIfExists(zip);
                } catch (IOException e) {
                    LOG.debug("cannot delete the temporary bundle {}: {}", zip, e.getMessage());
                }
            }
        }
    }
}
