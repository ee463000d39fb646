/** Small samples of embedding osbaseline: an engine in a program, and a provider of one's own. */
@ParametersAreNonnullByDefault
package io.osbaseline.examples;

import javax.annotation.ParametersAreNonnullByDefault;
