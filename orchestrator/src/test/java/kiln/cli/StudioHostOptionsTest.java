package kiln.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which engines {@code kiln studio list|rm} are told to act on, refused before any is asked. */
class StudioHostOptionsTest {

  @TempDir Path dir;

  @Test
  void engineAndHostTogetherAreRefusedWithBothNamed() {
    CliRun rm = CliRun.of("studio", "rm", "--engine", "unix:///nowhere.sock", "--host", "e1");

    assertEquals(2, rm.exit());
    assertTrue(rm.err().contains("give it, or --config and --host, not both"), rm.err());
  }

  @Test
  void hostOfAKilnYamlWithoutHostsSaysSoWithTheFile() throws Exception {
    Path config = TinyDistribution.write(dir, "studio: docker", "");

    CliRun list = CliRun.of("studio", "list", "--config", config.toString(), "--host", "e1");

    assertEquals(1, list.exit());
    assertTrue(
        list.err()
            .contains(config + " has a problem:\n  no build hosts ('hosts') to pick --host e1"),
        list.err());
  }

  @Test
  void anUnknownHostIsNamedWithTheHostsThereAre() throws Exception {
    Path config =
        TinyDistribution.write(
            dir,
            "studio: docker",
            "hosts:\n  - {name: a, endpoint: \"unix:///a.sock\"}\n"
                + "  - {name: b, endpoint: \"unix:///b.sock\"}\n");

    CliRun list = CliRun.of("studio", "list", "--config", config.toString(), "--host", "c");

    assertEquals(1, list.exit());
    assertTrue(list.err().contains("no build host c; its hosts: a, b"), list.err());
  }
}
