package kiln.cli;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import kiln.toolchain.BuildTime;
import kiln.toolchain.BuiltTarball;
import kiln.toolchain.FreshenRequest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code kiln stage0 freshen TARBALL --put tools/bin/hab=PATH... [--remove PATH...] [--xz-preset N]
 * [--out DIR]}: a new tarball with some entries swapped; the old one is left as it is.
 */
@Command(
    name = "freshen",
    mixinStandardHelpOptions = true,
    description = {
      "Write a new, timestamped tarball with some entries replaced, added or removed.",
      "Every other entry is copied byte-for-byte; the old tarball is not touched.",
      "The old tarball must pass 'kiln stage0 verify' first."
    })
final class Stage0Freshen implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "TARBALL", description = "The tarball to freshen.")
  Path tarball;

  @Option(
      names = "--put",
      paramLabel = "ENTRY=PATH",
      description = "Replace or add ENTRY (e.g. tools/bin/hab) with the host file PATH.")
  Map<String, Path> puts = new LinkedHashMap<>();

  @Option(
      names = "--remove",
      paramLabel = "ENTRY",
      description = "Drop ENTRY (a directory goes with its contents).")
  List<String> removes = new ArrayList<>();

  @Option(
      names = "--xz-preset",
      paramLabel = "N",
      defaultValue = "9",
      description = "The xz preset of the new tarball, 0 (fast) to 9 (small; the default).")
  int xzPreset;

  @Option(
      names = "--out",
      paramLabel = "DIR",
      description = "Where to write the new tarball (default: beside the old one).")
  Path out;

  @Override
  public Integer call() throws Exception {
    FreshenRequest request = new FreshenRequest(puts, removes, xzPreset);
    BuildTime time = BuildTime.from(Clock.systemUTC(), System.getenv());
    Path dir = out != null ? out : tarball.toAbsolutePath().getParent();
    BuiltTarball built = Stage0.tarball(time).freshen(tarball, request, dir);
    spec.commandLine().getOut().println(built);
    return 0;
  }
}
