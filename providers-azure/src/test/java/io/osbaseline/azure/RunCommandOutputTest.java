package io.osbaseline.azure;

import static org.assertj.core.api.Assertions.assertThat;

import com.azure.resourcemanager.compute.models.InstanceViewStatus;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How the action Run Command's statuses split into standard output and error, on Linux and on Windows. */
class RunCommandOutputTest {

    private static InstanceViewStatus status(String code, String message) {
        return new InstanceViewStatus().withCode(code).withMessage(message);
    }

    @Test
    void linuxPutsBothStreamsInOneMessageBetweenMarkers() {
        RemoteShell.Output out = ActionRunCommandShell.parse(List.of(status("ProvisioningState/succeeded",
                "Enable succeeded: \n[stdout]\nOSBASELINE-EVIDENCE v1\n\n[stderr]\nwarning: x\n")));

        assertThat(out.stdout()).isEqualTo("OSBASELINE-EVIDENCE v1\n");
        assertThat(out.stderr()).isEqualTo("warning: x\n");
    }

    @Test
    void aMessageCutToItsTailKeepsWhatIsLeftOfStandardOutput() {
        RemoteShell.Output out = ActionRunCommandShell.parse(List.of(status("ProvisioningState/succeeded",
                "AAAA OSBASELINE-END\n\n[stderr]\n")));

        assertThat(out.stdout()).isEqualTo("AAAA OSBASELINE-END\n");
        assertThat(out.stderr()).isEmpty();
    }

    @Test
    void windowsReturnsOneStatusPerStream() {
        RemoteShell.Output out = ActionRunCommandShell.parse(List.of(
                status("ComponentStatus/StdOut/succeeded", "hello"),
                status("ComponentStatus/StdErr/succeeded", "oops")));

        assertThat(out.stdout()).isEqualTo("hello");
        assertThat(out.stderr()).isEqualTo("oops");
    }
}
