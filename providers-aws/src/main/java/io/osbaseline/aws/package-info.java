/**
 * The {@code aws} provider: EC2 instances (and, on request, SSM hybrid nodes) listed through the EC2 and SSM APIs,
 * and their snapshots taken through SSM Run Command (the osbaseline collector) or read from SSM Inventory.
 */
@ParametersAreNonnullByDefault
package io.osbaseline.aws;

import javax.annotation.ParametersAreNonnullByDefault;
