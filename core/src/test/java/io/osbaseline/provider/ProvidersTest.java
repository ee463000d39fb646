package io.osbaseline.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.osbaseline.OsBaselineException;
import io.osbaseline.model.Machine;
import io.osbaseline.testing.InMemoryProviderFactory;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class ProvidersTest {
    private final ProviderFactory memory = new InMemoryProviderFactory();

    @Test
    void anUnknownOptionListsTheAcceptedOnes() {
        assertThatThrownBy(() -> ProviderOptions.validate(memory, Map.of("size", "3", "zone", "1")))
                .isInstanceOf(InvalidOptionException.class)
                .hasMessage("provider 'memory' has no option 'zone'; it accepts: size, region, page-size");
    }

    @Test
    void aProviderWithoutOptionsSaysSo() {
        ProviderFactory empty = new io.osbaseline.testing.EmptyProviderFactory();

        assertThatThrownBy(() -> ProviderOptions.validate(empty, Map.of("root", "/mnt")))
                .isInstanceOf(InvalidOptionException.class)
                .hasMessage("provider 'empty' has no option 'root'; it takes no options");
    }

    @Test
    void aMissingRequiredOptionIsNamedWithItsDescription() {
        assertThatThrownBy(() -> ProviderOptions.validate(memory, Map.of("region", "eastus")))
                .isInstanceOf(InvalidOptionException.class)
                .isInstanceOf(ProviderException.class)
                .isInstanceOf(OsBaselineException.class)
                .hasMessage("provider 'memory' needs the option 'size' (how many machines); "
                        + "it accepts: size, region, page-size");
    }

    @Test
    void defaultsAreFilledAndOptionalOptionsStayAbsent() throws Exception {
        ProviderOptions options = ProviderOptions.validate(memory, Map.of("size", "3"));

        assertThat(options.get("region")).contains("westeurope");
        assertThat(options.get("page-size")).isEmpty();
        assertThat(options.require("size")).isEqualTo("3");
        assertThat(options.asMap()).containsOnly(Map.entry("size", "3"), Map.entry("region", "westeurope"));
        assertThatThrownBy(() -> options.asMap().put("size", "4")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void aGivenValueWinsOverTheDefault() throws Exception {
        ProviderOptions options = ProviderOptions.validate(memory, Map.of("size", "3", "region", "eastus"));

        assertThat(options.get("region")).contains("eastus");
    }

    @Test
    void theOptionsDoNotFollowLaterChangesOfTheGivenMap() throws Exception {
        Map<String, String> given = new LinkedHashMap<>(Map.of("size", "3"));
        ProviderOptions options = ProviderOptions.validate(memory, given);
        given.put("size", "300");

        assertThat(options.get("size")).contains("3");
    }

    @Test
    void getIntParsesOrNamesTheBadValue() throws Exception {
        ProviderOptions options = ProviderOptions.validate(memory, Map.of("size", " 12 ", "page-size", "ten"));

        assertThat(options.getInt("size")).contains(12);
        assertThat(options.getInt("absent")).isEmpty();
        assertThatThrownBy(() -> options.getInt("page-size"))
                .isInstanceOf(InvalidOptionException.class)
                .hasMessage("option 'page-size' of provider 'memory' must be an integer, got 'ten'");
    }

    @Test
    void requireRejectsAbsentAndBlankValues() throws Exception {
        ProviderOptions options = ProviderOptions.validate(memory, Map.of("size", "1", "page-size", "  "));

        assertThatThrownBy(() -> options.require("page-size"))
                .isInstanceOf(InvalidOptionException.class)
                .hasMessage("provider 'memory' needs the option 'page-size'");
        assertThatThrownBy(() -> options.require("nope"))
                .isInstanceOf(InvalidOptionException.class)
                .hasMessageContaining("'nope'");
    }

    @Test
    void availableProvidersAreFoundThroughServiceLoaderSortedById() {
        assertThat(Providers.available()).extracting(ProviderFactory::id).containsExactly("empty", "memory");
    }

    @Test
    void findReturnsTheFactory() throws Exception {
        ProviderFactory f = Providers.find("memory");

        assertThat(f).isInstanceOf(InMemoryProviderFactory.class);
        assertThat(f.options()).extracting(ProviderOption::name).containsExactly("size", "region", "page-size");
        assertThat(f.options().get(0).required()).isTrue();
        assertThat(f.options().get(1).defaultValue()).isEqualTo("westeurope");
    }

    @Test
    void anUnknownProviderListsTheAvailableOnes() {
        assertThatThrownBy(() -> Providers.find("nope"))
                .isInstanceOf(UnknownProviderException.class)
                .isInstanceOf(ProviderException.class)
                .hasMessage("no provider 'nope'; available: empty, memory");
        assertThat(new UnknownProviderException("aws", List.of())).hasMessage("no provider 'aws'; available: none");
    }

    @Test
    void createValidatesTheOptionsThenCreates() throws Exception {
        try (Provider provider = Providers.create("memory", Map.of("size", "3"))) {
            try (Stream<Machine> machines = provider.machines()) {
                assertThat(machines.map(Machine::id)).containsExactly("vm-00", "vm-01", "vm-02");
            }
        }
        assertThatThrownBy(() -> Providers.create("memory", Map.of()))
                .isInstanceOf(InvalidOptionException.class).hasMessageContaining("needs the option 'size'");
        assertThatThrownBy(() -> Providers.create("memory", Map.of("size", "many")))
                .isInstanceOf(InvalidOptionException.class).hasMessageContaining("must be an integer, got 'many'");
        assertThatThrownBy(() -> Providers.create("azure", Map.of()))
                .isInstanceOf(UnknownProviderException.class);
    }

    @Test
    void providerOptionFactoriesSetRequiredAndDefault() {
        assertThat(ProviderOption.required("root", "the root")).isEqualTo(
                new ProviderOption("root", "the root", true, null));
        assertThat(ProviderOption.optional("root", "the root")).isEqualTo(
                new ProviderOption("root", "the root", false, null));
        assertThat(ProviderOption.withDefault("root", "the root", "/")).isEqualTo(
                new ProviderOption("root", "the root", false, "/"));
    }

    @Test
    void anUncheckedProviderExceptionCarriesTheCheckedOne() {
        ProviderException cause = new ProviderException("page 3: 503");
        UncheckedProviderException e = new UncheckedProviderException(cause);

        assertThat(e.getCause()).isSameAs(cause);
        assertThat(e).hasMessage("page 3: 503");
    }
}
