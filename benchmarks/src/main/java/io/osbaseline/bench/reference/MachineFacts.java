package io.osbaseline.bench.reference;

import io.osbaseline.model.CollectorRun;
import io.osbaseline.model.Machine;
import io.osbaseline.model.fact.AuditPolicy;
import io.osbaseline.model.fact.Fact;
import io.osbaseline.model.fact.FileInfo;
import io.osbaseline.model.fact.FileLines;
import io.osbaseline.model.fact.HomeDirectory;
import io.osbaseline.model.fact.InstalledPackage;
import io.osbaseline.model.fact.KernelModule;
import io.osbaseline.model.fact.MachineRole;
import io.osbaseline.model.fact.Mount;
import io.osbaseline.model.fact.OsRelease;
import io.osbaseline.model.fact.PamEntry;
import io.osbaseline.model.fact.RegistryScope;
import io.osbaseline.model.fact.RegistryValue;
import io.osbaseline.model.fact.SecurityPolicy;
import io.osbaseline.model.fact.Setting;
import io.osbaseline.model.fact.SshdOption;
import io.osbaseline.model.fact.Sysctl;
import io.osbaseline.model.fact.SystemService;
import io.osbaseline.model.fact.UserAccount;
import io.osbaseline.model.fact.UserGroup;
import io.osbaseline.model.fact.UserRight;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One machine's facts, indexed the obvious way: a hash map per fact type from the field checks look facts up by to
 * the facts with that value, in snapshot order. Built once per assessment, in one pass. The collectors' runs are
 * indexed too: some DRL rules match them like facts.
 */
final class MachineFacts {
    final Map<String, List<Sysctl>> sysctlByKey = new HashMap<>();
    final Map<String, List<SshdOption>> sshdByKey = new HashMap<>();
    final Map<String, List<Setting>> settingsByNamespaceAndKey = new HashMap<>();
    final Map<String, List<Setting>> settingsByNamespace = new HashMap<>();
    final Map<String, List<InstalledPackage>> packagesByName = new HashMap<>();
    final Map<String, List<SystemService>> servicesByName = new HashMap<>();
    final Map<String, List<Mount>> mountsByPoint = new HashMap<>();
    final Map<String, List<KernelModule>> modulesByName = new HashMap<>();
    final Map<String, List<FileInfo>> filesByPath = new HashMap<>();
    final Map<String, List<FileLines>> linesByPath = new HashMap<>();
    final List<UserAccount> accounts = new ArrayList<>();
    final List<UserGroup> groups = new ArrayList<>();
    final List<PamEntry> pam = new ArrayList<>();
    final List<OsRelease> osReleases = new ArrayList<>();
    final Map<String, List<CollectorRun>> runsByCollector = new HashMap<>();
    final List<HomeDirectory> homes = new ArrayList<>();
    final Machine machine;
    final Map<String, List<RegistryValue>> registryByPathAndName = new HashMap<>();
    final List<RegistryScope> registryScopes = new ArrayList<>();
    final Map<String, List<SecurityPolicy>> securityPolicyBySectionAndKey = new HashMap<>();
    final Map<String, List<AuditPolicy>> auditPolicyByGuid = new HashMap<>();
    final Map<String, List<UserRight>> userRightsByRight = new HashMap<>();
    final List<MachineRole> machineRoles = new ArrayList<>();

    MachineFacts(Machine machine, List<Fact> facts, List<CollectorRun> runs) {
        this.machine = machine;
        for (CollectorRun r : runs) {
            add(runsByCollector, r.collector(), r);
        }
        for (Fact f : facts) {
            if (f instanceof Sysctl s) {
                add(sysctlByKey, s.key(), s);
            } else if (f instanceof SshdOption o) {
                add(sshdByKey, o.key(), o);
            } else if (f instanceof Setting s) {
                add(settingsByNamespaceAndKey, settingKey(s.namespace(), s.key()), s);
                add(settingsByNamespace, s.namespace(), s);
            } else if (f instanceof InstalledPackage p) {
                add(packagesByName, p.name(), p);
            } else if (f instanceof SystemService s) {
                add(servicesByName, s.name(), s);
            } else if (f instanceof Mount m) {
                add(mountsByPoint, m.mountPoint(), m);
            } else if (f instanceof KernelModule k) {
                add(modulesByName, k.name(), k);
            } else if (f instanceof FileInfo i) {
                add(filesByPath, i.path(), i);
            } else if (f instanceof FileLines l) {
                add(linesByPath, l.path(), l);
            } else if (f instanceof UserAccount u) {
                accounts.add(u);
            } else if (f instanceof UserGroup g) {
                groups.add(g);
            } else if (f instanceof PamEntry p) {
                pam.add(p);
            } else if (f instanceof OsRelease o) {
                osReleases.add(o);
            } else if (f instanceof HomeDirectory h) {
                homes.add(h);
            } else if (f instanceof RegistryValue v) {
                add(registryByPathAndName, registryKey(v.path(), v.name()), v);
            } else if (f instanceof RegistryScope s) {
                registryScopes.add(s);
            } else if (f instanceof SecurityPolicy p) {
                add(securityPolicyBySectionAndKey, settingKey(p.section(), p.key()), p);
            } else if (f instanceof AuditPolicy a) {
                add(auditPolicyByGuid, a.guid(), a);
            } else if (f instanceof UserRight r) {
                add(userRightsByRight, r.right(), r);
            } else if (f instanceof MachineRole r) {
                machineRoles.add(r);
            }
        }
    }

    static String settingKey(String namespace, String key) {
        return namespace + '\u0000' + key;
    }

    /** The key of a registry value in {@link #registryByPathAndName}: its canonical path and lower-case name. */
    static String registryKey(String path, String name) {
        return path + '\u0000' + name;
    }

    static <T> List<T> get(Map<String, List<T>> index, String key) {
        return index.getOrDefault(key, List.of());
    }

    private static <T> void add(Map<String, List<T>> index, String key, T fact) {
        index.computeIfAbsent(key, k -> new ArrayList<>(2)).add(fact);
    }
}
