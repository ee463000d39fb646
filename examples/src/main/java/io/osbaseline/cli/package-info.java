/** The {@code osbaseline} command line: scan, snapshot, providers, rules. */
@ParametersAreNonnullByDefault
package io.osbaseline.cli;

import javax.annotation.ParametersAreNonnullByDefault;
