package io.osbaseline.drl.pack;

import io.osbaseline.model.Baseline;
import java.util.List;

/**
 * A built-in baseline: its description and its rules, file by file.
 *
 * @param baseline the baseline
 * @param drlPackage the DRL package its rules are generated into
 * @param files its rule files, in order
 */
public record BaselinePack(Baseline baseline, String drlPackage, List<RuleFile> files) {
    public BaselinePack {
        files = List.copyOf(files);
    }

    /**
     * One YAML file of a pack.
     *
     * @param resource the classpath resource it was read from
     * @param rules its rules
     */
    public record RuleFile(String resource, List<RuleSpec> rules) {
        public RuleFile {
            rules = List.copyOf(rules);
        }
    }

    /** Every rule of the pack. */
    public List<RuleSpec> rules() {
        return files.stream().flatMap(f -> f.rules().stream()).toList();
    }
}
