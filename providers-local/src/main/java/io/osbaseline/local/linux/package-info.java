/**
 * The Linux collectors, one per collector name that rules require ({@code os-release}, {@code files}, {@code sshd},
 * ...), and {@link io.osbaseline.local.linux.LinuxSnapshotter} that runs them all. Every file is read through a
 * {@link io.osbaseline.local.RootFs}; what cannot be read becomes a coverage gap.
 */
@ParametersAreNonnullByDefault
package io.osbaseline.local.linux;

import javax.annotation.ParametersAreNonnullByDefault;
