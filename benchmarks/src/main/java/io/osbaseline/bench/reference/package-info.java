/**
 * The plain-Java reference evaluator: the rules of the built-in packs evaluated the obvious way, with maps and
 * predicates, as the physical limit the Drools engine is measured against. It plugs into the engine SPI under the id
 * {@code reference}.
 */
@ParametersAreNonnullByDefault
package io.osbaseline.bench.reference;

import javax.annotation.ParametersAreNonnullByDefault;
