package io.osbaseline.drl.pack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.osbaseline.model.Baseline;
import io.osbaseline.model.OsFamily;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The pam-options template and the sshd template's 'unset', as DRL text and as errors for bad parameters. */
class AccessTemplatesTest {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private static String drl(String checkYaml) throws Exception {
        JsonNode check = YAML.readTree(checkYaml);
        RuleSpec spec = new RuleSpec("T-1", "a test rule", "Warning", "Tests", null, null, null, null, null, null,
                check, null);
        BaselinePack pack = new BaselinePack(new Baseline("test", "Test", OsFamily.LINUX, "Fix it"), "test.pack",
                List.of(new BaselinePack.RuleFile("test.yaml", List.of(spec))));
        return DrlGenerator.generate(pack).get(0).text();
    }

    @Test
    void pamOptionsJudgeTheArgumentTheConfigurationFileAndTheDefaultInThatOrder() throws Exception {
        String text = drl("""
                pam-options:
                  services: [common-auth, system-auth]
                  type: auth
                  modules: [pam_faillock.so, pam_tally2.so]
                  options: {deny: "<= 5"}
                  config: {pam_faillock.so: faillock}
                  defaults: {pam_faillock.so: "deny=3"}
                """);

        assertThat(text).contains("rule \"T-1 deny\"", "@part(\"deny\")", "@expect(\"<= 5\")",
                "module in (\"pam_faillock.so\", \"pam_tally2.so\"), argument(\"deny\") != null )",
                "rule \"T-1 deny pam_faillock.so config\"", "Setting( namespace == \"faillock\", key == \"deny\" )",
                "rule \"T-1 deny pam_faillock.so default\"", "verdicts.judge(drools, \"3\"",
                "rule \"T-1 deny pam_tally2.so unset\"", "sets no deny",
                "rule \"T-1 common-auth without module\"", "rule \"T-1 system-auth without module\"",
                "rule \"T-1 no stack\"", "@expected(\"/etc/pam.d/{common-auth,system-auth}: auth pam_faillock.so or "
                        + "pam_tally2.so with deny <= 5\")");
        assertThat(text).doesNotContain("pam_tally2.so config", "pam_tally2.so default");
    }

    @Test
    void badPamOptionsParametersNameTheRuleAndWhatToFix() {
        assertThatThrownBy(() -> drl("""
                pam-options: {services: [common-auth], type: auth, modules: [pam_faillock.so], options: {deny: "<= 5"},
                              config: {pam_tally2.so: tally}}
                """)).hasMessage("test.yaml, rule T-1: config and defaults may only name modules of 'modules'; got "
                + "pam_tally2.so");
        assertThatThrownBy(() -> drl("""
                pam-options: {services: [common-auth], type: auth, modules: [pam_faillock.so], options: {deny: "<= 5"},
                              defaults: {pam_faillock.so: "deny 3"}}
                """)).hasMessage("test.yaml, rule T-1: defaults are written name=value name=value; got 'deny 3'");
        assertThatThrownBy(() -> drl("""
                pam-options: {services: [common-auth], type: auth, options: {deny: "<= 5"}}
                """)).hasMessage("test.yaml, rule T-1: needs the parameter 'modules'");
    }

    @Test
    void sshdUnsetSaysWhatAnAbsentOptionMeans() throws Exception {
        String text = drl("""
                sshd: {options: {DenyUsers: set, Banner: "!= none"}, unset: {DenyUsers: fail}}
                """);

        assertThat(text).contains("@unreported(\"fail: DenyUsers not set\")",
                "@unreported(\"unknown: Banner is not set and OpenSSH has no known default for it\")");
        assertThatThrownBy(() -> drl("sshd: {options: {DenyUsers: set}, unset: {AllowUsers: fail}}"))
                .hasMessage("test.yaml, rule T-1: 'unset' names AllowUsers, which is not among the options");
        assertThatThrownBy(() -> drl("sshd: {options: {DenyUsers: set}, unset: {DenyUsers: maybe}}"))
                .hasMessage("test.yaml, rule T-1: 'unset' values must be pass, fail, not-applicable or unknown; got "
                        + "'maybe'");
    }
}
