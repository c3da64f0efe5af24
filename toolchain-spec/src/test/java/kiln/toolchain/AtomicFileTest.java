package kiln.toolchain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two writers of one name: the first to commit keeps it; the second may only agree with it. */
class AtomicFileTest {

  @TempDir Path dir;

  private static AtomicFile writing(Path target, String content) throws IOException {
    AtomicFile file = new AtomicFile(target);
    try (OutputStream out = file.output()) {
      out.write(content.getBytes(StandardCharsets.UTF_8));
    }
    return file;
  }

  @Test
  void aSecondWriterWithOtherBytesIsRefusedAndTheFirstKept() throws IOException {
    Path target = dir.resolve("t-20260101000000.tar.xz");
    // Both are written before either commits, as two builds racing in one second would be.
    try (AtomicFile first = writing(target, "first");
        AtomicFile second = writing(target, "second")) {
      first.commit();
      TargetExistsException e = assertThrows(TargetExistsException.class, second::commit);
      assertTrue(e.getMessage().startsWith(target + " already exists with other content"));
      assertTrue(e.getMessage().contains("remove it, or write to another directory (--out)"));
    }
    assertEquals("first", Files.readString(target));
    assertEquals(List.of(target), Files.list(dir).toList(), "no temporary file left");
  }

  @Test
  void aSecondWriterWithTheSameBytesAgrees() throws IOException {
    Path target = dir.resolve("t-20260101000000.tar.xz");
    try (AtomicFile first = writing(target, "same");
        AtomicFile second = writing(target, "same")) {
      assertEquals(first.commit(), second.commit());
    }
    assertEquals("same", Files.readString(target));
    assertEquals(List.of(target), Files.list(dir).toList(), "no temporary file left");
  }
}
