/** Fleet scans: inventory, collection and assessment with failures isolated per machine. */
@ParametersAreNonnullByDefault
package io.osbaseline.scan;

import javax.annotation.ParametersAreNonnullByDefault;
