package kiln.cli;

import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import kiln.toolchain.BuildTime;
import kiln.toolchain.BuiltTarball;
import kiln.toolchain.ToolchainSpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code kiln stage0 build --spec FILE [--out DIR]}: writes the tools tarball a spec describes. */
@Command(
    name = "build",
    mixinStandardHelpOptions = true,
    description = {
      "Write <name>-<UTC yyyyMMddHHmmss>.tar.xz from a spec and print its sha256 and path.",
      "With SOURCE_DATE_EPOCH set, the timestamp and every mtime come from it."
    })
final class Stage0Build implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(names = "--spec", required = true, paramLabel = "FILE", description = "The spec (YAML).")
  Path specFile;

  @Option(
      names = "--out",
      paramLabel = "DIR",
      defaultValue = ".",
      description = "Where to write the tarball (default: the current directory).")
  Path out;

  @Override
  public Integer call() throws Exception {
    ToolchainSpec toolchain = ToolchainSpec.read(specFile);
    BuildTime time = BuildTime.from(Clock.systemUTC(), System.getenv());
    BuiltTarball built = Stage0.tarball(time).build(toolchain, specFile, out);
    spec.commandLine().getOut().println(built);
    return 0;
  }
}
