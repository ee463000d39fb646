package io.osbaseline.azure;

import java.time.Duration;

/** Durations as people read them in messages. */
final class Durations {
    private Durations() {
    }

    static String describe(Duration d) {
        if (d.toMillis() % 60_000 == 0 && !d.isZero()) {
            long minutes = d.toMinutes();
            return minutes + (minutes == 1 ? " minute" : " minutes");
        }
        if (d.toMillis() % 1000 == 0) {
            return d.toSeconds() + " s";
        }
        return d.toMillis() + " ms";
    }
}
