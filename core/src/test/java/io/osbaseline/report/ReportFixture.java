package io.osbaseline.report;

import io.osbaseline.model.Assessment;
import io.osbaseline.model.Baseline;
import io.osbaseline.model.Finding;
import io.osbaseline.model.Machine;
import io.osbaseline.model.OsFamily;
import io.osbaseline.model.Report;
import io.osbaseline.model.RuleInfo;
import io.osbaseline.model.Severity;
import io.osbaseline.model.Status;
import io.osbaseline.testing.Fixtures;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** A small mixed fleet, assessed against a Linux and a Windows baseline. */
final class ReportFixture {
    static final Baseline LINUX = new Baseline("azure-linux", "Azure Linux security baseline", OsFamily.LINUX,
            "Vulnerabilities in security configuration on your Linux machines should be remediated");
    static final Baseline WINDOWS = new Baseline("azure-windows", "Azure Windows security baseline",
            OsFamily.WINDOWS, "Vulnerabilities in security configuration on your Windows machines should be remediated");

    static final RuleInfo R_1_1_4 = Fixtures.rule("azure-linux", "1.1.4", Severity.CRITICAL, OsFamily.LINUX);
    static final RuleInfo R_1_1_16 = Fixtures.rule("azure-linux", "1.1.16", Severity.CRITICAL, OsFamily.LINUX);
    static final RuleInfo R_2_1 = Fixtures.rule("azure-linux", "2.1", Severity.IMPORTANT, OsFamily.LINUX);
    static final RuleInfo R_10 = Fixtures.rule("azure-linux", "10", Severity.IMPORTANT, OsFamily.LINUX);
    static final RuleInfo R_5_2_8 = Fixtures.rule("azure-linux", "5.2.8", Severity.WARNING, OsFamily.LINUX);
    static final RuleInfo WIN_145 = Fixtures.rule("azure-windows", "AZ-WIN-00145", Severity.CRITICAL,
            OsFamily.WINDOWS);
    static final List<RuleInfo> LINUX_RULES = List.of(R_1_1_4, R_1_1_16, R_2_1, R_10, R_5_2_8);

    static final Machine LIN_A = Fixtures.linux("lin-a");
    static final Machine LIN_B = Fixtures.linux("lin-b");
    static final Machine LIN_C = Fixtures.linux("lin-c");
    static final Machine LIN_D = Fixtures.linux("lin-d");
    static final Machine LIN_E = Fixtures.linux("lin-e");
    static final Machine LIN_F = Fixtures.linux("lin-f");
    static final Machine LIN_H = Fixtures.linux("lin-h");
    static final Machine UNK_G = Machine.builder("unk-g").build();
    static final Machine WIN_1 = Fixtures.windows("win-1");

    private ReportFixture() {
    }

    /** Linux findings, one per rule: the given failures with their actual values, PASS for the others. */
    static Assessment linux(Machine m, Map<RuleInfo, String> failures) {
        List<Finding> findings = new ArrayList<>();
        for (RuleInfo r : LINUX_RULES) {
            findings.add(failures.containsKey(r) ? Finding.of(m.id(), r, Status.FAIL, failures.get(r), null)
                    : Finding.of(m.id(), r, Status.PASS, "0", null));
        }
        return Assessment.of(m, findings);
    }

    static Assessment linuxAll(Machine m, Status status, String reason) {
        return Assessment.of(m, LINUX_RULES.stream().map(r -> Finding.of(m.id(), r, status, null, reason)).toList());
    }

    static List<Assessment> assessments() {
        return List.of(
                linux(LIN_A, Map.of(R_2_1, "ip_forward = 1", R_10, "PASS_MAX_DAYS 99999", R_1_1_16, "/tmp: no nodev")),
                linux(LIN_B, Map.of(R_10, "PASS_MAX_DAYS 730", R_1_1_4, "/tmp: no noexec")),
                linux(LIN_C, Map.of()),
                linuxAll(LIN_D, Status.NOT_APPLICABLE, "container image"),
                Assessment.notApplicable(LIN_E, "deallocated"),
                Assessment.error(LIN_F, "ssh refused"),
                Assessment.error(UNK_G, "no route to host"),
                Assessment.of(WIN_1, List.of(Finding.of("win-1", WIN_145, Status.FAIL, "0", null))),
                linuxAll(LIN_H, Status.UNKNOWN, "collector 'sysctl' did not run for this snapshot"));
    }

    static ReportBuilder builder() {
        List<RuleInfo> rules = new ArrayList<>(LINUX_RULES);
        rules.add(WIN_145);
        return new ReportBuilder(List.of(LINUX, WINDOWS), rules, Clock.fixed(Fixtures.NOW, ZoneOffset.UTC));
    }

    static Report report() {
        ReportBuilder b = builder();
        assessments().forEach(b::add);
        return b.build();
    }

    static <T> Map<String, T> byId(List<T> values, Function<T, String> id) {
        return values.stream().collect(Collectors.toMap(id, Function.identity()));
    }
}
