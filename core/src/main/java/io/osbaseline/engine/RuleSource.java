package io.osbaseline.engine;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Rules given to an engine in its language (DRL for the Drools engine): a file, a classpath resource or a string.
 * The source is read when the engine is built, and its name appears in every error about it.
 */
public abstract class RuleSource {
    private final String name;

    private RuleSource(String name) {
        this.name = Objects.requireNonNull(name, "name");
    }

    /** The name errors use: the file path, the resource name or the given name. */
    public String name() {
        return name;
    }

    /** The rules' text. */
    public abstract String read() throws IOException;

    @Override
    public String toString() {
        return name;
    }

    /** Rules in a file. */
    public static RuleSource file(Path path) {
        return new RuleSource(path.toString()) {
            @Override
            public String read() throws IOException {
                return Files.readString(path, StandardCharsets.UTF_8);
            }
        };
    }

    /** Rules in a classpath resource, for example {@code com/acme/rules/ssh.drl}. */
    public static RuleSource classpath(String resource, ClassLoader loader) {
        String normalized = resource.startsWith("/") ? resource.substring(1) : resource;
        return new RuleSource("classpath:" + normalized) {
            @Override
            public String read() throws IOException {
                try (InputStream in = loader.getResourceAsStream(normalized)) {
                    if (in == null) {
                        throw new IOException("no classpath resource " + normalized);
                    }
                    return new String(in.readAllBytes(), StandardCharsets.UTF_8);
                }
            }
        };
    }

    /** Rules in a classpath resource, found through the thread's context class loader. */
    public static RuleSource classpath(String resource) {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        return classpath(resource, loader != null ? loader : RuleSource.class.getClassLoader());
    }

    /** Rules given as text; {@code name} identifies them in errors, for example {@code inline.drl}. */
    public static RuleSource text(String name, String text) {
        Objects.requireNonNull(text, "text");
        return new RuleSource(name) {
            @Override
            public String read() {
                return text;
            }
        };
    }
}
