/** Typed facts a snapshot is made of, one record per check kind. */
@ParametersAreNonnullByDefault
package io.osbaseline.model.fact;

import javax.annotation.ParametersAreNonnullByDefault;
