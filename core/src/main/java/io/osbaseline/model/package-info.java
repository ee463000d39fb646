/** The immutable model: machines, snapshots, findings, assessments, recommendations and reports. */
@ParametersAreNonnullByDefault
package io.osbaseline.model;

import javax.annotation.ParametersAreNonnullByDefault;
