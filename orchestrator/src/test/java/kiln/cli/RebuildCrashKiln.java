package kiln.cli;

import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine;

/**
 * {@code kiln bootstrap} on the text-fixture world of {@link FakeParts} (real plan files, fake
 * builds), as a process of its own for {@link RebuildCrashTest} to kill: arguments are the
 * distribution's folder and how long each build takes in ms. Every builder call is logged in {@code
 * calls.log} of that folder. Exits with kiln's exit code.
 */
public final class RebuildCrashKiln {

  private RebuildCrashKiln() {}

  public static void main(String[] args) {
    Path dir = Path.of(args[0]);
    FakeParts parts = new FakeParts();
    parts.worldUsesBase.put("zlib", List.of("glibc"));
    parts.buildMillis = Long.parseLong(args[1]);
    parts.callLog = dir.resolve("calls.log");
    CommandLine cli = new CommandLine(new BootstrapCommand(parts.factory()));
    System.exit(cli.execute("--config", dir.resolve("kiln.yaml").toString(), "--jobs", "2"));
  }
}
