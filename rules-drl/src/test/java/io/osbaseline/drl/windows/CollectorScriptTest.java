package io.osbaseline.drl.windows;

import static org.assertj.core.api.Assertions.assertThat;

import io.osbaseline.drl.pack.BaselinePack;
import io.osbaseline.drl.pack.PackLoader;
import io.osbaseline.drl.pack.RuleSpec;
import io.osbaseline.model.fact.RegistryValue;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The collector script captures every registry key the Windows pack reads, so that no rule is left unknown. */
class CollectorScriptTest {
    private static final String SCRIPT = "io/osbaseline/local/windows/osbaseline-collect.ps1";

    static List<String> scriptKeys() throws IOException {
        String script;
        try (InputStream in = CollectorScriptTest.class.getClassLoader().getResourceAsStream(SCRIPT)) {
            assertThat(in).as(SCRIPT).isNotNull();
            script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Matcher block = Pattern.compile("\\$RegistryKeys = @\\((.*?)\\n\\)", Pattern.DOTALL).matcher(script);
        assertThat(block.find()).as("the $RegistryKeys list of " + SCRIPT).isTrue();
        List<String> keys = new ArrayList<>();
        Matcher key = Pattern.compile("'([^']+)'").matcher(block.group(1));
        while (key.find()) {
            keys.add(RegistryValue.canonicalPath(key.group(1)));
        }
        return keys;
    }

    @Test
    void everyRegistryKeyThePackReadsIsUnderAKeyTheScriptExports() throws IOException {
        List<String> roots = scriptKeys();
        BaselinePack pack = PackLoader.load(getClass().getClassLoader()).stream()
                .filter(p -> p.baseline().id().equals("azure-windows")).findFirst().orElseThrow();
        List<String> keys = new ArrayList<>();
        for (BaselinePack.RuleFile f : pack.files()) {
            for (RuleSpec r : f.rules()) {
                if (r.check() != null && r.check().has("registry")) {
                    keys.add(RegistryValue.canonicalPath(r.check().get("registry").get("key").asText()));
                }
            }
        }
        assertThat(keys).hasSize(194);
        assertThat(keys).allSatisfy(k -> assertThat(roots).as("script keys covering " + k)
                .anyMatch(root -> k.equals(root) || k.startsWith(root + "\\")));
    }
}
