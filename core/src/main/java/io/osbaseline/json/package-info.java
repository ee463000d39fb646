/** The stable JSON form of every model value. */
@ParametersAreNonnullByDefault
package io.osbaseline.json;

import javax.annotation.ParametersAreNonnullByDefault;
