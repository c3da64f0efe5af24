package kiln.stages.publish;

/**
 * A package publishing left out, and why: it did not verify, or something it needs is missing.
 *
 * @param what the package's ident, or the artifact's path when it could not be read
 * @param why the reason, in words
 */
public record LeftOut(String what, String why) {

  @Override
  public String toString() {
    return what + ": " + why;
  }
}
