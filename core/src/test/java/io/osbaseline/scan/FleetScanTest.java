package io.osbaseline.scan;

import static io.osbaseline.testing.InMemoryProvider.Behaviour.IP_FORWARD_ON;
import static io.osbaseline.testing.InMemoryProvider.Behaviour.NOT_APPLICABLE;
import static io.osbaseline.testing.InMemoryProvider.Behaviour.RUNTIME_EXCEPTION;
import static io.osbaseline.testing.InMemoryProvider.Behaviour.SNAPSHOT_EXCEPTION;
import static io.osbaseline.testing.InMemoryProvider.Behaviour.SNAPSHOT_EXCEPTION_WITHOUT_MESSAGE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.osbaseline.engine.BaselineEngine;
import io.osbaseline.model.Assessment;
import io.osbaseline.model.AssessmentStatus;
import io.osbaseline.model.Baseline;
import io.osbaseline.model.ConfigurationSnapshot;
import io.osbaseline.model.Machine;
import io.osbaseline.model.MachineRef;
import io.osbaseline.model.Recommendation;
import io.osbaseline.model.Report;
import io.osbaseline.model.RuleInfo;
import io.osbaseline.provider.Provider;
import io.osbaseline.provider.ProviderException;
import io.osbaseline.provider.UncheckedProviderException;
import io.osbaseline.testing.Fixtures;
import io.osbaseline.testing.InMemoryProvider;
import io.osbaseline.testing.IpForwardEngine;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FleetScanTest {

    /** Ten machines: vm-02 cannot be collected, vm-04 is deallocated, vm-05 hits a provider bug, vm-06 fails. */
    private static InMemoryProvider troubledFleet() {
        return InMemoryProvider.linuxFleet(10)
                .behave("vm-02", SNAPSHOT_EXCEPTION)
                .behave("vm-04", NOT_APPLICABLE)
                .behave("vm-05", RUNTIME_EXCEPTION)
                .behave("vm-06", IP_FORWARD_ON);
    }

    private static List<Assessment> scan(Provider provider, BaselineEngine engine, int parallelism)
            throws ProviderException {
        List<Assessment> sink = new ArrayList<>();
        FleetScan.of(provider, engine).parallelism(parallelism).run(sink::add);
        return sink;
    }

    private static Map<String, Assessment> byId(List<Assessment> assessments) {
        return assessments.stream().collect(Collectors.toMap(a -> a.machine().id(), Function.identity()));
    }

    @ParameterizedTest(name = "parallelism {0}")
    @ValueSource(ints = {1, 4})
    void badMachinesEndWithAReasonAndTheOthersAreAssessed(int parallelism) throws Exception {
        IpForwardEngine engine = new IpForwardEngine();

        Map<String, Assessment> result = byId(scan(troubledFleet(), engine, parallelism));

        assertThat(result).hasSize(10);
        assertThat(result.get("vm-02").status()).isEqualTo(AssessmentStatus.ERROR);
        assertThat(result.get("vm-02").reason()).isEqualTo("ssh to vm-02 refused: connection reset");
        assertThat(result.get("vm-04").status()).isEqualTo(AssessmentStatus.NOT_APPLICABLE);
        assertThat(result.get("vm-04").reason()).isEqualTo("vm-04 is deallocated");
        assertThat(result.get("vm-05").status()).isEqualTo(AssessmentStatus.ERROR);
        assertThat(result.get("vm-05").reason())
                .isEqualTo("provider failed: java.lang.IllegalStateException: bug in the provider");
        assertThat(result.get("vm-06").status()).isEqualTo(AssessmentStatus.UNHEALTHY);
        assertThat(result.get("vm-06").findings().get(0).actual()).isEqualTo("net.ipv4.ip_forward = 1");
        assertThat(result.values()).filteredOn(a -> a.status() == AssessmentStatus.HEALTHY)
                .extracting(a -> a.machine().id())
                .containsExactlyInAnyOrder("vm-00", "vm-01", "vm-03", "vm-07", "vm-08", "vm-09");
        assertThat(engine.assessed).as("only collected snapshots reach the engine").hasValue(7);
    }

    @Test
    void parallelismOneAndFourGiveTheSameAssessments() throws Exception {
        List<Assessment> serial = scan(troubledFleet(), new IpForwardEngine(), 1);
        List<Assessment> parallel = scan(troubledFleet(), new IpForwardEngine(), 4);

        assertThat(parallel).hasSameSizeAs(serial);
        assertThat(new HashSet<>(parallel)).isEqualTo(new HashSet<>(serial));
        assertThat(serial).extracting(a -> a.machine().id()).as("serial keeps the inventory order")
                .containsExactly("vm-00", "vm-01", "vm-02", "vm-03", "vm-04", "vm-05", "vm-06", "vm-07", "vm-08",
                        "vm-09");
    }

    @Test
    void parallelismOneRunsOnTheCallingThread() throws Exception {
        Set<Thread> threads = ConcurrentHashMap.newKeySet();
        InMemoryProvider provider = InMemoryProvider.linuxFleet(3).onCollect(m -> threads.add(Thread.currentThread()));

        scan(provider, new IpForwardEngine(), 1);

        assertThat(threads).containsExactly(Thread.currentThread());
    }

    @Test
    void parallelismUsesWorkerThreads() throws Exception {
        Set<String> threads = ConcurrentHashMap.newKeySet();
        InMemoryProvider provider = InMemoryProvider.linuxFleet(3)
                .onCollect(m -> threads.add(Thread.currentThread().getName()));

        scan(provider, new IpForwardEngine(), 2);

        assertThat(threads).containsOnly("osbaseline-scan");
    }

    @ParameterizedTest(name = "parallelism {0}")
    @ValueSource(ints = {1, 4})
    void aSnapshotExceptionWithoutMessageStillEndsAsAnErrorOfThatMachineOnly(int parallelism) throws Exception {
        InMemoryProvider provider = InMemoryProvider.linuxFleet(3).behave("vm-01", SNAPSHOT_EXCEPTION_WITHOUT_MESSAGE);

        Map<String, Assessment> result = byId(scan(provider, new IpForwardEngine(), parallelism));

        assertThat(result).hasSize(3);
        assertThat(result.get("vm-01").status()).isEqualTo(AssessmentStatus.ERROR);
        assertThat(result.get("vm-01").reason()).isEqualTo("java.io.EOFException");
        assertThat(result.get("vm-02").status()).isEqualTo(AssessmentStatus.HEALTHY);
    }

    @ParameterizedTest(name = "parallelism {0}")
    @ValueSource(ints = {1, 4})
    void anEngineFailureOnOneMachineIsAnErrorOfThatMachine(int parallelism) throws Exception {
        IpForwardEngine real = new IpForwardEngine();
        BaselineEngine failingOnVm1 = new BaselineEngine() {
            @Override
            public List<Baseline> baselines() {
                return real.baselines();
            }

            @Override
            public List<RuleInfo> rules() {
                return real.rules();
            }

            @Override
            public Assessment assess(ConfigurationSnapshot snapshot) {
                if (snapshot.machine().id().equals("vm-01")) {
                    throw new IllegalStateException("rule 3.1.1 threw ArithmeticException");
                }
                if (snapshot.machine().id().equals("vm-02")) {
                    throw new NullPointerException();
                }
                return real.assess(snapshot);
            }
        };

        Map<String, Assessment> result = byId(scan(InMemoryProvider.linuxFleet(4), failingOnVm1, parallelism));

        assertThat(result.get("vm-01").status()).isEqualTo(AssessmentStatus.ERROR);
        assertThat(result.get("vm-01").reason()).isEqualTo("engine failed: rule 3.1.1 threw ArithmeticException");
        assertThat(result.get("vm-02").status()).isEqualTo(AssessmentStatus.ERROR);
        assertThat(result.get("vm-02").reason()).isEqualTo("engine failed: java.lang.NullPointerException");
        assertThat(result.get("vm-00").status()).isEqualTo(AssessmentStatus.HEALTHY);
        assertThat(result.get("vm-03").status()).isEqualTo(AssessmentStatus.HEALTHY);
    }

    @ParameterizedTest(name = "parallelism {0}")
    @ValueSource(ints = {1, 4})
    void aFailingInventoryPageSurfacesAsProviderExceptionAfterTheEarlierMachines(int parallelism) {
        InMemoryProvider provider = InMemoryProvider.linuxFleet(8).failInventoryAfter(5);
        List<Assessment> delivered = Collections.synchronizedList(new ArrayList<>());

        assertThatThrownBy(() -> FleetScan.of(provider, new IpForwardEngine()).parallelism(parallelism)
                .run(delivered::add))
                .isExactlyInstanceOf(ProviderException.class)
                .hasMessage("listing page 3 failed: 503 Service Unavailable");

        assertThat(delivered).extracting(a -> a.machine().id())
                .containsExactlyInAnyOrder("vm-00", "vm-01", "vm-02", "vm-03", "vm-04");
        assertThat(delivered).extracting(Assessment::status).containsOnly(AssessmentStatus.HEALTHY);
    }

    @Test
    void anInventoryThatCannotStartThrowsItsProviderException() {
        ProviderException denied = new ProviderException("credentials rejected: 401");
        Provider provider = new Provider() {
            @Override
            public Stream<Machine> machines() throws ProviderException {
                throw denied;
            }

            @Override
            public ConfigurationSnapshot collect(Machine machine) {
                throw new AssertionError("nothing listed, nothing collected");
            }
        };

        assertThatThrownBy(() -> FleetScan.of(provider, new IpForwardEngine()).report()).isSameAs(denied);
    }

    @Test
    void theInventoryStreamIsClosed() throws Exception {
        AtomicInteger closed = new AtomicInteger();
        InMemoryProvider fleet = InMemoryProvider.linuxFleet(2);
        Provider provider = new Provider() {
            @Override
            public Stream<Machine> machines() {
                return fleet.machines().onClose(closed::incrementAndGet);
            }

            @Override
            public ConfigurationSnapshot collect(Machine machine) throws io.osbaseline.provider.SnapshotException {
                return fleet.collect(machine);
            }
        };

        scan(provider, new IpForwardEngine(), 2);

        assertThat(closed).hasValue(1);
    }

    @Test
    void inFlightWorkIsBoundedToTwiceTheParallelism() throws Exception {
        int parallelism = 2;
        AtomicInteger delivered = new AtomicInteger();
        AtomicInteger maxInFlight = new AtomicInteger();
        CountDownLatch fifthListed = new CountDownLatch(1);
        InMemoryProvider provider = InMemoryProvider.linuxFleet(40)
                .onList(listed -> {
                    maxInFlight.accumulateAndGet(listed - delivered.get(), Math::max);
                    if (listed == 2 * parallelism + 1) {
                        fifthListed.countDown();
                    }
                })
                .onCollect(m -> {
                    // Hold every collection until the scan has listed one machine more than it may hold, so that
                    // nothing is delivered before. A bounded scan never lists it: the first wait then ends by its
                    // timeout and opens the gate for all. Nothing is asserted about time.
                    try {
                        if (!fifthListed.await(250, TimeUnit.MILLISECONDS)) {
                            fifthListed.countDown();
                        }
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                });

        FleetScan.of(provider, new IpForwardEngine()).parallelism(parallelism).run(a -> delivered.incrementAndGet());

        assertThat(delivered).hasValue(40);
        assertThat(provider.maxCollecting.get()).as("machines collected at once")
                .isLessThanOrEqualTo(2 * parallelism).isLessThanOrEqualTo(parallelism);
        assertThat(maxInFlight.get()).as("machines listed but not yet delivered").isLessThanOrEqualTo(2 * parallelism);
    }

    @Test
    void parallelismBelowOneIsRejected() {
        FleetScan scan = FleetScan.of(InMemoryProvider.linuxFleet(1), new IpForwardEngine());

        assertThatThrownBy(() -> scan.parallelism(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("parallelism must be at least 1, got 0");
    }

    @Test
    void reportAggregatesTheScanStampedByTheClock() throws Exception {
        Report report = FleetScan.of(troubledFleet(), new IpForwardEngine()).parallelism(3)
                .clock(Clock.fixed(Fixtures.NOW, ZoneOffset.UTC)).report();

        assertThat(report.generatedAt()).isEqualTo(Fixtures.NOW);
        assertThat(report.assessments()).hasSize(10);
        assertThat(report.recommendations()).hasSize(1);
        Recommendation r = report.recommendations().get(0);
        assertThat(r.unhealthy()).extracting(MachineRef::id).containsExactly("vm-06");
        assertThat(r.healthy()).hasSize(6);
        assertThat(r.notApplicable()).extracting(MachineRef::reason).containsExactly("vm-04 is deallocated");
        assertThat(r.unassessed()).extracting(MachineRef::id).containsExactlyInAnyOrder("vm-02", "vm-05");
        assertThat(r.failedChecks()).singleElement().satisfies(c -> {
            assertThat(c.rule()).isEqualTo(IpForwardEngine.RULE);
            assertThat(c.affected()).isEqualTo(1);
        });
    }

    @Test
    void uncheckedProviderExceptionIsUnwrappedToTheSameInstance() {
        ProviderException page = new ProviderException("page 2: throttled");
        Provider provider = new Provider() {
            @Override
            public Stream<Machine> machines() {
                return Stream.generate(() -> {
                    throw new UncheckedProviderException(page);
                });
            }

            @Override
            public ConfigurationSnapshot collect(Machine machine) {
                throw new AssertionError();
            }
        };

        assertThatThrownBy(() -> scan(provider, new IpForwardEngine(), 1)).isSameAs(page);
        assertThatThrownBy(() -> scan(provider, new IpForwardEngine(), 3)).isSameAs(page);
    }
}
