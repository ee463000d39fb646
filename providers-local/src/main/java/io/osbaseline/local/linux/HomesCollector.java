package io.osbaseline.local.linux;

import io.osbaseline.local.RootFs;
import io.osbaseline.model.CollectorRun;
import io.osbaseline.model.fact.FileKind;
import io.osbaseline.model.fact.HomeDirectory;
import io.osbaseline.model.fact.Setting;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.annotation.CheckForNull;

/**
 * {@code homes}: one {@link HomeDirectory} for each account that can log in, with its owner and mode, the dot files
 * its group or others may write, and whether {@code .forward}, {@code .netrc} or {@code .rhosts} exist in it. Only
 * names and permissions are read, never the content of a file.
 *
 * <p>An account can log in when its shell is not {@code nologin} or {@code false} (whatever their directory), as the
 * CIS scripts behind the baseline decide; {@code sync}, {@code shutdown}, {@code halt} and {@code nfsnobody} are left
 * out, since their "shells" are the one command they exist to run and their homes are system directories. The home
 * is looked up inside the root, following links the way the root's own processes would.
 */
final class HomesCollector implements Collector {
    static final String NAME = "homes";
    static final List<String> NAMED_FILES = List.of(".forward", ".netrc", ".rhosts");
    private static final Set<String> SPECIAL_ACCOUNTS = Set.of("sync", "shutdown", "halt", "nfsnobody");

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public CollectorRun collect(CollectorContext ctx) {
        Optional<List<String>> passwd;
        try {
            passwd = ctx.fs().readLines(AccountsCollector.PASSWD);
        } catch (IOException e) {
            ctx.gap(AccountsCollector.PASSWD, e);
            return ctx.failed("cannot read " + AccountsCollector.PASSWD + ": " + CollectorContext.reason(e));
        }
        if (passwd.isEmpty()) {
            return ctx.failed("no " + AccountsCollector.PASSWD);
        }
        Map<Integer, String> names = new HashMap<>();
        List<String[]> accounts = new ArrayList<>();
        for (String line : passwd.get()) {
            String[] f = line.split(":", -1);
            if (f.length != 7 || f[0].isEmpty() || f[0].startsWith("+") || f[0].startsWith("-")) {
                continue; // the accounts collector reports malformed and legacy lines
            }
            Integer uid = number(f[2]);
            if (uid == null) {
                continue;
            }
            names.putIfAbsent(uid, f[0]);
            if (canLogIn(f[0], f[6])) {
                accounts.add(f);
            }
        }
        int present = 0;
        for (String[] f : accounts) {
            HomeDirectory home = home(ctx, f[0], Integer.parseInt(f[2].strip()), f[5], names);
            if (home != null) {
                ctx.emit(home);
                present += home.exists() ? 1 : 0;
            }
        }
        return ctx.done(CollectorContext.count(accounts.size(), "account") + " that can log in; "
                + present + " of their home directories exist");
    }

    /** Whether an account with this name and shell can log in. Package-visible for tests. */
    static boolean canLogIn(String name, String shell) {
        String base = shell.strip().substring(shell.strip().lastIndexOf('/') + 1);
        return !SPECIAL_ACCOUNTS.contains(name) && !base.equals("nologin") && !base.equals("false");
    }

    /** The home of one account; null (and a gap) when it cannot be examined. */
    @CheckForNull
    private static HomeDirectory home(CollectorContext ctx, String user, int uid, String path,
            Map<Integer, String> names) {
        if (!path.startsWith("/")) {
            return HomeDirectory.absent(user, uid, path); // no such directory can exist
        }
        Optional<RootFs.Stat> stat;
        try {
            stat = ctx.fs().stat(path);
        } catch (IOException e) {
            ctx.gap(path, e);
            ctx.emit(new Setting(NAME, "unreadable", user + " (" + path + ")"));
            return null;
        }
        if (stat.isEmpty()) {
            return HomeDirectory.absent(user, uid, path);
        }
        RootFs.Stat s = stat.get();
        String owner = names.getOrDefault(s.uid(), String.valueOf(s.uid()));
        if (s.kind() != FileKind.DIRECTORY) {
            return new HomeDirectory(user, uid, path, true, s.kind(), s.mode(), s.uid(), owner, List.of(), List.of());
        }
        List<String> writable = new ArrayList<>();
        List<String> named = new ArrayList<>();
        boolean listed = dotFiles(ctx, path, writable, named);
        return new HomeDirectory(user, uid, path, true, s.kind(), s.mode(), s.uid(), owner,
                listed ? writable : null, listed ? named : null);
    }

    /** Fills the dot files of a home; false (and a gap) when it or one of its dot files cannot be examined. */
    private static boolean dotFiles(CollectorContext ctx, String home, List<String> writable, List<String> named) {
        Optional<List<String>> entries;
        try {
            entries = ctx.fs().listDotNames(home);
        } catch (IOException e) {
            ctx.gap(home, e);
            return false;
        }
        String dir = home.endsWith("/") ? home : home + "/";
        for (String name : entries.orElse(List.of())) {
            try {
                Optional<RootFs.Stat> entry = ctx.fs().lstat(dir + name);
                if (entry.isEmpty()) {
                    continue;
                }
                if (NAMED_FILES.contains(name)) {
                    named.add(name);
                }
                if (entry.get().kind() == FileKind.FILE && (entry.get().mode() & 022) != 0) {
                    writable.add(name);
                }
            } catch (IOException e) {
                ctx.gap(dir + name, e);
                return false;
            }
        }
        return true;
    }

    @CheckForNull
    private static Integer number(String field) {
        try {
            return Integer.valueOf(field.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
