package io.osbaseline.bench.reference;

import io.osbaseline.engine.BaselineEngine;
import io.osbaseline.engine.FindingAssembler;
import io.osbaseline.model.Assessment;
import io.osbaseline.model.Baseline;
import io.osbaseline.model.ConfigurationSnapshot;
import io.osbaseline.model.OsFamily;
import io.osbaseline.model.RuleInfo;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Assesses a snapshot by indexing its facts in maps and running every applicable check over them. Thread-safe. */
final class ReferenceEngine implements BaselineEngine {
    private final List<Baseline> baselines;
    private final List<RuleInfo> rules;
    private final Map<OsFamily, List<ReferenceCheck>> checksByFamily = new EnumMap<>(OsFamily.class);
    private final FindingAssembler assembler;

    ReferenceEngine(List<Baseline> baselines, List<ReferenceCheck> checks, FindingAssembler assembler) {
        this.baselines = baselines;
        this.rules = checks.stream().map(ReferenceCheck::info).toList();
        this.assembler = assembler;
        for (OsFamily family : OsFamily.values()) {
            checksByFamily.put(family, checks.stream().filter(c -> c.info().appliesTo(family)).toList());
        }
    }

    @Override
    public List<Baseline> baselines() {
        return baselines;
    }

    @Override
    public List<RuleInfo> rules() {
        return rules;
    }

    @Override
    public Assessment assess(ConfigurationSnapshot snapshot) {
        FindingAssembler.VerdictSheet sheet = assembler.newSheet(snapshot);
        List<ReferenceCheck> checks = checksByFamily.get(snapshot.machine().osFamily());
        if (!checks.isEmpty()) {
            MachineFacts facts = new MachineFacts(snapshot.machine(), snapshot.facts(),
                    snapshot.coverage().collectors());
            for (ReferenceCheck check : checks) {
                check.evaluate(facts, sheet);
            }
        }
        return sheet.finish();
    }
}
