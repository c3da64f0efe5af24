package kiln.orchestrator;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import kiln.world.IoFailures;

/**
 * The last lines of a build log, shown when a build fails. Only the log's last 64 KiB are read,
 * however long the build talked, and bytes that are not UTF-8 are shown replaced, not refused.
 */
public final class LogTail {

  private static final int MAX_BYTES = 64 * 1024;

  private LogTail() {}

  /** Up to {@code lines} last lines; a note instead when the log cannot be read. */
  public static List<String> of(Path log, int lines) {
    try {
      return read(log, lines);
    } catch (IOException e) {
      return List.of("(" + IoFailures.message("cannot read " + log, e) + ")");
    }
  }

  /**
   * Up to {@code lines} last lines of {@code log}.
   *
   * @throws IOException when the log cannot be read
   */
  public static List<String> read(Path log, int lines) throws IOException {
    try (RandomAccessFile file = new RandomAccessFile(log.toFile(), "r")) {
      long length = file.length();
      int size = (int) Math.min(length, MAX_BYTES);
      byte[] bytes = new byte[size];
      file.seek(length - size);
      file.readFully(bytes);
      List<String> all = Arrays.asList(new String(bytes, StandardCharsets.UTF_8).split("\n"));
      return all.subList(Math.max(0, all.size() - lines), all.size());
    }
  }
}
