package io.osbaseline.testing;

import io.osbaseline.model.ConfigurationSnapshot;
import io.osbaseline.model.Machine;
import io.osbaseline.provider.MachineNotApplicableException;
import io.osbaseline.provider.Provider;
import io.osbaseline.provider.ProviderException;
import io.osbaseline.provider.SnapshotException;
import io.osbaseline.provider.UncheckedProviderException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.IntConsumer;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * A real provider over a fleet held in memory: a local stand-in for a cloud. The inventory is streamed lazily, one
 * machine at a time; what each machine's collection does is configurable, and counters record how the scan used it.
 */
public final class InMemoryProvider implements Provider {
    /** What collecting one machine does. */
    public enum Behaviour {
        IP_FORWARD_OFF, IP_FORWARD_ON, SNAPSHOT_EXCEPTION, SNAPSHOT_EXCEPTION_WITHOUT_MESSAGE, NOT_APPLICABLE,
        RUNTIME_EXCEPTION
    }

    private final List<Machine> machines;
    private final Map<String, Behaviour> behaviours = new HashMap<>();
    private int failInventoryAfter = -1;
    private Consumer<Machine> onCollect = m -> { };
    private IntConsumer onList = n -> { };

    /** Machines taken from the inventory stream so far. */
    public final AtomicInteger listed = new AtomicInteger();
    /** Collections running now, and the most that ever ran at once. */
    public final AtomicInteger collecting = new AtomicInteger();
    public final AtomicInteger maxCollecting = new AtomicInteger();
    public volatile boolean closed;

    public InMemoryProvider(List<Machine> machines) {
        this.machines = List.copyOf(machines);
    }

    /** {@code count} Linux machines vm-00, vm-01, ... */
    public static InMemoryProvider linuxFleet(int count) {
        List<Machine> fleet = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            fleet.add(Fixtures.linux(String.format("vm-%02d", i)));
        }
        return new InMemoryProvider(fleet);
    }

    public InMemoryProvider behave(String machineId, Behaviour behaviour) {
        behaviours.put(machineId, behaviour);
        return this;
    }

    /** The inventory stream fails, as a failing page would, after {@code count} machines. */
    public InMemoryProvider failInventoryAfter(int count) {
        this.failInventoryAfter = count;
        return this;
    }

    /** Runs on the listing thread each time the inventory stream hands out a machine, with the count so far. */
    public InMemoryProvider onList(IntConsumer hook) {
        this.onList = hook;
        return this;
    }

    /** Runs at the start of every collection, on the collecting thread. */
    public InMemoryProvider onCollect(Consumer<Machine> hook) {
        this.onCollect = hook;
        return this;
    }

    @Override
    public Stream<Machine> machines() {
        return IntStream.range(0, machines.size()).mapToObj(i -> {
            if (i == failInventoryAfter) {
                throw new UncheckedProviderException(new ProviderException("listing page " + (i / 2 + 1)
                        + " failed: 503 Service Unavailable"));
            }
            onList.accept(listed.incrementAndGet());
            return machines.get(i);
        });
    }

    @Override
    public ConfigurationSnapshot collect(Machine machine) throws SnapshotException {
        maxCollecting.accumulateAndGet(collecting.incrementAndGet(), Math::max);
        try {
            onCollect.accept(machine);
            return switch (behaviours.getOrDefault(machine.id(), Behaviour.IP_FORWARD_OFF)) {
                case IP_FORWARD_OFF -> Fixtures.ipForward(machine, "0");
                case IP_FORWARD_ON -> Fixtures.ipForward(machine, "1");
                case SNAPSHOT_EXCEPTION -> throw new SnapshotException("ssh to " + machine.id()
                        + " refused: connection reset");
                case SNAPSHOT_EXCEPTION_WITHOUT_MESSAGE -> throw new SnapshotException(null,
                        new java.io.EOFException());
                case NOT_APPLICABLE -> throw new MachineNotApplicableException(machine.id() + " is deallocated");
                case RUNTIME_EXCEPTION -> throw new IllegalStateException("bug in the provider");
            };
        } finally {
            collecting.decrementAndGet();
        }
    }

    @Override
    public void close() {
        closed = true;
    }
}
