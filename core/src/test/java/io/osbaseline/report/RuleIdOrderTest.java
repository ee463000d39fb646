package io.osbaseline.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RuleIdOrderTest {

    @ParameterizedTest(name = "{0} < {1}")
    @CsvSource({
        "1.1.4, 1.1.16",
        "1.1.16, 2.1",
        "2.1, 10",
        "10, AZ-WIN-00145",
        "1.1, 1.1.1",
        "5.2.9, 5.2.10",
        "AZ-WIN-00145, AZ-WIN-00146",
        "AZ-WIN-00145, AZ-WIN-202208",
        "AZ-WIN-00999, AZ-WIN-1000",
        "AZ-LIN-1, az-win-1",
        "CCE-37615-2, CCE-37615-10",
        "6.2_4, 6.2_12",
    })
    void ordersRuleIdsTheWayBaselinesNumberThem(String lower, String higher) {
        assertThat(RuleIdOrder.INSTANCE.compare(lower, higher)).isNegative();
        assertThat(RuleIdOrder.INSTANCE.compare(higher, lower)).isPositive();
    }

    @Test
    void equalIdsCompareEqualAndDistinctIdsNever() {
        assertThat(RuleIdOrder.INSTANCE.compare("1.1.4", "1.1.4")).isZero();
        assertThat(RuleIdOrder.INSTANCE.compare("1.01", "1.1")).isNotZero();
        assertThat(RuleIdOrder.INSTANCE.compare("az-win-1", "AZ-WIN-1")).isNotZero();
    }

    @Test
    void sortsAList() {
        List<String> ids = new ArrayList<>(List.of("AZ-WIN-00145", "10", "2.1", "1.1.16", "1.1.4", "1.1.16.1"));

        ids.sort(RuleIdOrder.INSTANCE);

        assertThat(ids).containsExactly("1.1.4", "1.1.16", "1.1.16.1", "2.1", "10", "AZ-WIN-00145");
    }
}
