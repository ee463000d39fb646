package io.osbaseline.json;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.InvalidTypeIdException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.osbaseline.model.ConfigurationSnapshot;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.stream.Collectors;

/**
 * The stable JSON form of the model. Snapshots read strictly: an unknown field or fact type is an error that names
 * the file, the line and the JSON path, so that a typo in a hand-written snapshot never goes unnoticed.
 */
public final class Json {
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();
    private static final ObjectWriter PRETTY = MAPPER.writer(
            new DefaultPrettyPrinter().withObjectIndenter(new DefaultIndenter("  ", "\n")));

    private Json() {
    }

    /** The configured mapper, for reading and writing any model value. */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /** Any model value as indented JSON. */
    public static String write(Object value) {
        try {
            return PRETTY.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + value.getClass().getSimpleName() + " as JSON", e);
        }
    }

    /** Any model value as indented JSON, to {@code out} (left open). */
    public static void write(Object value, OutputStream out) throws IOException {
        PRETTY.without(com.fasterxml.jackson.core.JsonGenerator.Feature.AUTO_CLOSE_TARGET).writeValue(out, value);
    }

    /**
     * Reads a snapshot file.
     *
     * @throws MalformedSnapshotException naming the file, line and JSON path of the problem
     * @throws IOException when the file cannot be read
     */
    public static ConfigurationSnapshot readSnapshot(Path file) throws IOException, MalformedSnapshotException {
        try (InputStream in = Files.newInputStream(file)) {
            return readSnapshot(in, file.toString());
        }
    }

    /**
     * Reads a snapshot; {@code source} names the document in errors.
     *
     * @throws MalformedSnapshotException naming the source, line and JSON path of the problem
     */
    public static ConfigurationSnapshot readSnapshot(InputStream in, String source) throws MalformedSnapshotException {
        try {
            ConfigurationSnapshot s = MAPPER.readValue(in, ConfigurationSnapshot.class);
            if (s == null) {
                throw new MalformedSnapshotException(source, 0, "$", "the document is empty", null);
            }
            return s;
        } catch (JsonMappingException e) {
            throw new MalformedSnapshotException(source, line(e.getLocation()), path(e), problem(e), e);
        } catch (JsonProcessingException e) {
            String where = e.getProcessor() instanceof JsonParser p ? pointer(p.getParsingContext()) : "$";
            throw new MalformedSnapshotException(source, line(e.getLocation()), where, e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads a snapshot from a string; {@code source} names it in errors. */
    public static ConfigurationSnapshot readSnapshot(String json, String source) throws MalformedSnapshotException {
        return readSnapshot(new java.io.ByteArrayInputStream(json.getBytes(java.nio.charset.StandardCharsets.UTF_8)),
                source);
    }

    private static int line(JsonLocation location) {
        return location == null ? 0 : Math.max(0, location.getLineNr());
    }

    private static String path(JsonMappingException e) {
        StringBuilder s = new StringBuilder("$");
        for (JsonMappingException.Reference r : e.getPath()) {
            if (r.getFieldName() != null) {
                s.append('.').append(r.getFieldName());
            } else if (r.getIndex() >= 0) {
                s.append('[').append(r.getIndex()).append(']');
            }
        }
        return s.toString();
    }

    private static String pointer(JsonStreamContext context) {
        StringBuilder s = new StringBuilder();
        for (JsonStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
            s.insert(0, c.inArray() ? "[" + c.getCurrentIndex() + "]" : "." + c.getCurrentName());
        }
        return "$" + s;
    }

    private static String problem(JsonMappingException e) {
        if (e instanceof UnrecognizedPropertyException u) {
            return "unknown field '" + u.getPropertyName() + "'; known fields: " + names(u.getKnownPropertyIds());
        }
        if (e instanceof InvalidTypeIdException t) {
            return t.getTypeId() == null ? "the fact has no 'type'"
                    : "unknown fact type '" + t.getTypeId() + "'";
        }
        if (e instanceof ValueInstantiationException v && v.getCause() != null) {
            return "missing or invalid field: " + v.getCause().getMessage();
        }
        return e.getOriginalMessage();
    }

    private static String names(Collection<Object> ids) {
        return ids == null ? "?" : ids.stream().map(String::valueOf).sorted().collect(Collectors.joining(", "));
    }
}
