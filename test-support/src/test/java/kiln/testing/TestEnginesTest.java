package kiln.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TestEnginesTest {

  @TempDir Path tmp;

  @Test
  void missingEnginesFailSayingHowToStartThem() {
    IllegalStateException e =
        assertThrows(IllegalStateException.class, () -> TestEngines.endpoints(2, null));
    assertTrue(e.getMessage().contains("KILN_TEST_ENGINES is not set"), e.getMessage());
    assertTrue(e.getMessage().contains("bin/engines start 2"), e.getMessage());
  }

  @Test
  void fewerEnginesThanNeededFail() throws Exception {
    String one = "unix://" + Files.createFile(tmp.resolve("e1.sock"));
    IllegalStateException e =
        assertThrows(IllegalStateException.class, () -> TestEngines.endpoints(2, one));
    assertTrue(e.getMessage().contains("names 1"), e.getMessage());
  }

  @Test
  void anEngineWithoutItsSocketFails() {
    String gone = "unix://" + tmp.resolve("gone.sock");
    IllegalStateException e =
        assertThrows(IllegalStateException.class, () -> TestEngines.endpoints(1, gone));
    assertTrue(e.getMessage().contains(gone + " named in KILN_TEST_ENGINES has no socket"));
  }

  @Test
  void theEndpointsComeInTheirOrder() throws Exception {
    String a = "unix://" + Files.createFile(tmp.resolve("a.sock"));
    String b = "unix://" + Files.createFile(tmp.resolve("b.sock"));
    assertEquals(
        List.of(URI.create(a), URI.create(b)), TestEngines.endpoints(2, a + ", " + b + ","));
  }
}
