package kiln.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code kiln stage0}: the tools tarball that every bootstrap starts from. */
@Command(
    name = "stage0",
    mixinStandardHelpOptions = true,
    description = "Build, freshen, list and verify the tools tarball (see docs/stage0.md).",
    subcommands = {Stage0Build.class, Stage0Freshen.class, Stage0List.class, Stage0Verify.class})
final class Stage0Command implements Runnable {

  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getErr());
  }
}
