package io.osbaseline.aws;

import io.osbaseline.model.Machine;
import io.osbaseline.provider.MachineNotApplicableException;
import io.osbaseline.provider.SnapshotException;
import io.osbaseline.provider.UncheckedProviderException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ec2.model.DescribeInstancesResponse;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.Instance;
import software.amazon.awssdk.services.ec2.model.InstanceStateName;
import software.amazon.awssdk.services.ssm.model.InstanceInformation;

/**
 * What a snapshot needs before anything is sent to a machine, read fresh at collection time: an EC2 instance must
 * still exist and run, and every machine must be a node that SSM manages. Instances that are stopped, terminated or
 * not managed by SSM are out of scope by design: NOT_APPLICABLE, with the reason and what would bring them in.
 */
final class NodeCheck {
    private final AwsClients clients;
    private final Inventory inventory;

    NodeCheck(AwsClients clients, Inventory inventory) {
        this.clients = clients;
        this.inventory = inventory;
    }

    /**
     * The SSM record of {@code machine}.
     *
     * @throws MachineNotApplicableException when the instance does not run, or SSM does not manage it
     * @throws SnapshotException when EC2 or SSM cannot be asked
     */
    InstanceInformation managedNode(Region region, Machine machine) throws SnapshotException {
        String id = machine.id();
        boolean hybrid = id.startsWith(Inventory.HYBRID_PREFIX);
        if (!hybrid) {
            requireRunning(region, id);
        }
        Map<String, InstanceInformation> nodes;
        try {
            nodes = inventory.managedNodes(region, List.of(id));
        } catch (UncheckedProviderException e) {
            throw new SnapshotException(e.getCause().getMessage(), e.getCause());
        }
        InstanceInformation node = nodes.get(id);
        if (node == null) {
            throw new MachineNotApplicableException(hybrid
                    ? "SSM hybrid node " + id + " is no longer registered in " + region.id()
                    : "not managed by AWS Systems Manager: no SSM Agent has registered " + id + " in " + region.id()
                            + " (the agent must run on the instance and its instance profile must allow it, for"
                            + " example with the AmazonSSMManagedInstanceCore policy)");
        }
        return node;
    }

    private void requireRunning(Region region, String id) throws SnapshotException {
        DescribeInstancesResponse response;
        try {
            response = clients.ec2(region).describeInstances(b -> b.filters(
                    Filter.builder().name("instance-id").values(id).build()));
        } catch (SdkException e) {
            throw new SnapshotException("cannot read the state of EC2 instance " + id + " in " + region.id() + ": "
                    + AwsErrors.describe(e), e);
        }
        Instance instance = response.reservations().stream().flatMap(r -> r.instances().stream())
                .filter(i -> id.equals(i.instanceId())).findFirst()
                .orElseThrow(() -> new MachineNotApplicableException("EC2 instance " + id + " no longer exists in "
                        + region.id()));
        InstanceStateName state = instance.state() == null ? null : instance.state().name();
        if (state != InstanceStateName.RUNNING) {
            String name = instance.state() == null ? "in an unknown state" : instance.state().nameAsString();
            String why = instance.stateReason() != null && instance.stateReason().message() != null
                    ? " (" + instance.stateReason().message() + ")" : "";
            throw new MachineNotApplicableException("EC2 instance is " + name.toLowerCase(Locale.ROOT) + why
                    + "; only running instances are assessed");
        }
    }
}
