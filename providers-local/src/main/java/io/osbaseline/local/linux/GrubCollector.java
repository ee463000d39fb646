package io.osbaseline.local.linux;

import io.osbaseline.model.CollectorRun;
import io.osbaseline.model.fact.Setting;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code grub}: whether the boot loader asks for a password, for each GRUB configuration file present
 * ({@code /boot/grub/grub.cfg}, {@code /boot/grub2/grub.cfg}, and GRUB legacy's {@code /boot/grub/grub.conf}), as
 * {@code Setting("grub", PATH, SUMMARY)}. The summary starts with what protects the menu:
 *
 * <ul>
 *   <li>{@code password_pbkdf2 for USER}: a PBKDF2 hash, written in the file or, as RHEL's {@code grub2-setpassword}
 *       does, in {@code ${GRUB2_PASSWORD}} set by the {@code user.cfg} next to it ({@code (hash in .../user.cfg)});
 *   <li>{@code password --md5} or {@code password --encrypted} (GRUB legacy);
 *   <li>{@code plain-text password for USER}: a password written in clear;
 *   <li>{@code no password}: none, including a {@code password_pbkdf2} line whose variable nothing sets;
 * </ul>
 * followed by {@code ; superusers NAMES} when {@code set superusers} names them. Hashes and passwords never leave the
 * collector.
 */
final class GrubCollector implements Collector {
    static final String NAME = "grub";
    static final List<String> CONFIGS = List.of("/boot/grub/grub.cfg", "/boot/grub2/grub.cfg", "/boot/grub/grub.conf");
    private static final Pattern SUPERUSERS = Pattern.compile("set\\s+superusers\\s*=\\s*[\"']?([^\"']*)[\"']?.*");
    private static final Pattern PBKDF2 = Pattern.compile("password_pbkdf2\\s+(\\S+)\\s+(\\S+).*");
    private static final Pattern VARIABLE = Pattern.compile("\"?\\$\\{?(\\w+)}?\"?");
    private static final Pattern LEGACY = Pattern.compile("password\\s+(--md5|--encrypted)\\s+\\S+.*");
    private static final Pattern PLAIN = Pattern.compile("password\\s+\\S+.*");

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public CollectorRun collect(CollectorContext ctx) {
        List<String> found = new ArrayList<>();
        for (String path : CONFIGS) {
            Optional<List<String>> lines = ctx.lines(path);
            if (lines.isPresent()) {
                ctx.emit(new Setting(NAME, path, summary(ctx, path, lines.get())));
                found.add(path);
            }
        }
        return ctx.done(found.isEmpty() ? "no GRUB configuration (" + String.join(", ", CONFIGS) + ")"
                : "read " + String.join(", ", found));
    }

    private static String summary(CollectorContext ctx, String path, List<String> lines) {
        String protection = null;
        String unsetVariable = null;
        String superusers = null;
        for (String raw : lines) {
            String line = raw.strip();
            if (line.startsWith("#")) {
                continue;
            }
            Matcher m = SUPERUSERS.matcher(line);
            if (m.matches() && !m.group(1).isBlank()) {
                superusers = m.group(1).strip();
                continue;
            }
            if (protection != null) {
                continue;
            }
            m = PBKDF2.matcher(line);
            if (m.matches()) {
                Matcher variable = VARIABLE.matcher(m.group(2));
                if (!variable.matches()) {
                    protection = "password_pbkdf2 for " + m.group(1);
                } else {
                    String userCfg = path.substring(0, path.lastIndexOf('/')) + "/user.cfg";
                    if (setIn(ctx, userCfg, variable.group(1))) {
                        protection = "password_pbkdf2 for " + m.group(1) + " (hash in " + userCfg + ")";
                    } else {
                        unsetVariable = "password_pbkdf2 for " + m.group(1) + " uses ${" + variable.group(1)
                                + "}, which " + userCfg + " does not set";
                    }
                }
            } else if ((m = LEGACY.matcher(line)).matches()) {
                protection = "password " + m.group(1);
            } else if (PLAIN.matcher(line).matches()) {
                String[] words = line.split("\\s+");
                protection = "plain-text password" + (path.endsWith(".cfg") && words.length > 2
                        ? " for " + words[1] : "");
            }
        }
        String s = protection != null ? protection
                : unsetVariable != null ? "no password (" + unsetVariable + ")" : "no password";
        return superusers == null ? s : s + "; superusers " + superusers;
    }

    /** Whether {@code file} assigns a non-empty value to {@code variable}; the value itself is not kept. */
    private static boolean setIn(CollectorContext ctx, String file, String variable) {
        return ctx.lines(file).map(ShellVars::parse).map(vars -> !vars.getOrDefault(variable, "").isEmpty())
                .orElse(false);
    }
}
