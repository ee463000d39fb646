/**
 * Baseline packs as data: each rule's metadata and check in YAML, turned into DRL by one template per check kind
 * (compare ComplianceAsCode's templates), with hand-written DRL for the checks no template fits.
 */
@ParametersAreNonnullByDefault
package io.osbaseline.drl.pack;

import javax.annotation.ParametersAreNonnullByDefault;
