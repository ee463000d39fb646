/**
 * The {@code azure} provider: Azure VMs and Azure Arc machines, assessed from their guest configuration reports or from
 * our own collector run through Run Command; and Defender for Cloud's sub-assessments of the same baselines, to compare
 * with ours.
 */
@ParametersAreNonnullByDefault
package io.osbaseline.azure;

import javax.annotation.ParametersAreNonnullByDefault;
