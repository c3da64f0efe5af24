package kiln.orchestrator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import kiln.resume.RunJournal;

/**
 * The crash tests' own reading of a work dir's ledger files (docs/ledger.md), independent of the
 * code under test: every {@code .jsonl} file, every complete line as JSON. A last line without its
 * newline (a write cut short) is left out, as kiln's replay drops it.
 */
public final class LedgerLines {

  private static final ObjectMapper JSON = new ObjectMapper();

  private LedgerLines() {}

  /** The records of every run journal in the work dir, file by file (oldest run first). */
  public static List<JsonNode> read(Path work) throws IOException {
    Path dir = RunJournal.ledgerDir(work);
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    List<Path> files;
    try (Stream<Path> all = Files.list(dir)) {
      files = all.filter(f -> f.toString().endsWith(".jsonl")).sorted().toList();
    }
    List<JsonNode> records = new ArrayList<>();
    for (Path file : files) {
      String text = Files.readString(file, StandardCharsets.UTF_8);
      int end = text.lastIndexOf('\n') + 1; // a torn last line has no newline yet
      for (String line : text.substring(0, end).split("\n")) {
        if (!line.isEmpty()) {
          records.add(parse(file, line));
        }
      }
    }
    return records;
  }

  /** Entries ({@code stage ident args}) with more than one {@code built} record, and how many. */
  public static Map<String, Integer> builtMoreThanOnce(List<JsonNode> records) {
    Map<String, Integer> built = new LinkedHashMap<>();
    for (JsonNode record : plans(records)) {
      if (record.get("status").asText().equals("built")) {
        built.merge(entry(record), 1, Integer::sum);
      }
    }
    built.values().removeIf(n -> n == 1);
    return built;
  }

  /** Entries with a {@code building} record after a {@code built} one: finished work redone. */
  public static List<String> rebuiltAfterBuilt(List<JsonNode> records) {
    Map<String, Boolean> built = new LinkedHashMap<>();
    List<String> rebuilt = new ArrayList<>();
    for (JsonNode record : plans(records)) {
      String status = record.get("status").asText();
      if (status.equals("building") && built.containsKey(entry(record))) {
        rebuilt.add(entry(record));
      } else if (status.equals("built")) {
        built.put(entry(record), true);
      }
    }
    return rebuilt;
  }

  /** {@code building} records per entry. */
  public static Map<String, Integer> buildingRecords(List<JsonNode> records) {
    Map<String, Integer> building = new LinkedHashMap<>();
    for (JsonNode record : plans(records)) {
      if (record.get("status").asText().equals("building")) {
        building.merge(entry(record), 1, Integer::sum);
      }
    }
    return building;
  }

  /**
   * Where in its life a killed kiln was, from the records it added to the ledger: nothing (JVM
   * start, config, lock, or opening the ledger), only run/session/stage/queued records (replay and
   * a stage's set-up), or build transitions.
   */
  public static String phase(int recordsBefore, List<JsonNode> after) {
    if (after.size() <= recordsBefore) {
      return "start-up (nothing recorded yet)";
    }
    JsonNode last = after.get(after.size() - 1);
    if (!last.path("kind").asText().equals("plan")
        || last.path("status").asText().equals("queued")) {
      return "ledger opened, a stage being set up";
    }
    return last.path("stage").asText() + " builds";
  }

  /** {@code stage ident[ args]}, the ledger's key of an entry. */
  public static String entry(JsonNode record) {
    String args = record.path("args").asText();
    return record.get("stage").asText()
        + " "
        + record.get("ident").asText()
        + (args.isEmpty() ? "" : " " + args);
  }

  private static List<JsonNode> plans(List<JsonNode> records) {
    return records.stream().filter(r -> r.path("kind").asText().equals("plan")).toList();
  }

  private static JsonNode parse(Path file, String line) throws IOException {
    try {
      return JSON.readTree(line);
    } catch (JsonProcessingException e) {
      throw new IOException(file + ": a complete ledger line is not JSON: " + line, e);
    }
  }
}
