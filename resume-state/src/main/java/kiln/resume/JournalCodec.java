package kiln.resume;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32C;

/**
 * One ledger line per record: a JSON object whose last member is {@code "crc"}, the CRC-32C of the
 * line's bytes before {@code ,"crc"}. Each line is plain JSON (jq reads the ledger), and a line cut
 * short or changed is caught by its checksum.
 */
final class JournalCodec {

  private static final JsonFactory JSON = new JsonFactory();
  private static final String CRC_KEY = ",\"crc\":\"";

  private JournalCodec() {}

  /** A record as read back. */
  sealed interface Record {}

  record RunRecord(String runId, long pid) implements Record {}

  record StageRecord(StageWork work) implements Record {}

  /** A transition and when it was recorded: the times of an entry's attempts. */
  record PlanRecord(Transition transition, Instant at) implements Record {}

  /** Artifacts of a stage (by sha256) that passed the check before the next stage uses them. */
  record CheckRecord(StageName stage, List<String> passed) implements Record {}

  /** A stage hook's run started or ended. */
  record HookRecord(HookRun run) implements Record {}

  /** A build host was lost, rejoined or was quarantined. */
  record HostRecord(HostEvent event) implements Record {}

  /** A new kiln session on the run: every host starts it up. */
  record SessionRecord(long pid) implements Record {}

  static String host(long seq, HostEvent event) {
    return line(
        seq,
        event.at(),
        "host",
        g -> {
          g.writeStringField("host", event.host());
          g.writeStringField("status", event.change().id());
          if (event.reason() != null) {
            g.writeStringField("reason", event.reason());
          }
        });
  }

  static String hook(long seq, Instant at, HookRun run) {
    return line(
        seq,
        at,
        "hook",
        g -> {
          g.writeStringField("stage", run.stage().id());
          g.writeStringField("hook", run.hook());
          g.writeStringField("status", run.status().id());
          g.writeStringField("log", run.log().toString());
          if (run.reason() != null) {
            g.writeStringField("reason", run.reason());
          }
        });
  }

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

  static String check(long seq, Instant at, StageName stage, List<String> passed) {
    return line(
        seq,
        at,
        "check",
        g -> {
          g.writeStringField("stage", stage.id());
          g.writeArrayFieldStart("passed");
          for (String sha256 : passed) {
            g.writeString(sha256);
          }
          g.writeEndArray();
        });
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
    if (t.host() != null) {
      g.writeStringField("host", t.host());
    }
    if (!t.phases().isEmpty()) {
      g.writeObjectFieldStart("phases");
      for (Map.Entry<String, Duration> phase : t.phases().entrySet()) {
        g.writeFieldName(phase.getKey());
        g.writeNumber(seconds(phase.getValue()));
      }
      g.writeEndObject();
    }
    if (t.inputs() != null) {
      g.writeObjectFieldStart("inputs");
      g.writeStringField("digest", t.inputs().digest());
      g.writeObjectFieldStart("parts");
      for (Map.Entry<String, String> part : t.inputs().parts().entrySet()) {
        g.writeStringField(part.getKey(), part.getValue());
      }
      g.writeEndObject();
      g.writeEndObject();
    }
  }

  /** Seconds to the millisecond, e.g. {@code 12.345}: what status and the ledger show. */
  static BigDecimal seconds(Duration duration) {
    return BigDecimal.valueOf(duration.toMillis(), 3);
  }

  private static String crcOf(String text) {
    CRC32C crc = new CRC32C();
    crc.update(text.getBytes(StandardCharsets.UTF_8));
    return String.format("%08x", crc.getValue());
  }
}
