package kiln.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import kiln.stages.artifact.ArtifactException;
import kiln.stages.artifact.Hart;
import kiln.stages.artifact.KeyName;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code kiln hart verify FILE}: exit 0 only when the signature and the content check out. */
@Command(
    name = "verify",
    description = {
      "Verify an artifact (or any HART-1 document, such as a package's FILES): the signer's"
          + " public key must be in the key directory, the signature must check out and the"
          + " content must hash to what was signed."
    })
final class HartVerifyCommand implements Callable<Integer> {

  @Parameters(paramLabel = "FILE", description = "The .hart file.")
  Path file;

  @Mixin KeysOption keys = new KeysOption();

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws ArtifactException {
    KeyName signer = Hart.open(file).verify(keys.keys());
    spec.commandLine().getOut().println(file + ": verified, signed by " + signer);
    return 0;
  }
}
