/** osbaseline: assess the OS configuration of machines against security baselines. */
@ParametersAreNonnullByDefault
package io.osbaseline;

import javax.annotation.ParametersAreNonnullByDefault;
