package kiln.stages.build;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import kiln.stages.artifact.ArtifactException;
import kiln.stages.artifact.FilesMetadata;
import kiln.stages.artifact.HartWriter;
import kiln.stages.artifact.OriginKeys;
import kiln.stages.artifact.SecretSigningKey;
import kiln.stages.artifact.WrittenHart;
import kiln.world.IoFailures;
import kiln.world.PackageIdent;

/** Signs with the origin's latest key: FILES first, then the artifact. */
final class OriginSigner implements ArtifactSigner {

  private final OriginKeys keys;
  private final Map<String, String> environment;

  /**
   * @param keys the origin key directory
   * @param environment where SOURCE_DATE_EPOCH is read from
   */
  OriginSigner(OriginKeys keys, Map<String, String> environment) {
    this.keys = keys;
    this.environment = Map.copyOf(environment);
  }

  @Override
  public void requireSigningKey(String origin) throws BuildException {
    try {
      keys.latestSigningKey(origin);
    } catch (ArtifactException e) {
      throw new BuildException(
          e.getMessage() + " (make one with: kiln origin key generate " + origin + ")", null, e);
    }
  }

  @Override
  public void requireAnySigningKey() throws BuildException {
    try {
      if (!keys.hasAnySigningKey()) {
        throw new BuildException(
            "no signing key in "
                + keys.directory()
                + ": run 'kiln origin key generate ORIGIN --keys "
                + keys.directory()
                + "' with the plan's pkg_origin, or pass --keys");
      }
    } catch (ArtifactException e) {
      throw new BuildException(e.getMessage(), null, e);
    }
  }

  @Override
  public WrittenHart pack(Path staging, PackageIdent ident, String target, Path destination)
      throws BuildException {
    try {
      SecretSigningKey key = keys.latestSigningKey(ident.origin());
      FilesMetadata.write(staging, ident, key);
      WrittenHart written =
          new HartWriter(key, HartWriter.sourceDateEpoch(environment))
              .writeHashed(staging, ident, target, destination.getParent());
      if (!written.path().equals(destination)) {
        Files.move(written.path(), destination);
        return written.movedTo(destination);
      }
      return written;
    } catch (ArtifactException | java.io.IOException e) {
      throw new BuildException(IoFailures.message("cannot sign " + ident, e), null, e);
    }
  }
}
