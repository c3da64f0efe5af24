package kiln.world;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IoFailuresTest {

  @TempDir Path tmp;

  @Test
  void theJdksFailuresAreSaidInWords() {
    assertEquals(
        "it ends too early: truncated (an incomplete download or copy?)",
        IoFailures.describe(new EOFException()));
    assertEquals("permission denied (/x)", IoFailures.describe(new AccessDeniedException("/x")));
    assertEquals("input/output error (no reason given)", IoFailures.describe(new IOException()));
  }

  @Test
  void aWrapperWithoutAMessageOfItsOwnGivesItsCausesReason() {
    assertEquals(
        "it ends too early: truncated (an incomplete download or copy?)",
        IoFailures.describe(new RuntimeException(new EOFException())));
    assertEquals(
        "no such file or directory (/x)",
        IoFailures.describe(new UncheckedIOException(new NoSuchFileException("/x"))));
  }

  @Test
  void theFileIsNamedOnceWhenTheCallerNamesIt() {
    Path missing = tmp.resolve("missing");
    IOException e = readFailure(missing);
    assertEquals(
        "cannot read " + missing + ": no such file or directory",
        IoFailures.message("cannot read " + missing, e));
    assertEquals(
        "cannot read the index: no such file or directory (" + missing + ")",
        IoFailures.message("cannot read the index", e));
  }

  private static IOException readFailure(Path file) {
    try {
      Files.readAllBytes(file);
      throw new AssertionError("read " + file);
    } catch (IOException e) {
      return e;
    }
  }
}
