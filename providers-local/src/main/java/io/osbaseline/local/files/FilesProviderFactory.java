package io.osbaseline.local.files;

import io.osbaseline.provider.InvalidOptionException;
import io.osbaseline.provider.Provider;
import io.osbaseline.provider.ProviderException;
import io.osbaseline.provider.ProviderFactory;
import io.osbaseline.provider.ProviderOption;
import io.osbaseline.provider.ProviderOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The {@code files} provider: snapshots stored as JSON, one file or a directory tree of them. */
public final class FilesProviderFactory implements ProviderFactory {
    public static final String ID = "files";
    public static final String PATH = "path";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String description() {
        return "snapshot JSON files: one file, or every *.json under a directory";
    }

    @Override
    public List<ProviderOption> options() {
        return List.of(ProviderOption.required(PATH,
                "a snapshot JSON file, or a directory whose *.json files (searched recursively) are snapshots"));
    }

    @Override
    public Provider create(ProviderOptions options) throws ProviderException {
        String value = options.require(PATH);
        Path path = Path.of(value);
        if (!Files.exists(path)) {
            throw new InvalidOptionException("option '" + PATH + "' of provider '" + ID + "': " + value
                    + " does not exist");
        }
        if (!Files.isReadable(path)) {
            throw new InvalidOptionException("option '" + PATH + "' of provider '" + ID + "': " + value
                    + " is not readable");
        }
        return new FilesProvider(path);
    }
}
