package io.osbaseline.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.osbaseline.model.Assessment;
import io.osbaseline.model.Finding;
import io.osbaseline.model.Report;
import io.osbaseline.model.Status;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TableRendererTest {

    private static List<String> lines(String text) {
        return text.lines().toList();
    }

    /** The lines of the block that starts with {@code first}, up to the next blank line. */
    private static List<String> block(String text, String first) {
        List<String> all = lines(text);
        int start = all.indexOf(first);
        assertThat(start).as("line '%s' in:%n%s", first, text).isNotNegative();
        int end = start + 1;
        while (end < all.size() && !all.get(end).isBlank()) {
            end++;
        }
        return all.subList(start, end);
    }

    @Test
    void theHeadlineAndTheRecommendationCountsAppear() {
        String text = new TableRenderer(false).render(ReportFixture.report());

        assertThat(lines(text).get(0)).isEqualTo("osbaseline report, generated 2025-03-01T08:00:00Z");
        List<String> linux = block(text, ReportFixture.LINUX.recommendation());
        assertThat(linux.get(1)).isEqualTo("  Azure Linux security baseline (azure-linux)");
        assertThat(linux.get(2))
                .isEqualTo("  Unhealthy machines: 2   Healthy: 2   Not applicable: 2   Not assessed: 2");
        List<String> windows = block(text, ReportFixture.WINDOWS.recommendation());
        assertThat(windows.get(2)).isEqualTo("  Unhealthy machines: 1   Healthy: 0   Not applicable: 0   Not assessed: 1");
    }

    @Test
    void failedChecksAreListedInRankOrderWithTheirMachineCounts() {
        String text = new TableRenderer(false).render(ReportFixture.report());

        List<String> checks = block(text, "  SEVERITY       RULE         MACHINES  FAILED CHECK");
        assertThat(checks.subList(1, 5)).containsExactly(
                "  Critical       1.1.4        1         Rule 1.1.4",
                "  Critical       1.1.16       1         Rule 1.1.16",
                "  Important      10           2         Rule 10",
                "  Important      2.1          1         Rule 2.1");
        assertThat(checks).contains("  not assessed: lin-f: ssh refused", "  not assessed: unk-g: no route to host");
    }

    @Test
    void aRecommendationWithoutFailuresSaysSo() {
        ReportBuilder b = ReportFixture.builder();
        b.add(ReportFixture.linux(ReportFixture.LIN_C, Map.of()));

        String text = new TableRenderer(false).render(b.build());

        assertThat(lines(text)).contains("  Unhealthy machines: 0   Healthy: 1   Not applicable: 0", "  No failed checks.");
        assertThat(text).doesNotContain("Not assessed").doesNotContain("SEVERITY");
    }

    @Test
    void theMachineDrillDownShowsExpectedAndActual() {
        String text = new TableRenderer(false).render(ReportFixture.report());

        List<String> linA = block(text, "Machine lin-a (LINUX, Ubuntu 22.04): UNHEALTHY");
        assertThat(linA.get(1)).isEqualTo("  5 rules: 2 pass, 3 fail");
        assertThat(linA.get(2)).matches("  FAIL +Critical +1\\.1\\.16 +Rule 1\\.1\\.16");
        assertThat(linA.get(3).strip()).isEqualTo("expected: = 0");
        assertThat(linA.get(4).strip()).isEqualTo("actual:   /tmp: no nodev");
        assertThat(linA).anySatisfy(l -> assertThat(l).matches("  FAIL +Important +10 +Rule 10"));
        assertThat(linA).anySatisfy(l -> assertThat(l.strip()).isEqualTo("actual:   PASS_MAX_DAYS 99999"));
        assertThat(linA).as("passing checks are hidden").noneSatisfy(l -> assertThat(l).startsWith("  PASS"));

        assertThat(lines(text)).contains("Machine lin-f (LINUX, Ubuntu 22.04): ERROR: ssh refused",
                "Machine unk-g (UNKNOWN): ERROR: no route to host",
                "Machine lin-e (LINUX, Ubuntu 22.04): NOT_APPLICABLE: deallocated",
                "Machine lin-c (LINUX, Ubuntu 22.04): HEALTHY");

        List<String> linH = block(text, "Machine lin-h (LINUX, Ubuntu 22.04): HEALTHY");
        assertThat(linH.get(1)).isEqualTo("  5 rules: 5 unknown");
        assertThat(linH).anySatisfy(l -> assertThat(l.strip())
                .isEqualTo("reason:   collector 'sysctl' did not run for this snapshot"));
    }

    @Test
    void showPassingListsPassingChecksToo() {
        String text = new TableRenderer(true).render(ReportFixture.report());

        List<String> linA = block(text, "Machine lin-a (LINUX, Ubuntu 22.04): UNHEALTHY");
        assertThat(linA).anySatisfy(l -> assertThat(l).matches("  PASS +Warning +5\\.2\\.8 +Rule 5\\.2\\.8"));
        assertThat(linA.get(2)).as("failures still come first").startsWith("  FAIL");
    }

    @Test
    void exemptChecksShowTheirReason() {
        Finding exempt = Finding.of("lin-a", ReportFixture.R_2_1, Status.EXEMPT, "1", "exempt: router; the rule found FAIL");
        ReportBuilder b = ReportFixture.builder();
        b.add(Assessment.of(ReportFixture.LIN_A, List.of(exempt)));

        String text = new TableRenderer(true).render(b.build());

        List<String> linA = block(text, "Machine lin-a (LINUX, Ubuntu 22.04): HEALTHY");
        assertThat(linA.get(1)).isEqualTo("  1 rules: 1 exempt");
        assertThat(linA).anySatisfy(l -> assertThat(l.strip()).isEqualTo("reason:   exempt: router; the rule found FAIL"));
    }

    @Test
    void theCountsDoNotDependOnTheDefaultLocale() {
        Locale saved = Locale.getDefault();
        Locale.setDefault(Locale.forLanguageTag("tr-TR"));
        try {
            String text = new TableRenderer(false).render(ReportFixture.report());

            assertThat(lines(text)).contains("  5 rules: 2 pass, 3 fail", "  5 rules: 5 not applicable");
        } finally {
            Locale.setDefault(saved);
        }
    }
}
