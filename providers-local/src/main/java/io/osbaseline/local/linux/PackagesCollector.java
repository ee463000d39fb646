package io.osbaseline.local.linux;

import io.osbaseline.model.CollectorRun;
import io.osbaseline.model.fact.InstalledPackage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code packages}: the installed packages. The dpkg status database is parsed directly, on a live host and under an
 * offline root alike: a package is installed when its {@code Status} says {@code installed} (so {@code hold ok
 * installed} counts, {@code deinstall ok config-files} does not). An rpm database is read by the host's {@code rpm}
 * command ({@code rpm --root DIR --dbpath ...} for an offline root); when the host has no {@code rpm}, that database
 * is a gap, and the collector FAILS if it was the only one: packages are never guessed.
 */
final class PackagesCollector implements Collector {
    static final String NAME = "packages";
    static final String DPKG_STATUS = "/var/lib/dpkg/status";
    /** Where rpm keeps its database: the classic place, and /usr/lib/sysimage since Fedora 36 and openSUSE. */
    static final List<String> RPM_DB_DIRS = List.of("/var/lib/rpm", "/usr/lib/sysimage/rpm");
    static final List<String> RPM_DB_FILES = List.of("rpmdb.sqlite", "Packages", "Packages.db");
    private static final String RPM_FORMAT = "%{NAME}\\t%{VERSION}-%{RELEASE}\\n";
    /** The arguments of the rpm query, after the {@code --root} options of an offline root. */
    static final List<String> RPM_QUERY = List.of("-qa", "--qf", RPM_FORMAT);

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public CollectorRun collect(CollectorContext ctx) {
        List<String> read = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        boolean dpkg = readDpkg(ctx, read, failures);
        String rpmDb = rpmDatabase(ctx);
        if (rpmDb != null) {
            readRpm(ctx, rpmDb, read, failures);
        }
        if (!dpkg && rpmDb == null) {
            return ctx.failed("no package database found (looked for " + DPKG_STATUS + " and an rpm database in "
                    + String.join(", ", RPM_DB_DIRS) + ")");
        }
        if (read.isEmpty()) {
            return ctx.failed(String.join("; ", failures));
        }
        return ctx.done(String.join("; ", read) + (failures.isEmpty() ? "" : "; " + String.join("; ", failures)));
    }

    /** @return whether a dpkg database exists */
    private static boolean readDpkg(CollectorContext ctx, List<String> read, List<String> failures) {
        Optional<List<String>> lines;
        try {
            lines = ctx.fs().readLines(DPKG_STATUS);
        } catch (IOException e) {
            ctx.gap(DPKG_STATUS, e);
            failures.add("cannot read " + DPKG_STATUS + ": " + CollectorContext.reason(e));
            return true;
        }
        if (lines.isEmpty()) {
            return false;
        }
        List<InstalledPackage> packages = parseDpkgStatus(lines.get());
        packages.forEach(ctx::emit);
        read.add(packages.size() + " dpkg packages from " + DPKG_STATUS);
        return true;
    }

    /** The installed packages of a dpkg status file: paragraphs of {@code Field: value} lines. */
    static List<InstalledPackage> parseDpkgStatus(List<String> lines) {
        List<InstalledPackage> packages = new ArrayList<>();
        String name = null;
        String version = null;
        String status = null;
        for (int i = 0; i <= lines.size(); i++) {
            String line = i < lines.size() ? lines.get(i) : "";
            if (line.isBlank()) {
                if (name != null && version != null && status != null && status.endsWith(" installed")) {
                    packages.add(new InstalledPackage(name, version, "dpkg"));
                }
                name = null;
                version = null;
                status = null;
            } else if (!Character.isWhitespace(line.charAt(0))) { // indented lines continue a field we skip
                int colon = line.indexOf(':');
                if (colon > 0) {
                    String value = line.substring(colon + 1).strip();
                    switch (line.substring(0, colon)) {
                        case "Package" -> name = value;
                        case "Version" -> version = value;
                        case "Status" -> status = value;
                        default -> { }
                    }
                }
            }
        }
        return packages;
    }

    /** The first directory that holds an rpm database, or null. */
    private static String rpmDatabase(CollectorContext ctx) {
        for (String dir : RPM_DB_DIRS) {
            for (String file : RPM_DB_FILES) {
                try {
                    if (ctx.fs().resolve(dir + "/" + file).isPresent()) {
                        return dir;
                    }
                } catch (IOException e) {
                    ctx.gap(dir + "/" + file, e);
                }
            }
        }
        return null;
    }

    private static void readRpm(CollectorContext ctx, String dbDir, List<String> read, List<String> failures) {
        Path rpm = ctx.commands().find("rpm");
        if (rpm == null) {
            String why = "an rpm database is in " + dbDir + " but this host has no rpm command to read it";
            ctx.gap(dbDir, "no rpm command on this host");
            failures.add(why);
            return;
        }
        List<String> command = new ArrayList<>(List.of(rpm.toString()));
        if (!ctx.live()) {
            Path root = ctx.fs().root();
            if (root == null) {
                ctx.gap(dbDir, "the host's rpm cannot read a database that is not on its disk");
                failures.add("an rpm database is in " + dbDir + " of an in-memory root, which rpm cannot read");
                return;
            }
            command.addAll(List.of("--root", root.toString(), "--dbpath", dbDir));
        }
        command.addAll(RPM_QUERY);
        HostCommands.Result result;
        try {
            result = ctx.commands().run(command);
        } catch (IOException e) {
            ctx.gap(dbDir, e);
            failures.add("rpm failed: " + CollectorContext.reason(e));
            return;
        }
        if (result.exitCode() != 0) {
            ctx.gap(dbDir, "rpm: " + result.problem());
            failures.add("rpm could not read " + dbDir + ": " + result.problem());
            return;
        }
        int count = 0;
        for (String line : result.stdout()) {
            int tab = line.indexOf('\t');
            if (tab > 0) {
                ctx.emit(new InstalledPackage(line.substring(0, tab), line.substring(tab + 1), "rpm"));
                count++;
            }
        }
        read.add(count + " rpm packages from " + dbDir);
    }
}
