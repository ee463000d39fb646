package io.osbaseline.testing;

import io.osbaseline.engine.BaselineEngine;
import io.osbaseline.engine.Expectation;
import io.osbaseline.engine.FindingAssembler;
import io.osbaseline.model.Assessment;
import io.osbaseline.model.Baseline;
import io.osbaseline.model.ConfigurationSnapshot;
import io.osbaseline.model.OsFamily;
import io.osbaseline.model.RuleInfo;
import io.osbaseline.model.Severity;
import io.osbaseline.model.Status;
import io.osbaseline.model.fact.Sysctl;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A small, real {@link BaselineEngine}: one Linux rule that judges {@code net.ipv4.ip_forward} through
 * {@link FindingAssembler}, the way every engine does. Counts its assessments.
 */
public final class IpForwardEngine implements BaselineEngine {
    public static final Baseline BASELINE = new Baseline("test-linux", "Test Linux baseline", OsFamily.LINUX,
            "Vulnerabilities in security configuration on your Linux machines should be remediated");
    public static final RuleInfo RULE = new RuleInfo("test-linux", "3.1.1", "Disable IP forwarding",
            Severity.IMPORTANT, "Network", null, "= 0", "A host is not a router.", "sysctl -w net.ipv4.ip_forward=0",
            List.of("sysctl"), OsFamily.LINUX, null);
    private static final String KEY = "net.ipv4.ip_forward";

    private final FindingAssembler assembler = new FindingAssembler(List.of(RULE), List.of(), Clock.systemUTC());
    private final Expectation expected = Expectation.parse(RULE.expected());
    public final AtomicInteger assessed = new AtomicInteger();

    @Override
    public List<Baseline> baselines() {
        return List.of(BASELINE);
    }

    @Override
    public List<RuleInfo> rules() {
        return assembler.rules();
    }

    @Override
    public Assessment assess(ConfigurationSnapshot snapshot) {
        assessed.incrementAndGet();
        FindingAssembler.VerdictSheet sheet = assembler.newSheet(snapshot);
        snapshot.facts(Sysctl.class).filter(s -> s.key().equals(KEY)).forEach(s -> sheet.record(RULE,
                expected.test(s.value()) ? Status.PASS : Status.FAIL, KEY + " = " + s.value(), null));
        return sheet.finish();
    }
}
