package kiln.stages.build;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import kiln.world.PackageIdent;

/**
 * Packs artifacts for tests until the real signer (branch issue-4-hart) is merged: a HART-1 header
 * with a dummy signature over an xz tar made by the system tar.
 */
final class FakeSigner implements ArtifactSigner {

  @Override
  public void requireSigningKey(String origin) {}

  @Override
  public void pack(Path staging, PackageIdent ident, String target, Path destination)
      throws BuildException {
    try (OutputStream out = Files.newOutputStream(destination)) {
      out.write("HART-1\nfake-20260101000000\nBLAKE2b\nAAAA\n\n".getBytes(StandardCharsets.UTF_8));
      Process tar =
          new ProcessBuilder("tar", "-cJf", "-", "-C", staging.toString(), "--sort=name", "hab")
              .start();
      tar.getInputStream().transferTo(out);
      if (tar.waitFor() != 0) {
        throw new BuildException("tar failed for " + staging);
      }
    } catch (IOException | InterruptedException e) {
      throw new BuildException("cannot pack " + staging + ": " + e);
    }
  }
}
