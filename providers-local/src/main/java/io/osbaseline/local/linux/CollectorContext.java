package io.osbaseline.local.linux;

import io.osbaseline.local.RootEscapeException;
import io.osbaseline.local.RootFs;
import io.osbaseline.model.CollectorRun;
import io.osbaseline.model.CollectorStatus;
import io.osbaseline.model.CoverageGap;
import io.osbaseline.model.fact.Fact;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** What one collector run reads from and writes to: the root, the mode, and the facts and gaps it produced. */
final class CollectorContext {
    private final String collector;
    private final RootFs fs;
    private final boolean live;
    private final HostCommands commands;
    private final List<Fact> facts = new ArrayList<>();
    private final List<CoverageGap> gaps = new ArrayList<>();

    CollectorContext(String collector, RootFs fs, boolean live, HostCommands commands) {
        this.collector = collector;
        this.fs = fs;
        this.live = live;
        this.commands = commands;
    }

    RootFs fs() {
        return fs;
    }

    /** Whether this is the running host, whose runtime state (/proc, systemctl) can be read. */
    boolean live() {
        return live;
    }

    HostCommands commands() {
        return commands;
    }

    void emit(Fact fact) {
        facts.add(fact);
    }

    void gap(String path, String reason) {
        gaps.add(new CoverageGap(collector, path, reason));
    }

    void gap(String path, IOException e) {
        gap(path, reason(e));
    }

    /** The lines of a file; empty when it is absent or unreadable (then a gap is recorded). */
    Optional<List<String>> lines(String path) {
        try {
            return fs.readLines(path);
        } catch (IOException e) {
            gap(path, e);
            return Optional.empty();
        }
    }

    /** The names in a directory; empty when it is absent or unreadable (then a gap is recorded). */
    Optional<List<String>> list(String dir) {
        try {
            return fs.list(dir);
        } catch (IOException e) {
            gap(dir, e);
            return Optional.empty();
        }
    }

    /** Whether {@code path} is a symbolic link to {@code /dev/null}: the systemd way to mask a vendor file. */
    boolean masked(String path) {
        try {
            return fs.readLink(path).filter(t -> t.equals("/dev/null")).isPresent();
        } catch (IOException e) {
            return false; // reading the path will meet the same problem and record it
        }
    }

    /** The run: PARTIAL when gaps were met, COLLECTED otherwise. */
    CollectorRun done(String detail) {
        return new CollectorRun(collector, gaps.isEmpty() ? CollectorStatus.COLLECTED : CollectorStatus.PARTIAL,
                detail);
    }

    /** A FAILED run: its facts are dropped, its gaps kept. */
    CollectorRun failed(String reason) {
        facts.clear();
        return CollectorRun.failed(collector, reason);
    }

    List<Fact> facts() {
        return facts;
    }

    List<CoverageGap> gaps() {
        return gaps;
    }

    boolean hasGaps() {
        return !gaps.isEmpty();
    }

    /** "1 file", "2 files": a count for a detail. */
    static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    /** Why a read failed, without the host's path (gaps name the path inside the root). */
    static String reason(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof RootEscapeException r) {
            return r.getReason();
        }
        if (e instanceof FileSystemException f && f.getReason() != null) {
            return f.getReason();
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
