package io.osbaseline.bench.jmh;

import static org.assertj.core.api.Assertions.assertThat;

import io.osbaseline.engine.EngineException;
import io.osbaseline.model.OsFamily;
import org.junit.jupiter.api.Test;

/**
 * The benchmarks' setups run on Windows snapshots ({@code -p snapshot=windows2022}, {@code -p family=WINDOWS}): they
 * capture them, build the engines on the Windows baseline and check that both engines agree, without running JMH.
 */
class WindowsBenchmarkSetupTest {

    @Test
    void assessBenchmarkOnTheWindowsServer() throws EngineException {
        AssessBenchmark b = new AssessBenchmark();
        b.snapshot = "windows2022";
        b.setUp();
        assertThat(b.reference().findings()).hasSize(285);
        assertThat(b.drools().findings()).hasSizeGreaterThanOrEqualTo(285);
        assertThat(b.droolsOnCoveredRules().findings()).isEqualTo(b.reference().findings());
    }

    @Test
    void fleetBenchmarkOnAWindowsFleet() throws EngineException {
        FleetBenchmark.Shared shared = new FleetBenchmark.Shared();
        shared.family = OsFamily.WINDOWS.name();
        shared.engine = "reference";
        shared.setUp();
        assertThat(shared.fleet).hasSize(FleetBenchmark.FLEET_SIZE)
                .allMatch(s -> s.machine().osFamily() == OsFamily.WINDOWS);
        FleetBenchmark.Cursor cursor = new FleetBenchmark.Cursor();
        assertThat(new FleetBenchmark().oneThread(shared, cursor).findings()).hasSize(285);
    }
}
