package kiln.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code kiln origin key import}: Habitat's own key files, into a key directory. */
class OriginKeyImportCommandTest {

  /** Key files made by Habitat itself (see that folder's README.md). */
  private static final Path FIXTURES =
      Path.of("..", "stages", "src", "test", "resources", "habitat-fixtures");

  private static final String NAME = "happyhumans-20160424223347";

  @TempDir Path tmp;

  @Test
  void aPublicKeyIsWrittenUnderItsOwnNameWhateverTheFileIsCalled() throws Exception {
    Path downloaded =
        Files.copy(FIXTURES.resolve(NAME + ".pub"), tmp.resolve("key-from-the-web.txt"));
    Path keys = tmp.resolve("keys");

    CliRun run =
        CliRun.of("origin", "key", "import", downloaded.toString(), "--keys", keys.toString());

    assertEquals(0, run.exit(), run.err());
    Path pub = keys.resolve(NAME + ".pub");
    assertEquals(pub + "\n", run.out());
    assertEquals("kiln: imported origin key " + NAME + " into " + keys + "\n", run.err());
    assertEquals(Files.readString(downloaded).strip(), Files.readString(pub));
    assertEquals("r--r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(pub)));
  }

  @Test
  void aSecretKeyFromStandardInputBringsItsPublicHalf() throws Exception {
    Path keys = tmp.resolve("keys");
    InputStream saved = System.in;
    System.setIn(new ByteArrayInputStream(Files.readAllBytes(FIXTURES.resolve(NAME + ".sig.key"))));
    CliRun run;
    try {
      run = CliRun.of("origin", "key", "import", "--keys", keys.toString());
    } finally {
      System.setIn(saved);
    }

    assertEquals(0, run.exit(), run.err());
    assertEquals(
        List.of(keys.resolve(NAME + ".pub").toString(), keys.resolve(NAME + ".sig.key").toString()),
        run.out().lines().toList());
    assertEquals(
        Files.readString(FIXTURES.resolve(NAME + ".pub")).strip(),
        Files.readString(keys.resolve(NAME + ".pub")));
    assertEquals(
        "r--------",
        PosixFilePermissions.toString(
            Files.getPosixFilePermissions(keys.resolve(NAME + ".sig.key"))));
  }

  @Test
  void theSameKeyAgainIsFineAnotherOneOfThatNameIsRefused() throws Exception {
    Path keys = tmp.resolve("keys");
    String pub = FIXTURES.resolve(NAME + ".pub").toString();
    assertEquals(0, CliRun.of("origin", "key", "import", pub, "--keys", keys.toString()).exit());
    assertEquals(0, CliRun.of("origin", "key", "import", pub, "--keys", keys.toString()).exit());

    String other = Files.readString(Path.of(pub)).replaceFirst("\n\n.", "\n\nB");
    Path forged = Files.writeString(tmp.resolve("forged.pub"), other);
    CliRun run = CliRun.of("origin", "key", "import", forged.toString(), "--keys", keys.toString());

    assertEquals(1, run.exit());
    assertEquals(
        "kiln: "
            + keys.resolve(NAME + ".pub")
            + " already holds another key of that name: kiln never replaces a key (remove the"
            + " file first if the new one is meant to take its place)\n",
        run.err());
    assertEquals(Path.of(pub).toFile().length(), keys.resolve(NAME + ".pub").toFile().length());
  }

  @Test
  void aFileThatIsNoSigningKeyIsNamedWithItsLine() throws Exception {
    Path plan = Files.writeString(tmp.resolve("plan.sh"), "pkg_name=x\n");
    CliRun run = CliRun.of("origin", "key", "import", plan.toString(), "--keys", tmp.toString());
    assertEquals(1, run.exit());
    assertEquals(
        "kiln: "
            + plan
            + ":1: expected 'SIG-PUB-1' or 'SIG-SEC-1' (an origin signing key), found"
            + " 'pkg_name=x'\n",
        run.err());
  }
}
