package io.osbaseline.local.linux;

import io.osbaseline.model.CollectorRun;
import io.osbaseline.model.fact.Setting;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code interfaces}: the network interfaces of the running host, from {@code /sys/class/net}. Each interface gives
 * {@code Setting("interface", NAME, FLAGS)}, where FLAGS lists, comma-separated, the interface flags that are set
 * ({@code up}, {@code broadcast}, {@code loopback}, {@code pointopoint}, {@code running}, {@code noarp},
 * {@code promisc}, {@code allmulti}, {@code multicast}; from {@code /sys/class/net/NAME/flags}) and {@code wireless}
 * when the interface is a wireless one (it has a {@code wireless} or {@code phy80211} entry), or {@code none}.
 *
 * <p>Interfaces are runtime state: under an offline root the run is UNAVAILABLE.
 */
final class InterfacesCollector implements Collector {
    static final String NAME = "interfaces";
    static final String SYS_CLASS_NET = "/sys/class/net";

    /** The IFF_* bits of linux/if.h that rules may care about, in bit order. */
    private static final String[] FLAG_NAMES = {"up", "broadcast", null, "loopback", "pointopoint", null, "running",
        "noarp", "promisc", "allmulti", null, null, "multicast"};

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public CollectorRun collect(CollectorContext ctx) {
        if (!ctx.live()) {
            return CollectorRun.unavailable(NAME,
                    "network interfaces are runtime state, which an offline root does not have");
        }
        Optional<List<String>> names;
        try {
            names = ctx.fs().list(SYS_CLASS_NET);
        } catch (IOException e) {
            ctx.gap(SYS_CLASS_NET, e);
            return ctx.done("cannot list " + SYS_CLASS_NET);
        }
        if (names.isEmpty()) {
            ctx.gap(SYS_CLASS_NET, "absent: /sys is not mounted");
            return ctx.done("no " + SYS_CLASS_NET);
        }
        int count = 0;
        for (String name : names.get()) {
            String dir = SYS_CLASS_NET + "/" + name;
            Optional<List<String>> flags = ctx.lines(dir + "/flags");
            if (flags.isEmpty() || flags.get().isEmpty()) {
                continue; // not an interface (bonding_masters), or unreadable: then ctx.lines recorded a gap
            }
            int bits;
            try {
                bits = Integer.decode(flags.get().get(0).strip());
            } catch (NumberFormatException e) {
                ctx.gap(dir + "/flags", "not a number: " + flags.get().get(0).strip());
                continue;
            }
            ctx.emit(new Setting("interface", name, describe(bits, isWireless(ctx, dir))));
            count++;
        }
        return ctx.done(CollectorContext.count(count, "interface") + " from " + SYS_CLASS_NET);
    }

    private static boolean isWireless(CollectorContext ctx, String dir) {
        for (String entry : List.of("/wireless", "/phy80211")) {
            try {
                if (ctx.fs().resolve(dir + entry).isPresent()) {
                    return true;
                }
            } catch (IOException e) {
                ctx.gap(dir + entry, e);
            }
        }
        return false;
    }

    /** "up,broadcast,running,multicast", plus ",wireless"; "none" when nothing is set. */
    static String describe(int bits, boolean wireless) {
        List<String> set = new ArrayList<>();
        for (int i = 0; i < FLAG_NAMES.length; i++) {
            if (FLAG_NAMES[i] != null && (bits & (1 << i)) != 0) {
                set.add(FLAG_NAMES[i]);
            }
        }
        if (wireless) {
            set.add("wireless");
        }
        return set.isEmpty() ? "none" : String.join(",", set);
    }
}
