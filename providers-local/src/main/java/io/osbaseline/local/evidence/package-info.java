/**
 * The Linux remote evidence format: {@link io.osbaseline.local.evidence.LinuxEvidence#collectorScript()} is a POSIX sh
 * script that a cloud provider runs on a machine (Azure Run Command, AWS SSM SendCommand); it captures what the
 * {@code local} provider's collectors read into a gzip'ed tar archive, and
 * {@link io.osbaseline.local.evidence.LinuxEvidence#read} turns that archive into a snapshot through the very same
 * collectors, over an in-memory {@link io.osbaseline.local.RootFs}.
 */
@ParametersAreNonnullByDefault
package io.osbaseline.local.evidence;

import javax.annotation.ParametersAreNonnullByDefault;
