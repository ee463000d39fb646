package io.osbaseline.gcp;

import com.google.cloud.osconfig.v1.Inventory;
import com.google.cloud.osconfig.v1.Inventory.SoftwarePackage;
import io.osbaseline.local.linux.LinuxSnapshotter;
import io.osbaseline.model.CollectorRun;
import io.osbaseline.model.ConfigurationSnapshot;
import io.osbaseline.model.Coverage;
import io.osbaseline.model.Machine;
import io.osbaseline.model.OsFamily;
import io.osbaseline.model.fact.Fact;
import io.osbaseline.model.fact.InstalledPackage;
import io.osbaseline.model.fact.OsRelease;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import javax.annotation.CheckForNull;
import javax.annotation.Nullable;

/**
 * What one instance's OS Config inventory says, read into facts as soon as it arrives so that the protobuf messages
 * are not kept: the OS (as {@link OsRelease} on Linux) and the installed packages. It carries the coverage that
 * makes its limits visible: every other Linux collector is UNAVAILABLE with a reason that names the source, so that
 * the rules needing them are UNKNOWN instead of passing on facts nobody collected.
 *
 * @param osFamily WINDOWS or LINUX from the inventory's OS short name; UNKNOWN when it has no OS information
 * @param osName the OS long name, for example {@code Debian GNU/Linux 12 (bookworm)}
 * @param osVersion the OS version, for example {@code 12} or {@code 10.0.20348}
 * @param reportedAt when the agent last reported the inventory
 */
record InventoryContent(OsFamily osFamily, @CheckForNull String osName, @CheckForNull String osVersion,
        @CheckForNull Instant reportedAt, List<Fact> facts, List<CollectorRun> runs) {

    static final String SOURCE = "the GCP OS Config inventory";
    static final String OS_RELEASE = "os-release";
    static final String PACKAGES = "packages";
    static final String NOT_IN_INVENTORY = SOURCE + " reports only the OS and the installed packages, and GCP has no "
            + "run-command API to collect more";

    /** Package managers as {@link InstalledPackage#manager()} names them. */
    static final String DPKG = "dpkg";
    static final String RPM = "rpm";

    static InventoryContent of(Inventory inventory) {
        Instant reportedAt = inventory.hasUpdateTime() ? Instant.ofEpochSecond(inventory.getUpdateTime().getSeconds(),
                inventory.getUpdateTime().getNanos()) : null;
        String when = reportedAt == null ? "" : ", reported " + reportedAt;
        Inventory.OsInfo os = inventory.hasOsInfo() ? inventory.getOsInfo() : null;
        String shortName = os == null ? null : blankToNull(os.getShortName());
        OsFamily family = shortName == null ? OsFamily.UNKNOWN
                : shortName.equals("windows") ? OsFamily.WINDOWS : OsFamily.LINUX;

        List<Fact> facts = new ArrayList<>();
        List<CollectorRun> runs = new ArrayList<>();
        if (family != OsFamily.WINDOWS) {
            if (shortName == null) {
                runs.add(CollectorRun.failed(OS_RELEASE, SOURCE + " has no OS information" + when));
            } else {
                // the agent reads ID, VERSION_ID and PRETTY_NAME from /etc/os-release, and nothing else
                facts.add(new OsRelease(shortName, List.of(), blankToNull(os.getVersion()), null,
                        blankToNull(os.getLongName())));
                runs.add(CollectorRun.collected(OS_RELEASE, "ID, VERSION_ID and PRETTY_NAME from " + SOURCE + when
                        + " (it does not report NAME or ID_LIKE)"));
            }
        }
        readPackages(inventory, when, facts, runs);
        if (family != OsFamily.WINDOWS) {
            for (String collector : LinuxSnapshotter.COLLECTOR_NAMES) {
                if (!collector.equals(OS_RELEASE) && !collector.equals(PACKAGES)) {
                    runs.add(CollectorRun.unavailable(collector, NOT_IN_INVENTORY));
                }
            }
        }
        return new InventoryContent(family, os == null ? null : blankToNull(os.getLongName()),
                os == null ? null : blankToNull(os.getVersion()), reportedAt, facts, runs);
    }

    private static void readPackages(Inventory inventory, String when, List<Fact> facts, List<CollectorRun> runs) {
        Map<String, Integer> byManager = new TreeMap<>();
        int patches = 0;
        for (Inventory.Item item : inventory.getItemsMap().values()) {
            if (!item.hasInstalledPackage()) {
                continue; // available updates are not installed
            }
            SoftwarePackage p = item.getInstalledPackage();
            if (p.hasZypperPatch()) {
                patches++;
                continue;
            }
            InstalledPackage installed = installedPackage(p);
            if (installed != null) {
                facts.add(installed);
                byManager.merge(installed.manager(), 1, Integer::sum);
            }
        }
        int total = byManager.values().stream().mapToInt(Integer::intValue).sum();
        if (total == 0) {
            runs.add(CollectorRun.failed(PACKAGES, SOURCE + " lists no installed packages" + when
                    + " (the agent may not have reported them yet)"));
            return;
        }
        String counts = byManager.entrySet().stream().map(e -> e.getKey() + " " + e.getValue())
                .collect(Collectors.joining(", "));
        String left = patches == 1 ? "; 1 zypper patch is not a package and was left out"
                : patches > 1 ? "; " + patches + " zypper patches are not packages and were left out" : "";
        runs.add(CollectorRun.collected(PACKAGES, total + (total == 1 ? " package (" : " packages (") + counts
                + ") from " + SOURCE + when + left));
    }

    /** The package, named and versioned as its manager does; null for a kind this SDK version does not know. */
    @CheckForNull
    static InstalledPackage installedPackage(SoftwarePackage p) {
        return switch (p.getDetailsCase()) {
            case APT_PACKAGE -> versioned(p.getAptPackage(), DPKG);
            case YUM_PACKAGE -> versioned(p.getYumPackage(), RPM);
            case ZYPPER_PACKAGE -> versioned(p.getZypperPackage(), RPM);
            case COS_PACKAGE -> versioned(p.getCosPackage(), "cos");
            case GOOGET_PACKAGE -> versioned(p.getGoogetPackage(), "googet");
            case WUA_PACKAGE -> new InstalledPackage(p.getWuaPackage().getTitle(),
                    Integer.toString(p.getWuaPackage().getRevisionNumber()), "wua");
            case QFE_PACKAGE -> new InstalledPackage(p.getQfePackage().getHotFixId(), "", "qfe");
            case WINDOWS_APPLICATION -> new InstalledPackage(p.getWindowsApplication().getDisplayName(),
                    p.getWindowsApplication().getDisplayVersion(), "windows-application");
            default -> null;
        };
    }

    private static InstalledPackage versioned(Inventory.VersionedPackage p, String manager) {
        return new InstalledPackage(p.getPackageName(), p.getVersion(), manager);
    }

    /**
     * The snapshot of {@code listed}, the machine as the inventory listed it, with the OS the inventory reports.
     *
     * @param clock stamps the snapshot when the inventory has no report time
     */
    ConfigurationSnapshot snapshot(Machine listed, Clock clock) {
        Machine.Builder machine = listed.toBuilder().osName(osName).osVersion(osVersion);
        if (osFamily != OsFamily.UNKNOWN) {
            machine.osFamily(osFamily);
        }
        return new ConfigurationSnapshot(machine.build(), reportedAt != null ? reportedAt : clock.instant(), facts,
                new Coverage(runs, List.of()));
    }

    @CheckForNull
    private static String blankToNull(@Nullable String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
