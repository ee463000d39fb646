package io.osbaseline.drl;

import static org.assertj.core.api.Assertions.assertThat;

import io.osbaseline.engine.BaselineEngine;
import io.osbaseline.engine.EngineException;
import io.osbaseline.engine.RuleSource;
import io.osbaseline.model.Assessment;
import io.osbaseline.model.CollectorRun;
import io.osbaseline.model.Machine;
import io.osbaseline.model.OsFamily;
import io.osbaseline.model.fact.InstalledPackage;
import io.osbaseline.model.fact.PasswordState;
import io.osbaseline.model.fact.Setting;
import io.osbaseline.model.fact.SshdOption;
import io.osbaseline.model.fact.SystemService;
import io.osbaseline.model.fact.Sysctl;
import io.osbaseline.model.fact.UserAccount;
import io.osbaseline.model.fact.UserGroup;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Only facts some pattern can match are inserted; which ones is read from the rule network, for any DRL. */
class FactAdmissionTest {
    private static final String HEADER = """
            package com.acme.admission;
            import io.osbaseline.model.fact.*;
            global io.osbaseline.drl.Verdicts verdicts;
            """;

    /** The admission of one assessment's facts, in the order they are offered. */
    private record Admission(FactAdmission admission, FactAdmission.Pass pass) {
        boolean admits(Object fact) {
            return admission.admits(fact, pass);
        }
    }

    private static Admission admissionOf(String rules) throws EngineException {
        DroolsEngine engine = (DroolsEngine) BaselineEngine.builder().withoutBuiltInBaselines()
                .rules(RuleSource.text("admission.drl", HEADER + rules)).build();
        FactAdmission admission = engine.ruleBase(OsFamily.LINUX).admission();
        return new Admission(admission, admission.newPass());
    }

    private static UserAccount account(String name, int uid) {
        return new UserAccount(name, uid, uid, "/home/" + name, "/bin/sh", PasswordState.SET, null, null, null, null,
                null);
    }

    @Test
    void aLiteralOnTheFirstConstraintLetsInOnlyTheFactsThatHoldIt() throws EngineException {
        Admission a = admissionOf("""
                rule "a" when Sysctl( key == "a" ) then end
                rule "b" when not Sysctl( key == "b", value == "1" ) then end
                """);
        assertThat(a.admits(new Sysctl("a", "0", "x"))).isTrue();
        // a "not" pattern sees the facts that would make it false
        assertThat(a.admits(new Sysctl("b", "1", "x"))).isTrue();
        // and a fact that fails its second literal could not, inserted or not
        assertThat(a.admits(new Sysctl("b", "0", "x"))).isFalse();
        assertThat(a.admits(new Sysctl("c", "1", "x"))).isFalse();
        assertThat(a.admits(new InstalledPackage("telnetd", "1", "dpkg"))).as("no rule on packages").isFalse();
        assertThat(a.admits(Machine.builder("m").build())).isFalse();
        assertThat(a.admits(CollectorRun.collected("sysctl", null))).isFalse();
    }

    @Test
    void aListOfLiteralsLetsInTheFactsThatHoldOneOfThem() throws EngineException {
        Admission a = admissionOf("""
                rule "logger" when SystemService( name in ("rsyslog.service", "syslog-ng.service") ) then end
                rule "audit" when not SystemService( name in ("auditd.service"), activeState == "active" ) then end
                """);
        assertThat(a.admits(new SystemService("rsyslog.service", "enabled", "active"))).isTrue();
        assertThat(a.admits(new SystemService("syslog-ng.service", "enabled", "active"))).isTrue();
        assertThat(a.admits(new SystemService("auditd.service", "enabled", "active"))).isTrue();
        assertThat(a.admits(new SystemService("auditd.service", "enabled", "failed"))).isFalse();
        assertThat(a.admits(new SystemService("cron.service", "enabled", "active"))).isFalse();
    }

    @Test
    void chainsOfLiteralsAreFollowed() throws EngineException {
        Admission a = admissionOf("""
                rule "umask" when Setting( namespace == "login.defs", key == "UMASK" ) then end
                rule "max" when Setting( namespace == "login.defs", key == "PASS_MAX_DAYS" ) then end
                rule "any" when Setting( namespace == "sudoers", value != "ALL" ) then end
                """);
        assertThat(a.admits(new Setting("login.defs", "UMASK", "077"))).isTrue();
        assertThat(a.admits(new Setting("login.defs", "PASS_MAX_DAYS", "90"))).isTrue();
        assertThat(a.admits(new Setting("login.defs", "MAIL_DIR", "/var/mail"))).isFalse();
        // below a constraint that is not a literal every fact passes
        assertThat(a.admits(new Setting("sudoers", "anything", "x"))).isTrue();
        assertThat(a.admits(new Setting("pam", "UMASK", "077"))).isFalse();
    }

    @Test
    void aPatternWithoutALiteralLetsEveryFactOfItsTypeIn() throws EngineException {
        Admission joined = admissionOf("""
                rule "shared uid" when UserAccount( $uid : uid, $a : name ) UserAccount( uid == $uid, name > $a )
                then end
                """);
        assertThat(joined.admits(account("alice", 1000))).isTrue();
        assertThat(joined.admits(account("bob", 1001))).isTrue();
        Admission numbers = admissionOf("rule \"uid\" when UserAccount( uid == 0 ) then end\n");
        assertThat(numbers.admits(account("alice", 1000))).as("int literals are not filtered").isTrue();
        assertThat(numbers.admits(account("bob", 1001))).isTrue();
    }

    @Test
    void oneFactIsEnoughForAnExistsOrNotThatJoinsNothing() throws EngineException {
        Admission a = admissionOf("""
                rule "root group" when exists UserGroup() not UserGroup( name == "root" ) then end
                rule "any sshd" when not SshdOption() then end
                rule "port" when SshdOption( key == "port" ) then end
                """);
        assertThat(a.admits(new UserGroup("adm", 4, List.of()))).as("the first group, for exists").isTrue();
        assertThat(a.admits(new UserGroup("users", 100, List.of()))).isFalse();
        assertThat(a.admits(new UserGroup("root", 0, List.of()))).as("named by a literal").isTrue();
        assertThat(a.admits(new SshdOption("port", "22", "default"))).isTrue();
        assertThat(a.admits(new SshdOption("x11forwarding", "no", "default")))
                .as("not SshdOption() already has a fact").isFalse();
    }

    @Test
    void whenARuleMayDeleteOrChangeFactsEveryFactOfAnExistsIsKept() throws EngineException {
        Admission a = admissionOf("""
                rule "root group" when exists UserGroup() then end
                rule "forget root" when $g : UserGroup( name == "root" ) then delete( $g ); end
                """);
        assertThat(a.admits(new UserGroup("adm", 4, List.of()))).isTrue();
        assertThat(a.admits(new UserGroup("users", 100, List.of()))).isTrue();
        assertThat(DrlCompiler.mayChangeFacts("rule r when $g : UserGroup() then modify( $g ) { } end")).isTrue();
        assertThat(DrlCompiler.mayChangeFacts(
                "rule r @remediation(\"run: apt update (as root)\") when X() then verdicts.pass(drools, \"delete(x)\"); end"))
                .isFalse();
    }

    @Test
    void aPatternOnASupertypeLetsEveryFactOfItsSubtypesIn() throws EngineException {
        Admission a = admissionOf("""
                rule "a" when Sysctl( key == "a" ) then end
                rule "any fact" when $f : Fact() then end
                """);
        assertThat(a.admits(new Sysctl("zzz", "0", "x"))).isTrue();
        assertThat(a.admits(new InstalledPackage("bash", "5", "dpkg"))).isTrue();
        assertThat(a.admits(Machine.builder("m").build())).isFalse();
    }

    @Test
    void theBuiltInPacksCompiledToTheExecutableModelLetInOnlyTheServicesTheirListsName() {
        FactAdmission admission = ((DroolsEngine) SharedEngines.linux()).ruleBase(OsFamily.LINUX).admission();
        FactAdmission.Pass pass = admission.newPass();
        // "name in (...)" lists name these (logging and audit checks); the packs name no unit called "acme"
        assertThat(admission.admits(new SystemService("rsyslog.service", "enabled", "active"), pass)).isTrue();
        assertThat(admission.admits(new SystemService("auditd.service", "enabled", "active"), pass)).isTrue();
        assertThat(admission.admits(new SystemService("acme.service", "enabled", "active"), pass)).isFalse();
        assertThat(admission.admits(new InstalledPackage("acme", "1", "dpkg"), pass)).isFalse();
    }

    @Test
    void leavingFactsOutChangesNoVerdict() throws EngineException {
        BaselineEngine engine = BaselineEngine.builder().withoutBuiltInBaselines().rules(RuleSource.text("p.drl",
                HEADER + """
                        rule "telnet" @id("P-1") @severity("Critical") @requires("packages")
                        when $p : InstalledPackage( name == "telnetd" )
                        then verdicts.fail(drools, $p.name() + " installed"); end
                        rule "no telnet" @id("P-1")
                        when not InstalledPackage( name == "telnetd" )
                        then verdicts.pass(drools, "not installed"); end
                        rule "count" @id("P-2") @severity("Warning") @requires("packages")
                        when $n : Number() from accumulate( InstalledPackage(), count(1) )
                        then verdicts.pass(drools, $n + " packages"); end
                        """)).build();
        Assessment a = engine.assess(TestSnapshots.linux("m").collected("packages")
                .fact(new InstalledPackage("bash", "5", "dpkg"), new InstalledPackage("coreutils", "9", "dpkg"))
                .build());
        assertThat(a.findings()).extracting(f -> f.ruleId() + " " + f.status() + " " + f.actual())
                .containsExactly("P-1 PASS not installed", "P-2 PASS 2 packages");
    }
}
