package kiln.orchestrator.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicTextTest {

  @TempDir Path dir;

  @Test
  void aReaderSeesTheOldPageOrTheNewOneNeverPartOfOne() throws Exception {
    Path page = dir.resolve("report/index.html");
    String a = "a".repeat(2 << 20);
    String b = "b".repeat(2 << 20);
    AtomicText.write(page, a);
    AtomicBoolean writing = new AtomicBoolean(true);
    CompletableFuture<Void> writer =
        CompletableFuture.runAsync(
            () -> {
              try {
                for (int i = 0; i < 40; i++) {
                  AtomicText.write(page, i % 2 == 0 ? b : a);
                }
              } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
              } finally {
                writing.set(false);
              }
            });
    int reads = 0;
    while (writing.get()) {
      String seen = Files.readString(page);
      assertTrue(seen.equals(a) || seen.equals(b), "a page of " + seen.length() + " characters");
      reads++;
    }
    writer.join();
    assertTrue(reads > 0);
    try (Stream<Path> files = Files.list(page.getParent())) {
      assertEquals(List.of(page), files.toList(), "no temporary file left behind");
    }
  }

  @Test
  void thePageIsReadableByAllLikeAnyFileKilnPublishes() throws Exception {
    Path page = dir.resolve("index.html");
    AtomicText.write(page, "x");
    assertEquals("rw-r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(page)));
  }
}
