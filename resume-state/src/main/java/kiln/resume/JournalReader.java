package kiln.resume;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** Reads a ledger file line by line, keeping the good records and noting the bad ones. */
final class JournalReader {

  /** Above this size the lines are decoded in two halves at once: resuming a world is waited on. */
  private static final int PARALLEL_BYTES = 1 << 20;

  private JournalReader() {}

  /**
   * What a ledger file holds.
   *
   * @param records the intact records in file order
   * @param recovery what was wrong
   * @param goodLength the byte length up to the end of the last intact record: the file is cut
   *     there to drop a torn tail before appending
   * @param lastSeq the sequence number of the last intact record, 0 if none
   * @param bytes the file's bytes
   * @param badLines the byte ranges {start, end} of the bad lines before the last good one
   */
  record Contents(
      List<JournalCodec.Record> records,
      Recovery recovery,
      long goodLength,
      long lastSeq,
      byte[] bytes,
      List<int[]> badLines) {

    /** The intact lines, newlines included: what a damaged ledger is rewritten with. */
    byte[] goodBytes() {
      ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length);
      int from = 0;
      for (int[] bad : badLines) {
        out.write(bytes, from, bad[0] - from);
        from = bad[1];
      }
      out.write(bytes, from, (int) goodLength - from);
      return out.toByteArray();
    }
  }

  static Contents read(Path file) throws IOException {
    byte[] bytes = Files.readAllBytes(file);
    if (bytes.length <= PARALLEL_BYTES) {
      List<int[]> lines = lines(bytes, 0, bytes.length);
      return contents(bytes, lines, decode(bytes, lines));
    }
    // Finding the lines is itself a pass over megabytes: each half finds and decodes its own.
    int middle = lineStartAfter(bytes, bytes.length / 2);
    CompletableFuture<Half> second =
        CompletableFuture.supplyAsync(() -> Half.of(bytes, middle, bytes.length));
    Half first = Half.of(bytes, 0, middle);
    Half last = second.join();
    List<int[]> lines = new ArrayList<>(first.lines().size() + last.lines().size());
    lines.addAll(first.lines());
    lines.addAll(last.lines());
    JournalDecoder.Decoded[] decoded = new JournalDecoder.Decoded[lines.size()];
    System.arraycopy(first.decoded(), 0, decoded, 0, first.decoded().length);
    System.arraycopy(last.decoded(), 0, decoded, first.decoded().length, last.decoded().length);
    return contents(bytes, lines, decoded);
  }

  /** The lines starting in one part of the file, and what they decode to. */
  private record Half(List<int[]> lines, JournalDecoder.Decoded[] decoded) {
    static Half of(byte[] bytes, int from, int to) {
      List<int[]> lines = JournalReader.lines(bytes, from, to);
      return new Half(lines, decode(bytes, lines));
    }
  }

  /** The start of the first line that begins at or after {@code at}: just past a newline. */
  private static int lineStartAfter(byte[] bytes, int at) {
    int i = at;
    while (i < bytes.length && bytes[i - 1] != '\n') {
      i++;
    }
    return i;
  }

  /**
   * Each line's {start, end} for the lines starting in [from, to), {@code from} a line start; end
   * at its newline or, for an unfinished last line, -1.
   */
  private static List<int[]> lines(byte[] bytes, int from, int to) {
    List<int[]> lines = new ArrayList<>();
    for (int start = from; start < to; ) {
      int end = start;
      while (end < bytes.length && bytes[end] != '\n') {
        end++;
      }
      lines.add(new int[] {start, end < bytes.length ? end : -1});
      start = end + 1;
    }
    return lines;
  }

  private static JournalDecoder.Decoded[] decode(byte[] bytes, List<int[]> lines) {
    JournalDecoder.Decoded[] decoded = new JournalDecoder.Decoded[lines.size()];
    decode(bytes, lines, 0, lines.size(), decoded);
    return decoded;
  }

  /** Decodes lines [from, to); a bad line stays null. */
  private static void decode(
      byte[] bytes, List<int[]> lines, int from, int to, JournalDecoder.Decoded[] decoded) {
    JournalDecoder decoder = new JournalDecoder();
    for (int i = from; i < to; i++) {
      int[] line = lines.get(i);
      if (line[1] < 0) {
        continue; // no newline: the write was cut short
      }
      try {
        decoded[i] = decoder.decode(bytes, line[0], line[1]);
      } catch (IllegalArgumentException e) {
        decoded[i] = null;
      }
    }
  }

  private static Contents contents(
      byte[] bytes, List<int[]> lines, JournalDecoder.Decoded[] decoded) {
    List<JournalCodec.Record> records = new ArrayList<>(lines.size());
    int lastGood = -1;
    for (int i = 0; i < decoded.length; i++) {
      if (decoded[i] != null) {
        records.add(decoded[i].record());
        lastGood = i;
      }
    }
    List<Integer> damaged = new ArrayList<>();
    List<int[]> damagedRanges = new ArrayList<>();
    for (int i = 0; i < lastGood; i++) {
      if (decoded[i] == null) {
        damaged.add(i + 1);
        damagedRanges.add(new int[] {lines.get(i)[0], lines.get(i)[1] + 1});
      }
    }
    int torn = lastGood + 1 < lines.size() ? lastGood + 2 : 0;
    long goodLength = lastGood < 0 ? 0 : lines.get(lastGood)[1] + 1;
    long lastSeq = lastGood < 0 ? 0 : decoded[lastGood].seq();
    return new Contents(
        records,
        new Recovery(records.size(), torn, damaged),
        goodLength,
        lastSeq,
        bytes,
        damagedRanges);
  }
}
