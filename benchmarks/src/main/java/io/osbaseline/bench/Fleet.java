package io.osbaseline.bench;

import io.osbaseline.model.ConfigurationSnapshot;
import io.osbaseline.model.Machine;
import io.osbaseline.model.fact.AuditPolicy;
import io.osbaseline.model.fact.Fact;
import io.osbaseline.model.fact.FileInfo;
import io.osbaseline.model.fact.KernelModule;
import io.osbaseline.model.fact.RegistryValue;
import io.osbaseline.model.fact.RegistryValueType;
import io.osbaseline.model.fact.SecurityPolicy;
import io.osbaseline.model.fact.Setting;
import io.osbaseline.model.fact.SshdOption;
import io.osbaseline.model.fact.Sysctl;
import io.osbaseline.model.fact.SystemService;
import io.osbaseline.model.fact.UserRight;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * A fleet generated from captured snapshots: machine {@code i} is the captured snapshot {@code i mod n} under its own
 * id, with about {@value #CHANGED_PERCENT}% of its facts' values changed the way drift changes them (a kernel
 * parameter flipped, an sshd option toggled, a file mode loosened, a unit enabled or disabled, a module loaded; on
 * Windows a registry DWORD changed, a subcategory audited differently, a user right granted to one more group, an
 * account policy value moved), so that verdicts differ from machine to machine as in a real fleet. Machine {@code i}
 * is the same on every call, and it is built when asked for: a stream of any length holds one machine per thread at
 * a time.
 */
public final class Fleet {
    static final int CHANGED_PERCENT = 4;
    private static final int[] MODES = {0400, 0600, 0640, 0644, 0664, 0666};
    /** Groups a user right gets granted to by mistake: Everyone, Users, Guests, Authenticated Users. */
    private static final String[] GRANTEES = {"S-1-1-0", "S-1-5-32-545", "S-1-5-32-546", "S-1-5-11"};

    private final List<ConfigurationSnapshot> bases;

    public Fleet(List<ConfigurationSnapshot> bases) {
        if (bases.isEmpty()) {
            throw new IllegalArgumentException("a fleet needs at least one captured snapshot");
        }
        this.bases = List.copyOf(bases);
    }

    /** Machine {@code i}. */
    public ConfigurationSnapshot machine(int i) {
        ConfigurationSnapshot base = bases.get(i % bases.size());
        SplittableRandom random = new SplittableRandom(0x5eedL * 31 + i);
        List<Fact> facts = new ArrayList<>(base.facts().size());
        for (Fact f : base.facts()) {
            facts.add(random.nextInt(100) < CHANGED_PERCENT ? drift(f, random) : f);
        }
        Machine m = base.machine();
        String id = m.id() + "-" + i;
        Machine machine = new Machine(id, id, m.osFamily(), m.osName(), m.osVersion(), m.cloud(), m.region(),
                m.resourceId(), m.tags());
        return new ConfigurationSnapshot(machine, base.collectedAt(), facts, base.coverage());
    }

    /** Machines {@code 0 .. count-1}, built lazily in order. */
    public Stream<ConfigurationSnapshot> stream(int count) {
        return IntStream.range(0, count).mapToObj(this::machine);
    }

    /** The first {@code count} machines, built now. */
    public List<ConfigurationSnapshot> first(int count) {
        return stream(count).toList();
    }

    private static Fact drift(Fact f, SplittableRandom random) {
        if (f instanceof Sysctl s) {
            return new Sysctl(s.key(), flipped(s.value(), random), s.source());
        }
        if (f instanceof SshdOption o) {
            return new SshdOption(o.key(), flipped(o.value(), random), o.source());
        }
        if (f instanceof Setting s) {
            return new Setting(s.namespace(), s.key(), flipped(s.value(), random));
        }
        if (f instanceof FileInfo i && i.exists()) {
            return new FileInfo(i.path(), true, i.kind(), MODES[random.nextInt(MODES.length)], i.owner(), i.group(),
                    i.uid(), i.gid());
        }
        if (f instanceof SystemService s) {
            return new SystemService(s.name(), s.unitFileState().equals("enabled") ? "disabled" : "enabled",
                    s.activeState());
        }
        if (f instanceof RegistryValue v && v.valueType() == RegistryValueType.DWORD) {
            return new RegistryValue(v.path(), v.name(), v.valueType(), flipped(v.data(), random), v.source());
        }
        if (f instanceof SecurityPolicy p) {
            return new SecurityPolicy(p.section(), p.key(), flipped(p.value(), random), p.source());
        }
        if (f instanceof AuditPolicy a) {
            int code = ((a.success() ? 1 : 0) + (a.failure() ? 2 : 0) + 1 + random.nextInt(3)) % 4;
            return new AuditPolicy(a.guid(), a.subcategory(), (code & 1) != 0, (code & 2) != 0, a.source());
        }
        if (f instanceof UserRight r) {
            List<String> principals = new ArrayList<>(r.principals());
            principals.add(GRANTEES[random.nextInt(GRANTEES.length)]);
            return new UserRight(r.right(), principals, r.source());
        }
        if (f instanceof KernelModule k) {
            return new KernelModule(k.name(), k.installCommand(), k.blacklisted(), !Boolean.TRUE.equals(k.loaded()),
                    k.source());
        }
        return f;
    }

    /** yes and no swap, a number moves, anything else stays. */
    private static String flipped(String value, SplittableRandom random) {
        switch (value) {
            case "yes":
                return "no";
            case "no":
                return "yes";
            default:
                if (value.matches("\\d{1,6}")) {
                    int n = Integer.parseInt(value);
                    return Integer.toString(n == 0 ? 1 : random.nextBoolean() ? 0 : n * 2);
                }
                return value;
        }
    }
}
