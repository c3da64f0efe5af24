package kiln.cli;

import java.util.concurrent.Callable;
import kiln.stages.artifact.ArtifactException;
import kiln.stages.artifact.GeneratedKey;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code kiln origin key generate ORIGIN}: a new signing key pair, revision = now (UTC). */
@Command(
    name = "generate",
    description = {
      "Generate an origin signing key pair: ORIGIN-<rev>.sig.key (0400, keep it secret) and"
          + " ORIGIN-<rev>.pub (0444, share it). The newest key signs.",
      "Prints the two files' paths."
    })
final class OriginKeyGenerateCommand implements Callable<Integer> {

  @Parameters(paramLabel = "ORIGIN", description = "The origin, e.g. core.")
  String origin;

  @Mixin KeysOption keys = new KeysOption();

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws ArtifactException {
    GeneratedKey key = keys.keys().generate(origin);
    spec.commandLine().getOut().println(key.publicFile());
    spec.commandLine().getOut().println(key.secretFile());
    spec.commandLine()
        .getErr()
        .println("kiln: generated origin key " + key.name() + " in " + keys.directory());
    return 0;
  }
}
