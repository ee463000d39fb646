/** The provider SPI: inventory and snapshot providers, discovered through {@link java.util.ServiceLoader}. */
@ParametersAreNonnullByDefault
package io.osbaseline.provider;

import javax.annotation.ParametersAreNonnullByDefault;
