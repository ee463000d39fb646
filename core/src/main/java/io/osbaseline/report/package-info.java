/** Aggregation of assessments into Defender-style recommendations, and the renderers. */
@ParametersAreNonnullByDefault
package io.osbaseline.report;

import javax.annotation.ParametersAreNonnullByDefault;
