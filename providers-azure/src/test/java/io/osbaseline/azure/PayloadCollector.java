package io.osbaseline.azure;

import io.osbaseline.model.ConfigurationSnapshot;
import io.osbaseline.model.Coverage;
import io.osbaseline.model.Machine;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A collector for transport tests: its script prints a file of bytes base64-encoded (as the real collector prints its
 * gzip'ed tar), and it keeps what arrives per machine, so that a test can compare it with what was sent.
 */
final class PayloadCollector implements EvidenceCollector {
    private final Path payload;
    private final Map<String, byte[]> received = new ConcurrentHashMap<>();

    PayloadCollector(Path payload) {
        this.payload = payload;
    }

    @Override
    public String script() {
        return "base64 '" + payload + "'\n";
    }

    @Override
    public ConfigurationSnapshot read(Machine machine, InputStream evidence) {
        try {
            received.put(machine.name(), evidence.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new ConfigurationSnapshot(machine, Instant.now(), List.of(), Coverage.EMPTY);
    }

    byte[] received(String machine) {
        return received.get(machine);
    }
}
