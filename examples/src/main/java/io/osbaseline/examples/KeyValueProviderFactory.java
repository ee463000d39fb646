package io.osbaseline.examples;

import io.osbaseline.model.CollectorRun;
import io.osbaseline.model.ConfigurationSnapshot;
import io.osbaseline.model.Coverage;
import io.osbaseline.model.Machine;
import io.osbaseline.model.OsFamily;
import io.osbaseline.model.fact.Fact;
import io.osbaseline.model.fact.Setting;
import io.osbaseline.provider.InvalidOptionException;
import io.osbaseline.provider.Provider;
import io.osbaseline.provider.ProviderFactory;
import io.osbaseline.provider.ProviderOption;
import io.osbaseline.provider.ProviderOptions;
import io.osbaseline.provider.SnapshotException;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * A minimal custom provider, registered in {@code META-INF/services/io.osbaseline.provider.ProviderFactory}: one
 * machine whose facts come from a properties file, each {@code namespace.key=value} line a {@link Setting}. Custom
 * DRL rules judge those settings like any other fact.
 */
public final class KeyValueProviderFactory implements ProviderFactory {
    @Override
    public String id() {
        return "key-value";
    }

    @Override
    public String description() {
        return "Example provider: one machine whose settings come from a namespace.key=value file";
    }

    @Override
    public List<ProviderOption> options() {
        return List.of(
                ProviderOption.required("path", "the properties file"),
                ProviderOption.optional("name", "the machine's name (default: the file name)"),
                ProviderOption.withDefault("os", "the machine's OS family, LINUX or WINDOWS", "LINUX"));
    }

    @Override
    public Provider create(ProviderOptions options) throws InvalidOptionException {
        Path path = Path.of(options.require("path"));
        if (!Files.isRegularFile(path)) {
            throw new InvalidOptionException("option 'path' of provider 'key-value': no file " + path);
        }
        OsFamily os;
        try {
            os = OsFamily.valueOf(options.require("os").toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidOptionException("option 'os' of provider 'key-value' must be LINUX or WINDOWS");
        }
        Machine machine = Machine.builder(options.get("name").orElse(path.getFileName().toString()))
                .osFamily(os).build();
        return new Provider() {
            @Override
            public Stream<Machine> machines() {
                return Stream.of(machine);
            }

            @Override
            public ConfigurationSnapshot collect(Machine m) throws SnapshotException {
                Properties props = new Properties();
                try (Reader r = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
                    props.load(r);
                } catch (IOException | IllegalArgumentException e) {
                    throw new SnapshotException("cannot read " + path + ": " + e.getMessage(), e);
                }
                List<Fact> facts = new ArrayList<>();
                for (String name : props.stringPropertyNames().stream().sorted().toList()) {
                    int dot = name.indexOf('.');
                    if (dot <= 0) {
                        throw new SnapshotException(path + ": key '" + name + "' needs a namespace: namespace.key");
                    }
                    facts.add(new Setting(name.substring(0, dot), name.substring(dot + 1), props.getProperty(name)));
                }
                return new ConfigurationSnapshot(m, Instant.now(), facts,
                        new Coverage(List.of(CollectorRun.collected("key-value", path.toString())), List.of()));
            }
        };
    }
}
