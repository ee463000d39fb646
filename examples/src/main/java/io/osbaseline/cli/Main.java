package io.osbaseline.cli;

import io.osbaseline.OsBaselineException;
import java.io.IOException;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code osbaseline}: assess machines against OS security baselines. Exit codes: 0 when no failed check is at or
 * above {@code --fail-on}; 1 when there are; 2 for a usage or input error, with a message saying what to fix.
 */
@Command(name = "osbaseline", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Assess the OS configuration of machines against security baselines.",
        subcommands = {ScanCommand.class, SnapshotCommand.class, ProvidersCommand.class, RulesCommand.class,
                CommandLine.HelpCommand.class})
public final class Main {
    static final int OK = 0;
    static final int FAILED_CHECKS = 1;
    static final int INPUT_ERROR = 2;
    static final int INTERNAL_ERROR = 3;

    public static void main(String[] args) {
        System.exit(run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args));
    }

    /** Runs the command line with the given streams; returns the exit code. */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        CommandLine cli = new CommandLine(new Main());
        cli.setOut(out);
        cli.setErr(err);
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        cli.setParameterExceptionHandler((e, a) -> {
            err.println("osbaseline: " + e.getMessage());
            err.println("Try 'osbaseline " + commandPath(e.getCommandLine()) + "--help'.");
            return INPUT_ERROR;
        });
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            if (e instanceof OsBaselineException || e instanceof IOException || e instanceof IllegalArgumentException) {
                err.println("osbaseline: " + e.getMessage());
                return INPUT_ERROR;
            }
            err.println("osbaseline: internal error: " + e);
            e.printStackTrace(err);
            return INTERNAL_ERROR;
        });
        return cli.execute(args);
    }

    private static String commandPath(CommandLine c) {
        String path = c.getCommandSpec().qualifiedName(" ");
        path = path.startsWith("osbaseline") ? path.substring("osbaseline".length()).strip() : path;
        return path.isEmpty() ? "" : path + " ";
    }

    /** The version from the jar's manifest; "development" when run from classes. */
    static String version() {
        String v = Main.class.getPackage().getImplementationVersion();
        return v == null ? "development" : v;
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"osbaseline " + version()};
        }
    }
}
