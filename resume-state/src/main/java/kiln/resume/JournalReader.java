package kiln.resume;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reads a ledger file line by line, keeping the good records and noting the bad ones. */
final class JournalReader {

  private JournalReader() {}

  /**
   * What a ledger file holds.
   *
   * @param records the intact records in file order
   * @param recovery what was wrong
   * @param goodLength the byte length up to the end of the last intact record: the file is cut
   *     there to drop a torn tail before appending
   * @param goodLines the intact lines with their newlines, to rewrite a damaged ledger from
   * @param lastSeq the sequence number of the last intact record, 0 if none
   */
  record Contents(
      List<JournalCodec.Record> records,
      Recovery recovery,
      long goodLength,
      List<String> goodLines,
      long lastSeq) {}

  static Contents read(Path file) throws IOException {
    byte[] bytes = Files.readAllBytes(file);
    List<JournalCodec.Record> records = new ArrayList<>();
    List<Integer> bad = new ArrayList<>();
    List<String> goodLines = new ArrayList<>();
    int lastGoodLine = 0;
    long goodLength = 0;
    int line = 0;
    for (int start = 0; start < bytes.length; ) {
      int end = indexOf(bytes, (byte) '\n', start);
      line++;
      if (end < 0) {
        bad.add(line); // no newline: the write was cut short
        break;
      }
      try {
        String text = new String(bytes, start, end - start, StandardCharsets.UTF_8);
        records.add(JournalCodec.read(text));
        goodLines.add(text + "\n");
        lastGoodLine = line;
        goodLength = end + 1;
      } catch (IllegalArgumentException e) {
        bad.add(line);
      }
      start = end + 1;
    }
    int lastGood = lastGoodLine;
    List<Integer> damaged = bad.stream().filter(n -> n < lastGood).toList();
    int torn = bad.stream().filter(n -> n > lastGood).findFirst().orElse(0);
    long lastSeq =
        goodLines.isEmpty() ? 0 : JournalCodec.seqOf(goodLines.get(goodLines.size() - 1));
    return new Contents(
        records, new Recovery(records.size(), torn, damaged), goodLength, goodLines, lastSeq);
  }

  private static int indexOf(byte[] bytes, byte b, int from) {
    for (int i = from; i < bytes.length; i++) {
      if (bytes[i] == b) {
        return i;
      }
    }
    return -1;
  }
}
