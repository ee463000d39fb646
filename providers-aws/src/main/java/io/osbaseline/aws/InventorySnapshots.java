package io.osbaseline.aws;

import io.osbaseline.local.linux.LinuxSnapshotter;
import io.osbaseline.model.CollectorRun;
import io.osbaseline.model.ConfigurationSnapshot;
import io.osbaseline.model.Coverage;
import io.osbaseline.model.Machine;
import io.osbaseline.model.OsFamily;
import io.osbaseline.model.fact.Fact;
import io.osbaseline.model.fact.InstalledPackage;
import io.osbaseline.provider.SnapshotException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.annotation.Nullable;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.model.ListInventoryEntriesRequest;
import software.amazon.awssdk.services.ssm.model.ListInventoryEntriesResponse;

/**
 * Snapshots from SSM Inventory, without running anything on the machine: the installed applications that an inventory
 * association (for example {@code AWS-GatherSoftwareInventory}) last reported, type {@code AWS:Application}, become
 * {@link InstalledPackage} facts with manager {@value #MANAGER}. That is all SSM Inventory holds of what the baselines
 * examine, so every other collector is recorded UNAVAILABLE with the reason, and the rules that need one are UNKNOWN
 * instead of passing on facts that were never read.
 */
final class InventorySnapshots {
    static final String TYPE = "AWS:Application";
    static final String MANAGER = "ssm-inventory";
    static final String PACKAGES = "packages";
    private static final int PAGE_SIZE = 50;

    private final Clock clock;

    InventorySnapshots(Clock clock) {
        this.clock = clock;
    }

    /**
     * The snapshot of {@code machine} from its inventory in SSM.
     *
     * @throws SnapshotException when SSM cannot be read or answers with entries that have no name
     */
    ConfigurationSnapshot snapshot(SsmClient ssm, Machine machine) throws SnapshotException {
        List<Fact> facts = new ArrayList<>();
        String captured = null;
        String token = null;
        do {
            ListInventoryEntriesResponse page;
            try {
                page = ssm.listInventoryEntries(ListInventoryEntriesRequest.builder().instanceId(machine.id())
                        .typeName(TYPE).maxResults(PAGE_SIZE).nextToken(token).build());
            } catch (SdkException e) {
                throw new SnapshotException("cannot read the SSM inventory (" + TYPE + ") of " + machine.id() + ": "
                        + AwsErrors.describe(e), e);
            }
            captured = page.captureTime() != null ? page.captureTime() : captured;
            for (Map<String, String> entry : page.entries()) {
                facts.add(pkg(machine, entry, facts.size()));
            }
            token = page.nextToken() == null || page.nextToken().isEmpty() ? null : page.nextToken();
        } while (token != null);

        List<CollectorRun> runs = new ArrayList<>();
        if (facts.isEmpty() && captured == null) {
            runs.add(CollectorRun.failed(PACKAGES, "SSM Inventory holds no " + TYPE + " data for " + machine.id()
                    + " (no inventory association such as AWS-GatherSoftwareInventory has reported it)"));
        } else {
            runs.add(CollectorRun.collected(PACKAGES, facts.size() + " applications from SSM Inventory (" + TYPE
                    + (captured == null ? "" : ", captured " + captured) + ")"));
        }
        if (machine.osFamily() == OsFamily.LINUX) {
            for (String collector : LinuxSnapshotter.COLLECTOR_NAMES) {
                if (!collector.equals(PACKAGES)) {
                    runs.add(CollectorRun.unavailable(collector, "not read in SSM inventory mode: SSM Inventory holds"
                            + " installed applications only (use mode=command to run the collector on the machine)"));
                }
            }
        }
        return new ConfigurationSnapshot(machine, clock.instant(), facts, new Coverage(runs, List.of()));
    }

    /** One {@code AWS:Application} entry; rpm's Release joins the Version as {@code rpm -q} prints it. */
    private static InstalledPackage pkg(Machine machine, Map<String, String> entry, int index)
            throws SnapshotException {
        String name = blankToNull(entry.get("Name"));
        if (name == null) {
            throw new SnapshotException("SSM inventory entry " + index + " (" + TYPE + ") of " + machine.id()
                    + " has no Name: " + entry);
        }
        String version = blankToNull(entry.get("Version"));
        String release = blankToNull(entry.get("Release"));
        String full = version == null ? "" : release == null ? version : version + "-" + release;
        return new InstalledPackage(name, full, MANAGER);
    }

    @Nullable
    private static String blankToNull(@Nullable String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
