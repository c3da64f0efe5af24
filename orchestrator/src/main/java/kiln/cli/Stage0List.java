package kiln.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import kiln.toolchain.TarballEntry;
import kiln.toolchain.ToolsTarball;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code kiln stage0 list TARBALL}: one {@code mode size path [-> target]} line per entry. */
@Command(
    name = "list",
    mixinStandardHelpOptions = true,
    description = "Print each entry as 'mode size path', with '-> target' for symlinks.")
final class Stage0List implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "TARBALL", description = "The tarball to list.")
  Path tarball;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    for (TarballEntry entry : ToolsTarball.list(tarball)) {
      out.println(entry);
    }
    return 0;
  }
}
