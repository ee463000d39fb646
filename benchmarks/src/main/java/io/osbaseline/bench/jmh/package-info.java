/** The JMH benchmarks; run them with {@code java -jar benchmarks/target/benchmarks.jar}. */
@ParametersAreNonnullByDefault
package io.osbaseline.bench.jmh;

import javax.annotation.ParametersAreNonnullByDefault;
