/** The {@code files} provider: snapshots read back from their JSON files. */
@ParametersAreNonnullByDefault
package io.osbaseline.local.files;

import javax.annotation.ParametersAreNonnullByDefault;
