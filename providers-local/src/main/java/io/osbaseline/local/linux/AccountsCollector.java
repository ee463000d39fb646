package io.osbaseline.local.linux;

import io.osbaseline.model.CollectorRun;
import io.osbaseline.model.fact.PasswordState;
import io.osbaseline.model.fact.Setting;
import io.osbaseline.model.fact.UserAccount;
import io.osbaseline.model.fact.UserGroup;
import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.annotation.CheckForNull;

/**
 * {@code accounts}: {@link UserAccount}s from {@code /etc/passwd} joined with what {@code /etc/shadow} says about them,
 * and {@link UserGroup}s from {@code /etc/group}.
 *
 * <p>Password hashes never leave this class: not in a fact, a gap, a log line or an exception. Only the derived
 * {@link PasswordState} is kept: {@code SET} for a crypt(3) hash ({@code $id$...}, {@code _...} or 13 DES characters),
 * {@code EMPTY} for an empty field, {@code LOCKED} for {@code !} before a hash, {@code NO_PASSWORD} for anything that
 * no password can match ({@code *}, {@code !}, {@code !!}, {@code !*}, ...), {@code UNKNOWN} when shadow has no line
 * for the account or cannot be read (then the run is PARTIAL). An account whose passwd field is not {@code x} has its
 * password in {@code /etc/passwd} itself: its state comes from that field and a
 * {@code Setting("passwd", "unshadowed-password", NAME)} says so.
 *
 * <p>Legacy NIS lines ({@code +} or {@code -}) become {@code Setting("passwd"|"group", "legacy-entry", line)} with the
 * password field redacted, and {@code Setting("shadow", "legacy-entry", name)}.
 *
 * <p>When {@code /etc/shadow} was read, {@code Setting("shadow", "read-on", DATE)} says so and gives the day (UTC), so
 * that rules can tell a shadow without a legacy line from one never read, and compare the dates it holds with the day
 * they were read rather than the day they are judged.
 */
final class AccountsCollector implements Collector {
    static final String NAME = "accounts";
    static final String PASSWD = "/etc/passwd";
    static final String SHADOW = "/etc/shadow";
    static final String GROUP = "/etc/group";
    private static final Pattern DES_HASH = Pattern.compile("[./0-9A-Za-z]{13}");
    private static final List<String> HARMLESS_PASSWORD_FIELDS = List.of("", "x", "*", "!", "!!", "!*");

    private final Clock clock;

    AccountsCollector() {
        this(Clock.systemUTC());
    }

    /** {@code clock} dates the reading of /etc/shadow. */
    AccountsCollector(Clock clock) {
        this.clock = clock;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public CollectorRun collect(CollectorContext ctx) {
        Optional<List<String>> passwd;
        try {
            passwd = ctx.fs().readLines(PASSWD);
        } catch (IOException e) {
            ctx.gap(PASSWD, e);
            return ctx.failed("cannot read " + PASSWD + ": " + CollectorContext.reason(e));
        }
        if (passwd.isEmpty()) {
            return ctx.failed("no " + PASSWD);
        }
        Optional<Map<String, Shadow>> shadow = readShadow(ctx);
        int users = 0;
        int lineNo = 0;
        for (String line : passwd.get()) {
            lineNo++;
            if (line.isBlank()) {
                continue;
            }
            String[] f = line.split(":", -1);
            if (isLegacy(f[0])) {
                ctx.emit(new Setting("passwd", "legacy-entry", redacted(f)));
                continue;
            }
            Integer uid = f.length == 7 ? number(f[2]) : null;
            Integer gid = f.length == 7 ? number(f[3]) : null;
            if (uid == null || gid == null || f[0].isEmpty()) {
                // never quote the line: its second field may hold a hash
                ctx.gap(PASSWD + ":" + lineNo, "malformed entry: expected name:password:uid:gid:gecos:home:shell");
                continue;
            }
            Shadow s = shadow.map(m -> m.get(f[0])).orElse(null);
            PasswordState state;
            if (f[1].equals("x")) {
                state = s == null ? PasswordState.UNKNOWN : s.state;
            } else {
                state = stateOf(f[1]);
                ctx.emit(new Setting("passwd", "unshadowed-password", f[0]));
            }
            ctx.emit(s == null
                    ? new UserAccount(f[0], uid, gid, f[5], f[6], state, null, null, null, null, null)
                    : new UserAccount(f[0], uid, gid, f[5], f[6], state, s.lastChange, s.minDays, s.maxDays,
                            s.warnDays, s.inactiveDays));
            users++;
        }
        int groups = readGroups(ctx);
        String passwords = shadow.isPresent() ? ""
                : ctx.gaps().stream().anyMatch(g -> g.path().equals(SHADOW))
                        ? "; cannot read " + SHADOW + ": password states UNKNOWN"
                        : "; no " + SHADOW + ": password states UNKNOWN unless set in " + PASSWD;
        return ctx.done(users + " accounts, " + groups + " groups" + passwords);
    }

    /** The shadow entries by name (the first line of a name wins); empty when shadow is absent or unreadable. */
    private Optional<Map<String, Shadow>> readShadow(CollectorContext ctx) {
        Optional<List<String>> lines;
        try {
            lines = ctx.fs().readLines(SHADOW);
        } catch (IOException e) {
            ctx.gap(SHADOW, e);
            return Optional.empty();
        }
        if (lines.isEmpty()) {
            return Optional.empty();
        }
        ctx.emit(new Setting("shadow", "read-on", LocalDate.now(clock).toString()));
        Map<String, Shadow> entries = new HashMap<>();
        int lineNo = 0;
        for (String line : lines.get()) {
            lineNo++;
            if (line.isBlank()) {
                continue;
            }
            String[] f = line.split(":", -1);
            if (isLegacy(f[0])) {
                ctx.emit(new Setting("shadow", "legacy-entry", f[0]));
                continue;
            }
            if (f.length < 2 || f[0].isEmpty()) {
                ctx.gap(SHADOW + ":" + lineNo, "malformed entry: expected name:password:...");
                continue;
            }
            String where = SHADOW + ":" + lineNo;
            Integer lastChange = days(ctx, where, f, 2, "last change");
            entries.putIfAbsent(f[0], new Shadow(stateOf(f[1]),
                    lastChange == null || lastChange < 0 ? null : LocalDate.ofEpochDay(lastChange),
                    days(ctx, where, f, 3, "minimum days"), days(ctx, where, f, 4, "maximum days"),
                    days(ctx, where, f, 5, "warning days"), days(ctx, where, f, 6, "inactive days")));
        }
        return Optional.of(entries);
    }

    private static int readGroups(CollectorContext ctx) {
        Optional<List<String>> lines = ctx.lines(GROUP);
        int count = 0;
        int lineNo = 0;
        for (String line : lines.orElse(List.of())) {
            lineNo++;
            if (line.isBlank()) {
                continue;
            }
            String[] f = line.split(":", -1);
            if (isLegacy(f[0])) {
                ctx.emit(new Setting("group", "legacy-entry", redacted(f)));
                continue;
            }
            Integer gid = f.length == 4 ? number(f[2]) : null;
            if (gid == null || f[0].isEmpty()) {
                ctx.gap(GROUP + ":" + lineNo, "malformed entry: expected name:password:gid:members");
                continue;
            }
            ctx.emit(new UserGroup(f[0], gid,
                    Arrays.stream(f[3].split(",")).map(String::strip).filter(m -> !m.isEmpty()).toList()));
            count++;
        }
        return count;
    }

    /** The state of a password field. Package-visible for tests; the field itself is never kept. */
    static PasswordState stateOf(String field) {
        if (field.isEmpty()) {
            return PasswordState.EMPTY;
        }
        if (field.startsWith("!")) {
            return isHash(field.replaceFirst("^!+", "")) ? PasswordState.LOCKED : PasswordState.NO_PASSWORD;
        }
        return isHash(field) ? PasswordState.SET : PasswordState.NO_PASSWORD;
    }

    private static boolean isHash(String field) {
        return field.startsWith("$") && field.length() > 1 || field.startsWith("_") && field.length() > 1
                || DES_HASH.matcher(field).matches();
    }

    private static boolean isLegacy(String name) {
        return name.startsWith("+") || name.startsWith("-");
    }

    /** A colon-separated line with its password field blanked out unless it holds no secret. */
    private static String redacted(String[] fields) {
        String[] copy = fields.clone();
        if (copy.length > 1 && !HARMLESS_PASSWORD_FIELDS.contains(copy[1])) {
            copy[1] = "<redacted>";
        }
        return String.join(":", copy);
    }

    @CheckForNull
    private static Integer number(String field) {
        try {
            return Integer.valueOf(field.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** A day count of shadow, null when empty; a gap (naming the field, not its value) when it is not a number. */
    @CheckForNull
    private static Integer days(CollectorContext ctx, String where, String[] f, int index, String field) {
        if (index >= f.length || f[index].isBlank()) {
            return null;
        }
        Integer n = number(f[index]);
        if (n == null) {
            ctx.gap(where, "the " + field + " field is not a number");
        }
        return n;
    }

    private record Shadow(PasswordState state, @CheckForNull LocalDate lastChange, @CheckForNull Integer minDays,
            @CheckForNull Integer maxDays, @CheckForNull Integer warnDays, @CheckForNull Integer inactiveDays) {
    }
}
