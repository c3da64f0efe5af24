package kiln.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** {@code kiln dependents} takes plan paths as plain arguments, as world-order does. */
class DependentsArgumentsTest {

  private static final String WORLD = Path.of("..", "examples", "world").toString();
  private static final String FIPS_MODULE = "core/openssl-fips-module";

  @Test
  void aPathArgumentIsReadAsPlansWhereverItStands() {
    CliRun withOption = CliRun.of("dependents", FIPS_MODULE, "--direct", "-p", WORLD);
    CliRun after = CliRun.of("dependents", FIPS_MODULE, "--direct", WORLD);
    CliRun before = CliRun.of("dependents", WORLD, FIPS_MODULE, "--direct");

    assertEquals(0, after.exit(), after.err());
    assertEquals("core/openssl-fips ../examples/world/openssl-fips\n", after.out());
    assertEquals(withOption.out(), after.out());
    assertEquals(after.out(), before.out());
    assertEquals(0, before.exit(), before.err());
  }

  @Test
  void aPlanFileToo() {
    String plan = Path.of(WORLD, "openssl-fips", "plan.sh").toString();
    String module = Path.of(WORLD, "openssl-fips-module", "plan.sh").toString();
    CliRun run = CliRun.of("dependents", FIPS_MODULE, plan, module);
    assertEquals(0, run.exit(), run.err());
    assertEquals("core/openssl-fips ../examples/world/openssl-fips\n", run.out());
  }

  @Test
  void withOnlyPathsItAsksForAnIdent() {
    CliRun run = CliRun.of("dependents", WORLD);
    assertEquals(2, run.exit());
    assertTrue(run.err().startsWith("give an IDENT (origin/name)"), run.err());
  }

  @Test
  void anArgumentThatIsNeitherSaysSo() {
    CliRun run = CliRun.of("dependents", "no-such-dir", "-p", WORLD);
    assertEquals(2, run.exit());
    assertTrue(
        run.err()
            .startsWith(
                "not a package ident: 'no-such-dir' (want origin/name[/version[/release]]), and no"
                    + " file or directory of that name exists"),
        run.err());
  }
}
