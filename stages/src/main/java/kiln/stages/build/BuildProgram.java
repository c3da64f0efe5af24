package kiln.stages.build;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** The plan build program kiln puts at {@code /kiln} in every build's studio. */
public final class BuildProgram {

  private static final String VERSION = hash();

  private BuildProgram() {}

  /**
   * The program's version: the SHA-256 of its files' contents, each preceded by its name, in the
   * order the studio gets them. A kiln whose program changed builds differently, so a build's
   * recorded inputs name it.
   */
  public static String version() {
    return VERSION;
  }

  private static String hash() {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      var files = BuildWorkspace.programFiles();
      for (int i = 0; i < BuildWorkspace.PROGRAM.size(); i++) {
        sha.update(
            (BuildWorkspace.PROGRAM.get(i) + "\n")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        sha.update(files.get(i));
      }
      return HexFormat.of().formatHex(sha.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java has SHA-256", e);
    }
  }
}
