package io.osbaseline.drl;

import static org.assertj.core.api.Assertions.assertThat;

import io.osbaseline.engine.BaselineEngine;
import io.osbaseline.engine.EngineException;
import io.osbaseline.model.CollectorRun;
import io.osbaseline.model.ConfigurationSnapshot;
import io.osbaseline.model.Machine;
import io.osbaseline.model.OsFamily;
import io.osbaseline.model.RuleInfo;
import io.osbaseline.model.fact.AuditPolicy;
import io.osbaseline.model.fact.FileInfo;
import io.osbaseline.model.fact.FileKind;
import io.osbaseline.model.fact.InstalledPackage;
import io.osbaseline.model.fact.KernelModule;
import io.osbaseline.model.fact.MachineRole;
import io.osbaseline.model.fact.Mount;
import io.osbaseline.model.fact.PamEntry;
import io.osbaseline.model.fact.PasswordState;
import io.osbaseline.model.fact.RegistryScope;
import io.osbaseline.model.fact.RegistryValue;
import io.osbaseline.model.fact.RegistryValueType;
import io.osbaseline.model.fact.SecurityPolicy;
import io.osbaseline.model.fact.Setting;
import io.osbaseline.model.fact.SshdOption;
import io.osbaseline.model.fact.Sysctl;
import io.osbaseline.model.fact.SystemService;
import io.osbaseline.model.fact.UserAccount;
import io.osbaseline.model.fact.UserGroup;
import io.osbaseline.model.fact.UserRight;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.drools.base.rule.EntryPointId;
import org.drools.core.reteoo.AlphaNode;
import org.drools.core.reteoo.ObjectSink;
import org.drools.core.reteoo.ObjectTypeNode;
import org.drools.modelcompiler.constraints.LambdaConstraint;
import org.drools.mvel.MVELConstraint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The built-in packs are compiled at build time; a pack whose sources changed since is compiled from its YAML, and the
 * precompiled form judges exactly as the compiled one.
 */
class PrecompiledPacksTest {
    private static final String LINUX = "io/osbaseline/baselines/azure-linux";

    /** This library's classes and resources, with some resources replaced or hidden. */
    private static final class Overlay extends ClassLoader {
        private final Map<String, URL> replaced;
        private final String hidden;

        Overlay(Map<String, URL> replaced, String hidden) {
            super(PrecompiledPacksTest.class.getClassLoader());
            this.replaced = replaced;
            this.hidden = hidden;
        }

        @Override
        public URL getResource(String name) {
            if (name.startsWith(hidden)) {
                return null;
            }
            URL r = replaced.get(name);
            return r != null ? r : super.getResource(name);
        }
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = PrecompiledPacksTest.class.getClassLoader().getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void theBuiltInPacksArePrecompiledAndCurrent() {
        PrecompiledPacks.Found found = PrecompiledPacks.find(getClass().getClassLoader());
        assertThat(found.complete()).as("precompiled: %s of %s", found.current().keySet(), found.folders()).isTrue();
        assertThat(found.current()).containsKey(LINUX);
        assertThat(found.current().get(LINUX).baseline().id()).isEqualTo("azure-linux");
    }

    @Test
    void aPackEditedSinceTheBuildIsCompiledFromItsYaml(@TempDir Path dir) throws IOException, EngineException {
        String ssh = resource(LINUX + "/ssh.yaml");
        assertThat(ssh).contains("title: SSH root login disabled");
        Path edited = Files.writeString(dir.resolve("ssh.yaml"),
                ssh.replace("title: SSH root login disabled", "title: Root may not log in over SSH"));
        Overlay overlay = new Overlay(Map.of(LINUX + "/ssh.yaml", edited.toUri().toURL()), "none/");

        assertThat(PrecompiledPacks.find(overlay).current()).doesNotContainKey(LINUX);
        BaselineEngine engine = new DroolsEngineFactory(overlay)
                .create(BaselineEngine.builder().baselines("azure-linux").config());
        assertThat(engine.rules()).filteredOn(r -> r.id().equals("109")).extracting(RuleInfo::title)
                .containsExactly("Root may not log in over SSH");
    }

    /** The constraints of the alpha nodes right under the object type nodes of the engine's Linux rule base. */
    private static List<Object> alphaConstraints(BaselineEngine engine) {
        List<Object> constraints = new ArrayList<>();
        for (ObjectTypeNode otn : ((DroolsEngine) engine).ruleBase(OsFamily.LINUX).kieBase().getRete()
                .getObjectTypeNodes(EntryPointId.DEFAULT).values()) {
            for (ObjectSink sink : otn.getObjectSinkPropagator().getSinks()) {
                if (sink instanceof AlphaNode alpha) {
                    constraints.add(alpha.getConstraint());
                }
            }
        }
        return constraints;
    }

    @Test
    void theBuiltInPacksRunAsTheExecutableModel() {
        assertThat(alphaConstraints(SharedEngines.linux())).isNotEmpty().allMatch(c -> c instanceof LambdaConstraint,
                "a constraint of the executable model, not of MVEL");
    }

    @Test
    void theClassicCompilerCanBeAskedForToMeasureIt() throws EngineException {
        System.setProperty(DroolsEngine.PACKS, "classic");
        BaselineEngine classic;
        try {
            classic = BaselineEngine.builder().baselines("azure-linux").build();
        } finally {
            System.clearProperty(DroolsEngine.PACKS);
        }
        assertThat(alphaConstraints(classic)).isNotEmpty().allMatch(c -> c instanceof MVELConstraint,
                "a constraint of the classic compiler");
    }

    /** An engine of {@code baseline} compiled from its YAML by the classic compiler, the precompiled packs hidden. */
    private static BaselineEngine fromYaml(String baseline) throws EngineException {
        return new DroolsEngineFactory(new Overlay(Map.of(), PrecompiledPacks.DIRECTORY))
                .create(BaselineEngine.builder().baselines(baseline).config());
    }

    @Test
    void thePrecompiledPackJudgesExactlyAsThePackCompiledFromYaml() throws EngineException {
        BaselineEngine fromYaml = fromYaml("azure-linux");
        BaselineEngine precompiled = SharedEngines.linux();
        assertThat(precompiled.rules()).containsExactlyElementsOf(fromYaml.rules());
        assertThat(precompiled.baselines()).containsExactlyElementsOf(fromYaml.baselines());
        for (ConfigurationSnapshot s : snapshots()) {
            assertThat(precompiled.assess(s)).isEqualTo(fromYaml.assess(s));
        }
    }

    @Test
    void thePrecompiledWindowsPackJudgesExactlyAsThePackCompiledFromYaml() throws EngineException {
        BaselineEngine fromYaml = fromYaml("azure-windows");
        BaselineEngine precompiled = SharedEngines.windows();
        assertThat(precompiled.rules()).containsExactlyElementsOf(fromYaml.rules());
        String lsa = "HKLM\\SYSTEM\\CurrentControlSet\\Control\\Lsa";
        ConfigurationSnapshot member = TestSnapshots.of(Machine.builder("member").osFamily(OsFamily.WINDOWS).build())
                .collected("registry", "security-policy", "audit-policy", "user-rights")
                .fact(new MachineRole("domain-member", "test"), new RegistryScope(lsa, null, false, "test"),
                        new RegistryValue(lsa, "LmCompatibilityLevel", RegistryValueType.DWORD, "3", "test"),
                        new SecurityPolicy("System Access", "MinimumPasswordAge", "0", "test"),
                        new AuditPolicy("{0CCE9215-69AE-11D9-BED3-505054503030}", "Logon", true, false, "test"),
                        new UserRight("SeNetworkLogonRight", List.of("*S-1-1-0"), "test"))
                .build();
        ConfigurationSnapshot empty = TestSnapshots.of(Machine.builder("empty").osFamily(OsFamily.WINDOWS).build())
                .build();
        for (ConfigurationSnapshot s : List.of(member, empty)) {
            assertThat(precompiled.assess(s)).isEqualTo(fromYaml.assess(s));
        }
    }

    private static List<ConfigurationSnapshot> snapshots() {
        UserAccount root = new UserAccount("root", 0, 0, "/root", "/bin/bash", PasswordState.SET, null, null, null,
                null, null);
        UserAccount toor = new UserAccount("toor", 0, 0, "/root", "/bin/sh", PasswordState.EMPTY, null, null, null,
                null, null);
        TestSnapshots broken = TestSnapshots.linux("broken")
                .collected("sshd", "sysctl", "packages", "services", "mounts", "kernel-modules", "files", "accounts",
                        "login.defs", "pam", "file-lines")
                .fact(new SshdOption("permitrootlogin", "yes", "/etc/ssh/sshd_config:3"),
                        new SshdOption("maxauthtries", "10", "default"),
                        new Sysctl("net.ipv4.conf.all.send_redirects", "1", "runtime"),
                        new InstalledPackage("telnetd", "0.17", "dpkg"), new InstalledPackage("prelink", "1", "dpkg"),
                        new SystemService("avahi-daemon.service", "enabled", "active"),
                        new Mount("/tmp", "tmpfs", "tmpfs", List.of("rw", "nosuid"), "fstab"),
                        new KernelModule("cramfs", null, false, true, null),
                        new FileInfo("/etc/shadow", true, FileKind.FILE, 0644, "root", "shadow", 0, 42),
                        FileInfo.absent("/etc/issue"), root, toor, new UserGroup("root", 0, List.of()),
                        new Setting("login.defs", "UMASK", "022"),
                        new PamEntry("su", "auth", "sufficient", "pam_wheel.so", List.of("trust")));
        TestSnapshots partial = TestSnapshots.linux("partial").collected("sshd", "files")
                .run(CollectorRun.failed("packages", "rpm failed"))
                .fact(new SshdOption("permitrootlogin", "no", "default"),
                        new FileInfo("/etc/passwd", true, FileKind.FILE, 0644, "root", "root", 0, 0));
        return List.of(broken.build(), partial.build(), TestSnapshots.linux("empty").build());
    }
}
