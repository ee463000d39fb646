package io.osbaseline.testing;

import io.osbaseline.model.Cloud;
import io.osbaseline.model.CollectorRun;
import io.osbaseline.model.ConfigurationSnapshot;
import io.osbaseline.model.Coverage;
import io.osbaseline.model.CoverageGap;
import io.osbaseline.model.Machine;
import io.osbaseline.model.OsFamily;
import io.osbaseline.model.RuleInfo;
import io.osbaseline.model.Severity;
import io.osbaseline.model.fact.Fact;
import io.osbaseline.model.fact.Sysctl;
import java.time.Instant;
import java.util.List;

/** Small, realistic values shared by the tests. */
public final class Fixtures {
    public static final Instant NOW = Instant.parse("2025-03-01T08:00:00Z");

    private Fixtures() {
    }

    public static Machine linux(String id) {
        return Machine.builder(id).osFamily(OsFamily.LINUX).osName("Ubuntu").osVersion("22.04").cloud(Cloud.AZURE)
                .region("westeurope").build();
    }

    public static Machine windows(String id) {
        return Machine.builder(id).osFamily(OsFamily.WINDOWS).osName("Windows Server 2022 Datacenter")
                .osVersion("10.0.20348").cloud(Cloud.AZURE).build();
    }

    public static RuleInfo rule(String baselineId, String id, Severity severity, OsFamily family,
            String... requires) {
        return new RuleInfo(baselineId, id, "Rule " + id, severity, "General", null, "= 0", null, null,
                List.of(requires), family, null);
    }

    public static RuleInfo linuxRule(String id, String... requires) {
        return rule("azure-linux", id, Severity.WARNING, OsFamily.LINUX, requires);
    }

    public static ConfigurationSnapshot snapshot(Machine machine, List<Fact> facts, CollectorRun... runs) {
        return new ConfigurationSnapshot(machine, NOW, facts, new Coverage(List.of(runs), List.of()));
    }

    public static ConfigurationSnapshot snapshot(Machine machine, List<Fact> facts, List<CollectorRun> runs,
            List<CoverageGap> gaps) {
        return new ConfigurationSnapshot(machine, NOW, facts, new Coverage(runs, gaps));
    }

    /** A Linux snapshot whose sysctl collector ran and read {@code net.ipv4.ip_forward = value}. */
    public static ConfigurationSnapshot ipForward(Machine machine, String value) {
        return snapshot(machine, List.of(new Sysctl("net.ipv4.ip_forward", value, "runtime")),
                CollectorRun.collected("sysctl", "sysctl -a"));
    }
}
