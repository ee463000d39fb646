/**
 * The {@code gcp} provider: Compute Engine instances listed through {@code aggregatedList}, and snapshots read from
 * the VM Manager (OS Config) inventory, which reports the OS and the installed packages.
 */
@ParametersAreNonnullByDefault
package io.osbaseline.gcp;

import javax.annotation.ParametersAreNonnullByDefault;
