package io.osbaseline.model.fact;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializerProvider;
import java.io.IOException;

/** File modes in JSON as the octal strings people read ({@code "0644"}), not as decimal numbers. */
final class OctalMode {
    private OctalMode() {
    }

    static String format(int mode) {
        // what String.format("%04o", mode) gives, without its parsing: rules print modes on every verdict
        String octal = Integer.toOctalString(mode);
        return octal.length() >= 4 ? octal : "0000".substring(octal.length()) + octal;
    }

    static final class Serializer extends JsonSerializer<Integer> {
        @Override
        public void serialize(Integer value, JsonGenerator gen, SerializerProvider serializers) throws IOException {
            gen.writeString(format(value));
        }
    }

    static final class Deserializer extends JsonDeserializer<Integer> {
        @Override
        public Integer deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (p.currentToken() != JsonToken.VALUE_STRING) {
                return (Integer) ctxt.handleUnexpectedToken(Integer.class, p);
            }
            String text = p.getText().trim();
            if (!text.matches("[0-7]{1,5}")) {
                return (Integer) ctxt.handleWeirdStringValue(Integer.class, text,
                        "expected an octal file mode such as \"0644\"");
            }
            return Integer.parseInt(text, 8);
        }
    }
}
