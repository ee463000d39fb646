package io.osbaseline.gcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.osbaseline.provider.InvalidOptionException;
import io.osbaseline.provider.ProviderException;
import io.osbaseline.provider.ProviderFactory;
import io.osbaseline.provider.ProviderOption;
import io.osbaseline.provider.Providers;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;

class GcpProviderFactoryTest {

    @Test
    void isFoundThroughServiceLoaderWithItsOptions() {
        ProviderFactory gcp = Providers.available().stream().filter(f -> f.id().equals("gcp")).findFirst()
                .orElseThrow();

        assertThat(gcp).isInstanceOf(GcpProviderFactory.class);
        assertThat(gcp.options()).extracting(ProviderOption::name, ProviderOption::required)
                .containsExactly(Tuple.tuple("projects", true),
                        Tuple.tuple("filter", false));
    }

    @Test
    void projectsAreRequiredAndUnknownOptionsAreRejected() {
        assertThatThrownBy(() -> Providers.create("gcp", Map.of())).isInstanceOf(InvalidOptionException.class)
                .hasMessageStartingWith("provider 'gcp' needs the option 'projects' (comma-separated project ids");
        assertThatThrownBy(() -> Providers.create("gcp", Map.of("project", "shop-prod")))
                .isInstanceOf(InvalidOptionException.class)
                .hasMessage("provider 'gcp' has no option 'project'; it accepts: projects, filter");
    }

    @Test
    void readsCommaSeparatedProjectIdsAndNumbers() throws Exception {
        assertThat(GcpProviderFactory.projects(" shop-prod , shop-dev,shop-prod,731944201882, example.com:legacy-1 "))
                .containsExactly("shop-prod", "shop-dev", "731944201882", "example.com:legacy-1");
    }

    @Test
    void refusesWhatIsNotAProject() {
        assertThatThrownBy(() -> GcpProviderFactory.projects("shop-prod,Shop_Prod"))
                .isInstanceOf(InvalidOptionException.class)
                .hasMessage("option 'projects' of provider 'gcp': 'Shop_Prod' is not a project id (6 to 30 "
                        + "lower-case letters, digits and hyphens, starting with a letter) nor a project number");
        assertThatThrownBy(() -> GcpProviderFactory.projects(" , "))
                .isInstanceOf(InvalidOptionException.class)
                .hasMessage("option 'projects' of provider 'gcp' names no project; give project ids separated by "
                        + "commas");
        assertThatThrownBy(() -> Providers.create("gcp", Map.of("projects", "shop")))
                .isInstanceOf(InvalidOptionException.class).hasMessageContaining("'shop' is not a project id");
    }

    @Test
    void credentialsThatCannotBeLoadedStopTheProviderWithTheirReason() {
        assertThatThrownBy(() -> GcpProvider.builder().projects(List.of("shop-prod"))
                .credentials(() -> {
                    throw new IOException("scanner-key.json: no such file");
                })
                .build())
                .isExactlyInstanceOf(ProviderException.class)
                .hasMessage("cannot create the Google Cloud clients: scanner-key.json: no such file");
    }

    @Test
    void aProviderNeedsAProject() {
        assertThatThrownBy(() -> GcpProvider.builder().projects(List.of()).build())
                .isExactlyInstanceOf(ProviderException.class)
                .hasMessage("the gcp provider needs at least one project");
    }
}
