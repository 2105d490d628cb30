package dev.tribune.moderation;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code tribune moderation}: train, score and evaluate the on-device classifiers. */
@Command(name = "moderation", mixinStandardHelpOptions = true,
        description = "Train, score and evaluate the comment classifiers (toxicity, spam).",
        subcommands = {TrainCommand.class, ScoreCommand.class, EvaluateCommand.class})
public final class ModerationCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.err);
    }

    /** Runs the command on its own, for development: {@code java -cp ... dev.tribune.moderation.ModerationCommand score}. */
    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The command with errors reported as one line on stderr, never a stack trace on stdout. */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new ModerationCommand());
        cl.setExecutionExceptionHandler((e, cmd, parsed) -> {
            System.err.println("moderation " + cmd.getCommandName() + ": " + e);
            if (System.getenv("TRIBUNE_DEBUG") != null) e.printStackTrace(System.err);
            return 1;
        });
        return cl;
    }
}
