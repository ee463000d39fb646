/**
 * Benchmarks of the engine: realistic snapshots captured from real roots, a fleet generated from them, the JMH
 * benchmarks, and the million-machine stream. Nothing in the SDK depends on this package.
 */
@ParametersAreNonnullByDefault
package io.osbaseline.bench;

import javax.annotation.ParametersAreNonnullByDefault;
