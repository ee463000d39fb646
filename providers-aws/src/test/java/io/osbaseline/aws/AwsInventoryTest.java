package io.osbaseline.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.osbaseline.aws.FakeAws.Ec2Instance;
import io.osbaseline.aws.FakeAws.Node;
import io.osbaseline.model.Cloud;
import io.osbaseline.model.Machine;
import io.osbaseline.model.OsFamily;
import io.osbaseline.provider.UncheckedProviderException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProviderChain;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.regions.Region;

/** Listing machines through the real EC2 and SSM clients against the local wire-protocol server. */
class AwsInventoryTest {
    @TempDir
    Path tmp;
    FakeAws aws;

    @BeforeEach
    void start() throws Exception {
        aws = new FakeAws(tmp);
    }

    @AfterEach
    void stop() {
        assertThat(aws.errors()).isEmpty();
        aws.close();
    }

    private static List<Machine> list(AwsProvider provider) throws Exception {
        try (provider; Stream<Machine> machines = provider.machines()) {
            return machines.toList();
        }
    }

    @Test
    void mapsInstancesWithWhatSsmKnowsAndPagesThroughNextToken() throws Exception {
        for (int i = 0; i < 230; i++) {
            aws.linux("eu-west-1", String.format("i-%017x", i), "web-" + i);
        }
        aws.instance(new Ec2Instance("eu-west-1", "i-0000000000000win", "123456789012", "running", "windows",
                "Windows", Map.of("Name", "dc-1", "env", "prod")));
        aws.instance(new Ec2Instance("eu-west-1", "i-00000000000rhel9", "123456789012", "stopped", null,
                "Red Hat Enterprise Linux", Map.of()));

        List<Machine> machines = list(aws.provider(Region.EU_WEST_1).build());

        assertThat(machines).hasSize(232);
        assertThat(aws.calls("DescribeInstances")).extracting(c -> c.params().get("NextToken"))
                .containsExactly(null, "100", "200");
        assertThat(aws.calls("DescribeInstances")).allSatisfy(c -> assertThat(c.params()).containsEntry("MaxResults",
                "100"));
        // one look-up of SSM per 50 instance ids of a page
        assertThat(aws.calls("DescribeInstanceInformation")).hasSize(2 + 2 + 1);

        Machine web = machines.get(7);
        assertThat(web).isEqualTo(Machine.builder("i-00000000000000007").name("web-7").osFamily(OsFamily.LINUX)
                .osName("Ubuntu").osVersion("22.04").cloud(Cloud.AWS).region("eu-west-1")
                .resourceId("arn:aws:ec2:eu-west-1:123456789012:instance/i-00000000000000007")
                .tag("Name", "web-7").build());
        // not managed by SSM: what EC2 says
        Machine dc = machines.get(230);
        assertThat(dc.osFamily()).isEqualTo(OsFamily.WINDOWS);
        assertThat(dc.osName()).isEqualTo("Windows");
        assertThat(dc.osVersion()).isNull();
        assertThat(dc.tags()).containsExactly(Map.entry("Name", "dc-1"), Map.entry("env", "prod"));
        Machine rhel = machines.get(231);
        assertThat(rhel.name()).isEqualTo("i-00000000000rhel9");
        assertThat(rhel.osFamily()).isEqualTo(OsFamily.LINUX);
        assertThat(rhel.osName()).isEqualTo("Red Hat Enterprise Linux");
    }

    @Test
    void listsEveryRegionGivenWithItsOwnClients() throws Exception {
        aws.linux("eu-west-1", "i-0aaaaaaaaaaaaaaa1", "a");
        aws.linux("us-east-1", "i-0bbbbbbbbbbbbbbb1", "b");
        aws.linux("ap-southeast-2", "i-0ccccccccccccccc1", "c");

        List<Machine> machines = list(aws.provider(Region.US_EAST_1, Region.EU_WEST_1).build());

        assertThat(machines).extracting(Machine::id, Machine::region).containsExactly(
                org.assertj.core.groups.Tuple.tuple("i-0bbbbbbbbbbbbbbb1", "us-east-1"),
                org.assertj.core.groups.Tuple.tuple("i-0aaaaaaaaaaaaaaa1", "eu-west-1"));
        assertThat(aws.calls("DescribeInstances")).extracting(FakeAws.Call::region)
                .containsExactly("us-east-1", "eu-west-1");
    }

    @Test
    void allRegionsAreTheOnesEc2SaysAreEnabled() throws Exception {
        aws.linux("eu-west-1", "i-0aaaaaaaaaaaaaaa1", "a");
        aws.linux("us-east-1", "i-0bbbbbbbbbbbbbbb1", "b");

        AwsProvider provider = aws.provider().allRegions(Region.EU_CENTRAL_1).build();
        assertThat(provider.regions()).containsExactly(Region.EU_WEST_1, Region.US_EAST_1);
        assertThat(list(provider)).extracting(Machine::id).containsExactly("i-0aaaaaaaaaaaaaaa1",
                "i-0bbbbbbbbbbbbbbb1");
        assertThat(aws.calls("DescribeRegions")).extracting(FakeAws.Call::region).contains("eu-central-1");
    }

    @Test
    void hybridNodesAreListedOnlyWhenAskedForWithTheirTags() throws Exception {
        aws.linux("eu-west-1", "i-0aaaaaaaaaaaaaaa1", "a");
        aws.node(new Node("eu-west-1", "mi-0123456789abcdef0", "Online", "Windows",
                "Microsoft Windows Server 2022 Datacenter", "10.0.20348", "ManagedInstance", "onprem-dc",
                Map.of("site", "lyon")));

        assertThat(list(aws.provider(Region.EU_WEST_1).build())).extracting(Machine::id)
                .containsExactly("i-0aaaaaaaaaaaaaaa1");

        List<Machine> machines = list(aws.provider(Region.EU_WEST_1).hybridNodes(true).build());
        assertThat(machines).extracting(Machine::id).containsExactly("i-0aaaaaaaaaaaaaaa1", "mi-0123456789abcdef0");
        assertThat(machines.get(1)).isEqualTo(Machine.builder("mi-0123456789abcdef0").name("onprem-dc")
                .osFamily(OsFamily.WINDOWS).osName("Microsoft Windows Server 2022 Datacenter").osVersion("10.0.20348")
                .cloud(Cloud.UNKNOWN).region("eu-west-1").tag("site", "lyon").build());
    }

    @Test
    void instanceIdsAndTagsBecomeFiltersOfTheListing() throws Exception {
        aws.linux("eu-west-1", "i-0aaaaaaaaaaaaaaa1", "a");
        aws.instance(new Ec2Instance("eu-west-1", "i-0aaaaaaaaaaaaaaa2", "123456789012", "running", null,
                "Linux/UNIX", Map.of("env", "prod")));
        aws.instance(new Ec2Instance("eu-west-1", "i-0aaaaaaaaaaaaaaa3", "123456789012", "running", null,
                "Linux/UNIX", Map.of("env", "test")));

        assertThat(list(aws.provider(Region.EU_WEST_1).tag("env", "prod").build())).extracting(Machine::id)
                .containsExactly("i-0aaaaaaaaaaaaaaa2");
        assertThat(aws.calls("DescribeInstances").get(0).params()).containsEntry("Filter.1.Name", "tag:env")
                .containsEntry("Filter.1.Value.1", "prod");

        assertThat(list(aws.provider(Region.EU_WEST_1)
                .instanceIds(List.of("i-0aaaaaaaaaaaaaaa1", "i-0aaaaaaaaaaaaaaa3")).build()))
                .extracting(Machine::id).containsExactly("i-0aaaaaaaaaaaaaaa1", "i-0aaaaaaaaaaaaaaa3");
        assertThat(aws.calls("DescribeInstances").get(1).params()).containsEntry("Filter.1.Name", "instance-id")
                .containsKey("MaxResults").doesNotContainKey("InstanceId.1");
    }

    @Test
    void throttlingIsRetriedByTheSdkThenTheListingGoesOn() throws Exception {
        aws.linux("eu-west-1", "i-0aaaaaaaaaaaaaaa1", "a");
        aws.throttleEc2("DescribeInstances", 1);
        aws.throttleSsm("DescribeInstanceInformation", 2);

        assertThat(list(aws.provider(Region.EU_WEST_1).build())).extracting(Machine::id, Machine::osName)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("i-0aaaaaaaaaaaaaaa1", "Ubuntu"));
        assertThat(aws.calls("DescribeInstances")).hasSize(2);
        assertThat(aws.calls("DescribeInstanceInformation")).hasSize(3);
    }

    @Test
    void aMalformedPageFailsTheListingNamingTheRegion() throws Exception {
        aws.linux("eu-west-1", "i-0aaaaaaaaaaaaaaa1", "a");
        aws.fail("DescribeInstances", 1, 200, "text/xml", "<DescribeInstancesResponse><reservationSet><item>");

        assertThatThrownBy(() -> list(aws.provider(Region.EU_WEST_1).build()))
                .isInstanceOf(UncheckedProviderException.class)
                .hasMessageStartingWith("cannot list the EC2 instances of eu-west-1: ");
    }

    @Test
    void missingCredentialsSayHowToGiveThem() throws Exception {
        aws.linux("eu-west-1", "i-0aaaaaaaaaaaaaaa1", "a");
        AwsCredentialsProvider none = AwsCredentialsProviderChain.builder().credentialsProviders(() -> {
            throw SdkClientException.create("no credentials in this test");
        }).build();

        assertThatThrownBy(() -> list(aws.provider(Region.EU_WEST_1).credentialsProvider(none).build()))
                .isInstanceOf(UncheckedProviderException.class)
                .hasMessageStartingWith("cannot list the EC2 instances of eu-west-1: no AWS credentials found: give the"
                        + " option profile=NAME, set AWS_PROFILE or AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or run"
                        + " where an instance or container role applies (Unable to load credentials")
                .hasMessageContaining("no credentials in this test");
        assertThat(aws.calls("DescribeInstances")).isEmpty();
    }

    @Test
    void deniedSsmLookUpSaysWhatFailed() throws Exception {
        aws.linux("eu-west-1", "i-0aaaaaaaaaaaaaaa1", "a");
        aws.fail("DescribeInstanceInformation", 1, 400, "application/x-amz-json-1.1",
                "{\"__type\":\"AccessDeniedException\",\"message\":\"User is not authorized to perform"
                        + " ssm:DescribeInstanceInformation\"}");

        assertThatThrownBy(() -> list(aws.provider(Region.EU_WEST_1).build()))
                .isInstanceOf(UncheckedProviderException.class)
                .hasMessage("cannot look up the SSM managed nodes of eu-west-1: AccessDeniedException: User is not"
                        + " authorized to perform ssm:DescribeInstanceInformation (HTTP 400)");
    }
}
