/**
 * The {@code local} provider (the running Linux host, or an offline root such as a mounted image or an unpacked
 * container file system) and {@link io.osbaseline.local.RootFs}, the confined view of a root that every collector
 * reads through.
 */
@ParametersAreNonnullByDefault
package io.osbaseline.local;

import javax.annotation.ParametersAreNonnullByDefault;
