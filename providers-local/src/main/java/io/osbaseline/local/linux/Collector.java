package io.osbaseline.local.linux;

import io.osbaseline.model.CollectorRun;

/** Reads one part of a Linux configuration into facts. Rules name collectors in {@code @requires}. */
interface Collector {

    /** The collector's name: a contract with the rules, never renamed. */
    String name();

    /** Emits facts and gaps into {@code ctx} and says how the run went, through {@link CollectorContext#done}. */
    CollectorRun collect(CollectorContext ctx);
}
