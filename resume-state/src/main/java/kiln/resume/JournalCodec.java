package kiln.resume;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.zip.CRC32C;

/**
 * One ledger line per record: a JSON object whose last member is {@code "crc"}, the CRC-32C of the
 * line's bytes before {@code ,"crc"}. Each line is plain JSON (jq reads the ledger), and a line cut
 * short or changed is caught by its checksum.
 */
final class JournalCodec {

  private static final JsonFactory JSON = new JsonFactory();
  private static final ObjectMapper MAPPER = new ObjectMapper(JSON);
  private static final String CRC_KEY = ",\"crc\":\"";
  private static final int SUFFIX = CRC_KEY.length() + 8 + 2;

  private JournalCodec() {}

  /** A record as read back. */
  sealed interface Record {}

  record RunRecord(String runId, long pid) implements Record {}

  record SessionRecord(long pid) implements Record {}

  record StageRecord(StageWork work) implements Record {}

  record PlanRecord(Transition transition) implements Record {}

  static String run(long seq, Instant at, String runId, long pid) {
    return line(
        seq,
        at,
        "run",
        g -> {
          g.writeStringField("run", runId);
          g.writeNumberField("pid", pid);
        });
  }

  static String session(long seq, Instant at, long pid) {
    return line(seq, at, "session", g -> g.writeNumberField("pid", pid));
  }

  static String stage(long seq, Instant at, StageWork work) {
    return line(seq, at, "stage", g -> writeStage(g, work));
  }

  static String plan(long seq, Instant at, Transition t) {
    return line(seq, at, "plan", g -> writePlan(g, t));
  }

  private interface Body {
    void write(JsonGenerator g) throws IOException;
  }

  private static String line(long seq, Instant at, String kind, Body body) {
    StringWriter out = new StringWriter(160);
    try (JsonGenerator g = JSON.createGenerator(out)) {
      g.writeStartObject();
      g.writeNumberField("seq", seq);
      g.writeStringField("at", at.toString());
      g.writeStringField("kind", kind);
      body.write(g);
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException("writing to a string cannot fail", e);
    }
    String json = out.toString();
    String head = json.substring(0, json.length() - 1);
    return head + CRC_KEY + crcOf(head) + "\"}\n";
  }

  private static void writeStage(JsonGenerator g, StageWork work) throws IOException {
    g.writeStringField("stage", work.stage().id());
    g.writeBooleanField("ordered", work.ordered());
    Map<EntryKey, Integer> index = new HashMap<>();
    g.writeArrayFieldStart("entries");
    for (StageEntry entry : work.entries()) {
      index.put(entry.key(), index.size());
      g.writeStartObject();
      g.writeStringField("ident", entry.key().ident().toString());
      g.writeStringField("args", entry.key().argsText());
      g.writeStringField("plan", entry.plan());
      g.writeArrayFieldStart("deps");
      for (EntryKey dep : entry.deps()) {
        g.writeNumber(index.get(dep));
      }
      g.writeEndArray();
      g.writeEndObject();
    }
    g.writeEndArray();
  }

  private static void writePlan(JsonGenerator g, Transition t) throws IOException {
    g.writeStringField("stage", t.stage().id());
    g.writeStringField("ident", t.key().ident().toString());
    g.writeStringField("args", t.key().argsText());
    g.writeStringField("status", t.status().id());
    if (t.artifact() != null) {
      g.writeStringField("artifact", t.artifact().path().toString());
      g.writeStringField("sha256", t.artifact().sha256());
      g.writeNumberField("size", t.artifact().size());
      g.writeNumberField("mtime", t.artifact().modifiedMillis());
    }
    if (t.log() != null) {
      g.writeStringField("log", t.log().toString());
    }
    if (t.reason() != null) {
      g.writeStringField("reason", t.reason());
    }
    if (t.cause() != null) {
      g.writeStringField("cause", t.cause().toString());
    }
  }

  /**
   * Reads one line (without its newline).
   *
   * @throws IllegalArgumentException when the line is cut short, its checksum does not match, or it
   *     is not a record kiln writes
   */
  static Record read(String line) {
    int crcAt = line.length() - SUFFIX;
    if (crcAt < 1 || !line.startsWith(CRC_KEY, crcAt) || !line.endsWith("\"}")) {
      throw new IllegalArgumentException("no checksum: the record is cut short or not kiln's");
    }
    String head = line.substring(0, crcAt);
    if (!crcOf(head).equals(line.substring(crcAt + CRC_KEY.length(), line.length() - 2))) {
      throw new IllegalArgumentException("checksum mismatch");
    }
    JsonNode node;
    try {
      node = MAPPER.readTree(line);
    } catch (IOException e) {
      throw new IllegalArgumentException("not JSON: " + e.getMessage());
    }
    return switch (node.path("kind").asText()) {
      case "run" -> new RunRecord(text(node, "run"), node.path("pid").asLong());
      case "session" -> new SessionRecord(node.path("pid").asLong());
      case "stage" -> new StageRecord(readStage(node));
      case "plan" -> new PlanRecord(readPlan(node));
      default -> throw new IllegalArgumentException("unknown kind " + node.path("kind"));
    };
  }

  /** The sequence number of a line {@link #read} accepted. */
  static long seqOf(String line) {
    try {
      return MAPPER.readTree(line).path("seq").asLong();
    } catch (IOException e) {
      throw new IllegalArgumentException("not JSON: " + e.getMessage());
    }
  }

  private static StageWork readStage(JsonNode node) {
    List<StageEntry> entries = new ArrayList<>();
    for (JsonNode e : node.path("entries")) {
      TreeSet<EntryKey> deps = new TreeSet<>();
      e.path("deps").forEach(d -> deps.add(entries.get(d.asInt()).key()));
      entries.add(new StageEntry(key(e), text(e, "plan"), deps));
    }
    return new StageWork(stage(node), entries, node.path("ordered").asBoolean());
  }

  private static Transition readPlan(JsonNode node) {
    Artifact artifact =
        node.has("artifact")
            ? new Artifact(
                Path.of(text(node, "artifact")),
                text(node, "sha256"),
                node.path("size").asLong(),
                node.path("mtime").asLong())
            : null;
    return new Transition(
        stage(node),
        key(node),
        EntryStatus.parse(text(node, "status")),
        artifact,
        node.has("log") ? Path.of(text(node, "log")) : null,
        node.has("reason") ? text(node, "reason") : null,
        node.has("cause") ? EntryKey.parse(text(node, "cause")) : null);
  }

  private static StageName stage(JsonNode node) {
    return StageName.parse(text(node, "stage"));
  }

  private static EntryKey key(JsonNode node) {
    String args = node.path("args").asText("");
    return EntryKey.parse(args.isEmpty() ? text(node, "ident") : text(node, "ident") + " " + args);
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    if (value == null || !value.isTextual()) {
      throw new IllegalArgumentException("no text field '" + field + "'");
    }
    return value.asText();
  }

  private static String crcOf(String text) {
    CRC32C crc = new CRC32C();
    crc.update(text.getBytes(StandardCharsets.UTF_8));
    return String.format("%08x", crc.getValue());
  }
}
