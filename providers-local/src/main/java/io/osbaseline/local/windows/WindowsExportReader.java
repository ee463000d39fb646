package io.osbaseline.local.windows;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.osbaseline.model.CollectorRun;
import io.osbaseline.model.CollectorStatus;
import io.osbaseline.model.ConfigurationSnapshot;
import io.osbaseline.model.Coverage;
import io.osbaseline.model.CoverageGap;
import io.osbaseline.model.Machine;
import io.osbaseline.model.OsFamily;
import io.osbaseline.model.fact.Fact;
import io.osbaseline.model.fact.MachineRole;
import io.osbaseline.model.fact.RegistryScope;
import io.osbaseline.model.fact.Setting;
import io.osbaseline.provider.SnapshotException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.annotation.CheckForNull;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns Windows exports into a snapshot: a collector bundle (a folder or zip with {@value #MANIFEST}), a GPO backup
 * folder, a folder of loose exports, or one export file. Each file is read by the reader its name calls for;
 * what a reader cannot read becomes a coverage gap naming the file and the line, and the other files are still read.
 *
 * <p>Cloud providers that run {@code osbaseline-collect.ps1} remotely read its bundle back with
 * {@link #readBundle}.
 */
public final class WindowsExportReader {
    /** The manifest file of a collector bundle. */
    public static final String MANIFEST = "osbaseline-windows.json";
    /** The value of the manifest's {@code format} field. */
    public static final String FORMAT = "osbaseline-windows-export";
    /** The namespace of the firmware and virtualization-based security facts of a bundle. */
    public static final String DEVICE_SECURITY_NAMESPACE = "device-security";

    private static final Logger LOG = LoggerFactory.getLogger(WindowsExportReader.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern GPO_NAME = Pattern.compile(
            "<GPODisplayName>\\s*<!\\[CDATA\\[(.*?)]]>\\s*</GPODisplayName>", Pattern.DOTALL);

    private WindowsExportReader() {
    }

    /** What a unit of exports is. */
    enum Kind {
        BUNDLE("collector bundle"), GPO_BACKUP("GPO backup"), FOLDER("folder of exports"), FILE("export file");

        final String words;

        Kind(String words) {
            this.words = words;
        }
    }

    /**
     * Reads a collector bundle: the folder or zip {@code osbaseline-collect.ps1} wrote.
     *
     * @param machine the machine the bundle was collected from, as the caller's inventory knows it; the manifest
     *     adds the OS name and version when the machine has none
     * @throws SnapshotException when the bundle or its manifest cannot be read, naming the file and the problem
     */
    public static ConfigurationSnapshot readBundle(Path bundle, Machine machine) throws SnapshotException {
        return read(Kind.BUNDLE, bundle, machine, null, null, Instant.now());
    }

    static ConfigurationSnapshot read(Kind kind, Path path, Machine machine, @CheckForNull ExportState forced,
            @CheckForNull String role, Instant now) throws SnapshotException {
        ExportFiles files;
        try {
            files = switch (kind) {
                case BUNDLE -> Files.isDirectory(path) ? ExportFiles.directory(path, true) : ExportFiles.zip(path);
                case GPO_BACKUP -> ExportFiles.directory(path, true);
                case FOLDER -> ExportFiles.directory(path, false);
                case FILE -> ExportFiles.file(path);
            };
        } catch (IOException e) {
            throw new SnapshotException(path + ": cannot read this " + kind.words + ": " + reason(e), e);
        }
        ExportSink sink = new ExportSink();
        Machine m = machine;
        String roleSource = role == null ? null : "provider option role";
        Instant collectedAt = now;
        List<CoverageGap> extraGaps = new ArrayList<>();
        Manifest manifest = null;
        if (kind == Kind.BUNDLE) {
            manifest = manifest(files);
            m = manifest.machine(machine);
            if (role == null && manifest.role != null) {
                role = manifest.role;
                roleSource = files.display(MANIFEST);
            }
            collectedAt = manifest.collectedAt != null ? manifest.collectedAt : now;
            manifest.apply(sink, files.display(MANIFEST), extraGaps);
        }
        ExportState defaultState = kind == Kind.BUNDLE ? ExportState.EFFECTIVE
                : kind == Kind.GPO_BACKUP ? ExportState.POLICY : null;
        for (String name : files.names()) {
            ExportState state = forced != null ? forced : defaultState != null ? defaultState : stateByName(name);
            readFile(files, name, state, sink);
        }
        List<Fact> facts = new ArrayList<>();
        List<CollectorRun> runs = new ArrayList<>();
        List<CoverageGap> gaps = new ArrayList<>();
        for (String collector : WindowsCollectors.ALL) {
            if (collector.equals(WindowsCollectors.MACHINE_ROLE)) {
                if (role != null) {
                    facts.add(new MachineRole(role, roleSource));
                    runs.add(CollectorRun.collected(collector, MachineRole.displayName(role) + ", from " + roleSource));
                } else {
                    runs.add(CollectorRun.unavailable(collector, "the " + kind.words + " does not say whether the "
                            + "machine is a domain controller, a domain member or in a workgroup; give the provider "
                            + "option role= to apply the baseline's role-specific rules"));
                }
                continue;
            }
            facts.addAll(sink.facts(collector));
            runs.add(run(collector, kind, sink, extraGaps));
            for (ExportProblem p : sink.problems(collector)) {
                gaps.add(new CoverageGap(collector, p.line() > 0 ? p.file() + ":" + p.line() : p.file(),
                        p.message()));
            }
        }
        gaps.addAll(extraGaps);
        sink.allProblems().forEach(p -> LOG.warn("{}", p));
        return new ConfigurationSnapshot(m, collectedAt, facts, new Coverage(runs, gaps));
    }

    private static CollectorRun run(String collector, Kind kind, ExportSink sink, List<CoverageGap> extraGaps) {
        List<String> sources = List.copyOf(sink.sources(collector));
        List<ExportProblem> problems = sink.problems(collector);
        List<CoverageGap> failures = extraGaps.stream().filter(g -> g.collector().equals(collector)).toList();
        int n = sink.facts(collector).size();
        if (sources.isEmpty()) {
            if (!failures.isEmpty()) {
                return CollectorRun.failed(collector, failures.stream().map(CoverageGap::reason)
                        .collect(Collectors.joining("; ")));
            }
            return CollectorRun.unavailable(collector, "the " + kind.words + " holds no " + what(collector));
        }
        String read = n + " " + (n == 1 ? "entry" : "entries") + " from " + String.join(", ", sources);
        if (problems.isEmpty() && failures.isEmpty()) {
            return CollectorRun.collected(collector, read);
        }
        String issues = problems.size() + failures.size() + " problem" + (problems.size() + failures.size() == 1
                ? "" : "s") + " (see the gaps)";
        if (n == 0) {
            return CollectorRun.failed(collector, "nothing could be read from " + String.join(", ", sources) + ": "
                    + issues);
        }
        return new CollectorRun(collector, CollectorStatus.PARTIAL, read + "; " + issues);
    }

    private static String what(String collector) {
        return switch (collector) {
            case WindowsCollectors.REGISTRY -> "registry values (no Registry.pol, reg export or [Registry Values])";
            case WindowsCollectors.SECURITY_POLICY -> "account policy (no [System Access] in a security template)";
            case WindowsCollectors.USER_RIGHTS -> "user rights (no [Privilege Rights] in a security template)";
            case WindowsCollectors.AUDIT_POLICY -> "advanced audit policy (no audit.csv or auditpol /backup file)";
            case WindowsCollectors.DEVICE_SECURITY -> "firmware or virtualization-based security state (only a "
                    + "collector bundle has it)";
            default -> collector;
        };
    }

    /** A loose file's state by its name: GPO files state policy, tool exports a machine's effective state. */
    private static ExportState stateByName(String name) {
        String file = fileName(name);
        return file.equals("gpttmpl.inf") || file.equals("registry.pol") || file.equals("audit.csv")
                ? ExportState.POLICY : ExportState.EFFECTIVE;
    }

    private static String fileName(String name) {
        return name.substring(name.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
    }

    private static void readFile(ExportFiles files, String name, ExportState state, ExportSink sink) {
        String file = fileName(name);
        String display = files.display(name);
        String collector;
        if (file.endsWith(".pol")) {
            collector = WindowsCollectors.REGISTRY;
        } else if (file.endsWith(".inf") || file.endsWith(".cfg")) {
            collector = WindowsCollectors.SECURITY_POLICY;
        } else if (file.endsWith(".csv")) {
            collector = WindowsCollectors.AUDIT_POLICY;
        } else if (file.endsWith(".reg")) {
            collector = WindowsCollectors.REGISTRY;
        } else {
            return;
        }
        byte[] bytes;
        try {
            bytes = files.read(name);
        } catch (IOException e) {
            sink.source(collector, display);
            sink.problem(collector, new ExportProblem(display, 0, "cannot read the file: " + reason(e)));
            return;
        }
        boolean effective = state == ExportState.EFFECTIVE;
        if (file.endsWith(".pol")) {
            boolean user = ("/" + name.toLowerCase(Locale.ROOT)).contains("/user/");
            RegistryPolReader.read(display, bytes, user ? "HKCU" : "HKLM", sink);
        } else if (collector.equals(WindowsCollectors.SECURITY_POLICY)) {
            SecurityTemplateReader.read(display, bytes, effective, sink);
        } else if (collector.equals(WindowsCollectors.AUDIT_POLICY)) {
            AuditCsvReader.read(display, bytes, sink);
        } else {
            RegExportReader.read(display, bytes, effective, sink);
        }
    }

    /** The display name of a GPO backup, from its bkupInfo.xml or Backup.xml; null when neither says. */
    @CheckForNull
    static String gpoDisplayName(Path gpo) {
        for (String f : new String[] {"bkupInfo.xml", "Backup.xml"}) {
            Path p = gpo.resolve(f);
            if (Files.isRegularFile(p)) {
                try {
                    Matcher m = GPO_NAME.matcher(ExportText.decode(Files.readAllBytes(p)));
                    if (m.find()) {
                        return m.group(1).strip();
                    }
                } catch (IOException e) {
                    LOG.debug("cannot read {}: {}", p, reason(e));
                }
            }
        }
        return null;
    }

    static Manifest manifest(ExportFiles files) throws SnapshotException {
        String where = files.display(MANIFEST);
        JsonNode root;
        try {
            root = JSON.readTree(new String(files.read(MANIFEST), StandardCharsets.UTF_8).replace("\uFEFF", ""));
        } catch (JsonProcessingException e) {
            throw new SnapshotException(where + ":" + e.getLocation().getLineNr() + ": not valid JSON: "
                    + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new SnapshotException(where + ": cannot read the collector manifest: " + reason(e), e);
        }
        if (root == null || !FORMAT.equals(root.path("format").asText())) {
            throw new SnapshotException(where + ": not an osbaseline collector manifest: \"format\" must be \""
                    + FORMAT + "\"");
        }
        if (root.path("version").asInt() != 1) {
            throw new SnapshotException(where + ": manifest version " + root.path("version").asText()
                    + " is not supported; this osbaseline reads version 1");
        }
        return new Manifest(root, where);
    }

    /** The manifest of a collector bundle. */
    static final class Manifest {
        final JsonNode root;
        @CheckForNull final String role;
        @CheckForNull final Instant collectedAt;

        Manifest(JsonNode root, String where) throws SnapshotException {
            this.root = root;
            JsonNode domainRole = root.get("domainRole");
            if (domainRole != null && !domainRole.isNull()) {
                if (!domainRole.canConvertToInt()) {
                    throw new SnapshotException(where + ": at $.domainRole: expected a number from 0 to 5, got "
                            + domainRole);
                }
                try {
                    role = MachineRole.ofDomainRole(domainRole.asInt());
                } catch (IllegalArgumentException e) {
                    throw new SnapshotException(where + ": at $.domainRole: " + e.getMessage(), e);
                }
            } else {
                role = null;
            }
            String at = root.path("collectedAt").asText(null);
            try {
                collectedAt = at == null ? null : Instant.parse(at);
            } catch (DateTimeParseException e) {
                throw new SnapshotException(where + ": at $.collectedAt: expected an ISO-8601 instant such as "
                        + "2025-01-31T10:00:00Z, got " + at, e);
            }
        }

        Machine machine(Machine listed) {
            JsonNode m = root.path("machine");
            Machine.Builder b = listed.toBuilder().osFamily(OsFamily.WINDOWS);
            if (listed.osName() == null && m.hasNonNull("osName")) {
                b.osName(m.get("osName").asText());
            }
            if (listed.osVersion() == null && m.hasNonNull("osVersion")) {
                b.osVersion(m.get("osVersion").asText());
            }
            return b.build();
        }

        /** The registry keys the bundle captured, device security values, and the collector's own errors. */
        void apply(ExportSink sink, String where, List<CoverageGap> gaps) {
            for (JsonNode k : root.path("registryKeys")) {
                String key = k.path("key").asText("");
                if (!key.isEmpty() && !k.path("exists").asBoolean(true)) {
                    sink.source(WindowsCollectors.REGISTRY, where);
                    sink.add(WindowsCollectors.REGISTRY, new RegistryScope(key, null, true,
                            where + ": the key does not exist on the machine"));
                }
            }
            JsonNode device = root.path("deviceSecurity");
            if (device.isObject()) {
                sink.source(WindowsCollectors.DEVICE_SECURITY, where);
                for (Iterator<Map.Entry<String, JsonNode>> it = device.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> e = it.next();
                    if (!e.getValue().isNull()) {
                        sink.add(WindowsCollectors.DEVICE_SECURITY, new Setting(DEVICE_SECURITY_NAMESPACE,
                                e.getKey(), e.getValue().asText()));
                    }
                }
            }
            for (JsonNode e : root.path("errors")) {
                String collector = e.path("collector").asText("");
                if (WindowsCollectors.ALL.contains(collector)) {
                    gaps.add(new CoverageGap(collector, e.path("command").asText(where),
                            "the collector script failed: " + e.path("message").asText("no message")));
                }
            }
        }
    }

    static String reason(IOException e) {
        if (e instanceof java.nio.file.NoSuchFileException) {
            return "no such file";
        }
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "permission denied";
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
