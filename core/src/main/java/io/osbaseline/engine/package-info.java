/** The engine SPI: what an engine is, how it is built and discovered, and the verdict semantics shared by all engines. */
@ParametersAreNonnullByDefault
package io.osbaseline.engine;

import javax.annotation.ParametersAreNonnullByDefault;
