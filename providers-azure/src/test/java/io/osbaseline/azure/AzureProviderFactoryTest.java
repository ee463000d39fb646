package io.osbaseline.azure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.osbaseline.provider.InvalidOptionException;
import io.osbaseline.provider.ProviderFactory;
import io.osbaseline.provider.ProviderOption;
import io.osbaseline.provider.Providers;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AzureProviderFactoryTest {

    @Test
    void isFoundThroughServiceLoaderWithItsOptions() throws Exception {
        ProviderFactory azure = Providers.find("azure");

        assertThat(azure).isInstanceOf(AzureProviderFactory.class);
        assertThat(azure.options()).extracting(ProviderOption::name).containsExactly("subscription",
                "resource-group", "tag", "include-arc", "mode", "credential", "tenant", "client-id", "cloud",
                "output-container-url", "chunk-size", "evidence-dir", "run-timeout");
        assertThat(azure.options().get(0).required()).isTrue();
        assertThat(azure.options()).filteredOn(o -> o.name().equals("mode")).singleElement()
                .extracting(ProviderOption::defaultValue).isEqualTo("guest-configuration");
    }

    @Test
    void createsAProviderWithoutCallingAzure() throws Exception {
        // DefaultAzureCredential signs in lazily, on the first call: creating the provider needs no network
        try (var p = Providers.create("azure", Map.of("subscription", "s1, s2", "tag", "env=prod,owner",
                "cloud", "azure-us-government", "credential", "cli"))) {
            assertThat(p).isInstanceOf(AzureProvider.class);
        }
        try (var p = Providers.create("azure", Map.of("subscription", "s1", "mode", "run-command",
                "output-container-url", "https://acct.blob.core.windows.net/evidence?sv=2022-11-02&sig=x"))) {
            assertThat(p).isInstanceOf(AzureProvider.class);
        }
    }

    @Test
    void badValuesAreErrorsThatSayWhatFits() {
        assertThatThrownBy(() -> Providers.create("azure", Map.of())).isInstanceOf(InvalidOptionException.class)
                .hasMessageStartingWith("provider 'azure' needs the option 'subscription'");
        assertThatThrownBy(() -> Providers.create("azure", Map.of("subscription", "s", "mode", "ssh")))
                .isInstanceOf(InvalidOptionException.class)
                .hasMessage("option 'mode' of provider 'azure' must be guest-configuration or run-command, got 'ssh'");
        assertThatThrownBy(() -> Providers.create("azure", Map.of("subscription", "s", "credential", "password")))
                .hasMessage("option 'credential' of provider 'azure' must be one of default, cli, managed-identity,"
                        + " environment, workload-identity, got 'password'");
        assertThatThrownBy(() -> Providers.create("azure", Map.of("subscription", "s", "cloud", "mars")))
                .hasMessage("option 'cloud' of provider 'azure' must be one of azure, azure-china,"
                        + " azure-us-government, got 'mars'");
        assertThatThrownBy(() -> Providers.create("azure", Map.of("subscription", "s", "include-arc", "yes")))
                .hasMessage("option 'include-arc' of provider 'azure' must be true or false, got 'yes'");
        assertThatThrownBy(() -> Providers.create("azure", Map.of("subscription", "s", "chunk-size", "9000")))
                .hasMessage("option 'chunk-size' of provider 'azure' must be 256 to 3584, got 9000");
        assertThatThrownBy(() -> Providers.create("azure", Map.of("subscription", "s", "evidence-dir", "tmp")))
                .hasMessageContaining("the evidence directory must be an absolute path");
        assertThatThrownBy(() -> Providers.create("azure", Map.of("subscription", "s", "mode", "run-command",
                "output-container-url", "https://acct.blob.core.windows.net/evidence")))
                .hasMessageContaining("not a container SAS URL");
        assertThatThrownBy(() -> Providers.create("azure", Map.of("subscription", "s", "region", "x")))
                .hasMessageStartingWith("provider 'azure' has no option 'region'; it accepts: subscription,");
    }
}
