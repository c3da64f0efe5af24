package kiln.stages.build;

import java.nio.file.Path;
import kiln.stages.artifact.WrittenHart;
import kiln.world.PackageIdent;

/** Turns a built package prefix into a signed .hart: writes FILES, packs, signs. */
public interface ArtifactSigner {

  /**
   * Fails when no secret key of the origin is there: checked before a build starts, so an hour of
   * compiling is not lost to a missing key.
   */
  void requireSigningKey(String origin) throws BuildException;

  /**
   * Fails when there is no secret key of any origin: checked first of all, before the studio starts
   * (a stage1 studio's first start unpacks its tools tarball), as the plan's origin is only known
   * once the plan has been read.
   */
  void requireAnySigningKey() throws BuildException;

  /**
   * Writes the signed FILES metadata into the package prefix, then packs and signs the artifact.
   *
   * @param staging a directory holding {@code hab/pkgs/o/n/v/r}
   * @param ident the package's fully qualified ident
   * @param target the package target
   * @param destination the .hart to write (the caller moves it into place)
   * @return the artifact with the hashes computed while writing it
   */
  WrittenHart pack(Path staging, PackageIdent ident, String target, Path destination)
      throws BuildException;
}
