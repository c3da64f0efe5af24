package kiln.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import kiln.toolchain.TarballProblem;
import kiln.toolchain.ToolsTarball;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code kiln stage0 verify TARBALL}: checks the tarball is whole and safe to unpack at /tools,
 * naming every problem; exits 1 if there is any.
 */
@Command(
    name = "verify",
    mixinStandardHelpOptions = true,
    description = {
      "Check a tarball is complete and safe to unpack at /tools; name every problem.",
      "Checks: complete xz data and a whole tar (its end-of-archive marker); every entry",
      "under tools/, not absolute, without '..'; no symlink or hard link leading out of",
      "tools/; nothing extraction would refuse; only files, directories and links."
    })
final class Stage0Verify implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "TARBALL", description = "The tarball to verify.")
  Path tarball;

  @Override
  public Integer call() {
    List<TarballProblem> problems = ToolsTarball.verify(tarball);
    if (problems.isEmpty()) {
      spec.commandLine().getOut().println(tarball + ": ok");
      return 0;
    }
    PrintWriter err = spec.commandLine().getErr();
    problems.forEach(problem -> err.println("kiln: " + tarball + ": " + problem));
    err.println("kiln: " + tarball + ": " + problems.size() + " problem(s); do not unpack it");
    return FailureHandler.FAILED;
  }
}
