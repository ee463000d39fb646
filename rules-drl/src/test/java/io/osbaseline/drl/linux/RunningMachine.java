package io.osbaseline.drl.linux;

import io.osbaseline.model.CollectorRun;
import io.osbaseline.model.ConfigurationSnapshot;
import io.osbaseline.model.Coverage;
import io.osbaseline.model.CoverageGap;
import io.osbaseline.model.fact.Fact;
import io.osbaseline.model.fact.Setting;
import io.osbaseline.model.fact.Sysctl;
import io.osbaseline.model.fact.SystemService;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The runtime state of a test root, as the live collectors of the {@code local} provider report it on a running
 * machine: the running kernel and processor ({@code kernel}), the network interfaces ({@code interfaces}), the
 * iptables policies in force ({@code firewall}), the active state of units ({@code services}) and the kernel
 * parameters the kernel lacks ({@code sysctl}).
 *
 * <p>An offline root has none of this: the {@code local} provider reads a test root as an offline root, and the live
 * collectors are tested on their own in providers-local, on roots with a /proc and a /sys of their own. This class
 * adds, to the offline snapshot of a test root, the facts those collectors emit, in the same shape, so that every rule
 * can be judged here as on a running machine.
 */
final class RunningMachine {
    private static final Set<String> RUNTIME_COLLECTORS = Set.of("kernel", "interfaces", "firewall", "services");

    private String kernelRelease;
    private String kernelVersion;
    private String cpuFlags;
    private String cpuFeatures;
    private final Map<String, String> interfaces = new LinkedHashMap<>();
    private final Map<String, String> iptables = new LinkedHashMap<>();
    private final Map<String, String> activeStates = new LinkedHashMap<>();
    private final Set<String> missingSysctlKeys = new TreeSet<>();

    /** The running kernel: {@code uname -r} and the line of /proc/version. */
    RunningMachine kernel(String release, String version) {
        this.kernelRelease = release;
        this.kernelVersion = version;
        return this;
    }

    /** The flags line of /proc/cpuinfo, as on x86. */
    RunningMachine cpuFlags(String flags) {
        this.cpuFlags = flags;
        this.cpuFeatures = null;
        return this;
    }

    /** The Features line of /proc/cpuinfo, as on Arm, which has no flags line. */
    RunningMachine cpuFeatures(String features) {
        this.cpuFeatures = features;
        this.cpuFlags = null;
        return this;
    }

    /** An interface and its flags, as {@code InterfacesCollector} names them: {@code up,broadcast,running}. */
    RunningMachine iface(String name, String flags) {
        interfaces.put(name, flags);
        return this;
    }

    /** The policy of a built-in chain of the filter table, as {@code iptables -S} prints it. */
    RunningMachine policy(String chain, String policy) {
        iptables.put(chain, policy);
        return this;
    }

    /** The active state of a unit, as {@code systemctl list-units} prints it; units not named are inactive. */
    RunningMachine unit(String name, String activeState) {
        activeStates.put(name, activeState);
        return this;
    }

    /** A kernel parameter this kernel does not have (IPv6 keys when IPv6 is disabled at boot). */
    RunningMachine withoutSysctl(String key) {
        missingSysctlKeys.add(key);
        return this;
    }

    /** The offline snapshot with this runtime state added, and the runtime collectors' runs as they are live. */
    ConfigurationSnapshot apply(ConfigurationSnapshot offline) {
        List<Fact> facts = new ArrayList<>();
        int units = 0;
        for (Fact f : offline.facts()) {
            if (f instanceof SystemService s) {
                facts.add(new SystemService(s.name(), s.unitFileState(),
                        activeStates.getOrDefault(s.name(), "inactive")));
                units++;
            } else if (holdsAtRuntime(f)) {
                facts.add(f);
            }
        }
        missingSysctlKeys.forEach(k -> facts.add(new Setting("sysctl", "unavailable", k)));
        facts.add(new Setting("kernel", "release", kernelRelease));
        facts.add(new Setting("kernel", "version", kernelVersion));
        facts.add(cpuFlags != null ? new Setting("cpu", "flags", cpuFlags)
                : new Setting("cpu", "features", cpuFeatures));
        interfaces.forEach((name, flags) -> facts.add(new Setting("interface", name, flags)));
        iptables.forEach((chain, policy) -> facts.add(new Setting("iptables", chain, policy)));

        Map<String, String> details = Map.of(
                "kernel", "kernel " + kernelRelease + "; CPU " + (cpuFlags != null ? "flags" : "features")
                        + " of the first processor",
                "interfaces", interfaces.size() + " interfaces from /sys/class/net",
                "firewall", "policies of " + iptables.size() + " chains of the filter table from iptables -S",
                "services", units + " units; active states from systemctl");
        List<CollectorRun> runs = offline.coverage().collectors().stream()
                .map(r -> RUNTIME_COLLECTORS.contains(r.collector())
                        ? CollectorRun.collected(r.collector(), details.get(r.collector())) : r)
                .toList();
        List<CoverageGap> gaps = offline.coverage().gaps().stream()
                .filter(g -> !RUNTIME_COLLECTORS.contains(g.collector())).toList();
        return new ConfigurationSnapshot(offline.machine(), offline.collectedAt(), facts, new Coverage(runs, gaps));
    }

    /**
     * Whether a fact of the offline snapshot holds for the running machine too. Live, the saved iptables rules are
     * not read (the rules in force are), and a kernel parameter the kernel lacks has no value.
     */
    private boolean holdsAtRuntime(Fact f) {
        if (f instanceof Setting s) {
            return !s.namespace().equals("iptables");
        }
        return !(f instanceof Sysctl k && missingSysctlKeys.contains(k.key()));
    }
}
