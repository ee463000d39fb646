package io.osbaseline.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.osbaseline.cli.SmallRoot;
import io.osbaseline.engine.BaselineEngine;
import io.osbaseline.model.Assessment;
import io.osbaseline.model.Finding;
import io.osbaseline.model.Report;
import io.osbaseline.model.Status;
import io.osbaseline.provider.Provider;
import io.osbaseline.provider.ProviderFactory;
import io.osbaseline.provider.Providers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedding samples, exercised as a user would run them. */
class ExamplesTest {
    @TempDir
    Path tmp;

    @Test
    void theEmbeddingProgramScansARoot() throws Exception {
        Path root = SmallRoot.write(tmp);
        Report report = EmbedExample.scan(Map.of("root", root.toString()));
        assertThat(report.recommendations()).singleElement()
                .satisfies(r -> assertThat(r.unhealthy()).extracting(m -> m.id()).containsExactly("cli-test"));
        assertThat(report.recommendations().get(0).failedChecks()).extracting(c -> c.rule().id()).contains("109");
    }

    @Test
    void theCustomProviderIsFoundThroughServiceLoaderAndItsSettingsAreJudgedByACustomRule() throws Exception {
        assertThat(Providers.available()).extracting(ProviderFactory::id).contains("key-value");
        BaselineEngine engine = BaselineEngine.builder().withoutBuiltInBaselines()
                .rules(Path.of("rules/acme-app.drl")).build();

        Path weak = Files.writeString(tmp.resolve("weak.properties"), "tls.min_version=1.0\napp.name=shop\n");
        Finding f = assess(engine, weak);
        assertThat(f.status()).isEqualTo(Status.FAIL);
        assertThat(f.actual()).isEqualTo("1.0");
        assertThat(f.title()).isEqualTo("The application accepts TLS 1.2 or later only");

        Path strong = Files.writeString(tmp.resolve("strong.properties"), "tls.min_version=1.3\n");
        assertThat(assess(engine, strong).status()).isEqualTo(Status.PASS);

        Path unset = Files.writeString(tmp.resolve("unset.properties"), "app.name=shop\n");
        assertThat(assess(engine, unset).actual()).isEqualTo("not set: the library default accepts TLS 1.0");
    }

    private static Finding assess(BaselineEngine engine, Path file) throws Exception {
        try (Provider p = Providers.create("key-value", Map.of("path", file.toString()))) {
            Assessment a = engine.assess(p.collect(p.machines().findFirst().orElseThrow()));
            return a.findings().get(0);
        }
    }
}
