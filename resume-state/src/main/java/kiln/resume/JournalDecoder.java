package kiln.resume;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.zip.CRC32C;

/**
 * Reads ledger lines straight from the file's bytes: the checksum over the bytes, then one pass of
 * a streaming parser. Resuming a world means reading tens of thousands of records before the first
 * build may start, so this path avoids building JSON trees, formatting checksums and parsing the
 * same entry key again for each of its records. Only jackson-core is used: setting up an
 * ObjectMapper costs a resume about a quarter of a second of class loading.
 */
final class JournalDecoder {

  private static final JsonFactory JSON = new JsonFactory();
  private static final byte[] CRC_KEY = ",\"crc\":\"".getBytes(StandardCharsets.US_ASCII);
  private static final int SUFFIX = CRC_KEY.length + 8 + 2;

  private final Map<String, EntryKey> keys = new HashMap<>();

  /** A record and its sequence number. */
  record Decoded(long seq, JournalCodec.Record record) {}

  /** An entry of a stage record as written: deps are indexes of earlier entries. */
  private record RawEntry(String ident, String args, String plan, List<Integer> deps) {}

  /** The fields of one line, as text or numbers. */
  private static final class Fields {
    long seq;
    long pid;
    long size;
    long mtime;
    boolean ordered;
    String kind;
    String at;
    String run;
    String stage;
    String ident;
    String args = "";
    String status;
    String artifact;
    String sha256;
    String log;
    String reason;
    String cause;
    String hook;
    String host;
    List<RawEntry> entries;
    List<String> passed;
    Map<String, Duration> phases = Map.of();
    BuildInputs inputs;
  }

  /**
   * Reads the line in {@code bytes[start, end)} (without its newline).
   *
   * @throws IllegalArgumentException when the line is cut short, its checksum does not match, or it
   *     is not a record kiln writes
   */
  Decoded decode(byte[] bytes, int start, int end) {
    int crcAt = end - SUFFIX;
    if (crcAt <= start
        || !hasCrcKey(bytes, crcAt)
        || bytes[end - 2] != '"'
        || bytes[end - 1] != '}') {
      throw new IllegalArgumentException("no checksum: the record is cut short or not kiln's");
    }
    CRC32C crc = new CRC32C();
    crc.update(bytes, start, crcAt - start);
    if (crc.getValue() != hex(bytes, crcAt + CRC_KEY.length)) {
      throw new IllegalArgumentException("checksum mismatch");
    }
    Fields f = fields(bytes, start, end - start);
    return new Decoded(f.seq, record(f));
  }

  private static Fields fields(byte[] bytes, int start, int length) {
    Fields f = new Fields();
    try (JsonParser p = JSON.createParser(bytes, start, length)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        throw new IllegalArgumentException("not a JSON object");
      }
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String name = p.currentName();
        p.nextToken();
        switch (name) {
          case "seq" -> f.seq = p.getLongValue();
          case "pid" -> f.pid = p.getLongValue();
          case "size" -> f.size = p.getLongValue();
          case "mtime" -> f.mtime = p.getLongValue();
          case "ordered" -> f.ordered = p.getBooleanValue();
          case "kind" -> f.kind = p.getText();
          case "at" -> f.at = p.getText();
          case "run" -> f.run = p.getText();
          case "stage" -> f.stage = p.getText();
          case "ident" -> f.ident = p.getText();
          case "args" -> f.args = p.getText();
          case "status" -> f.status = p.getText();
          case "artifact" -> f.artifact = p.getText();
          case "sha256" -> f.sha256 = p.getText();
          case "log" -> f.log = p.getText();
          case "reason" -> f.reason = p.getText();
          case "cause" -> f.cause = p.getText();
          case "hook" -> f.hook = p.getText();
          case "host" -> f.host = textOrSkip(p);
          case "entries" -> f.entries = entries(p);
          case "passed" -> f.passed = strings(p);
          case "phases" -> f.phases = phases(p);
          case "inputs" -> f.inputs = inputs(p);
          default -> p.skipChildren();
        }
      }
    } catch (IOException e) {
      throw new IllegalArgumentException("not JSON: " + e.getMessage(), e);
    }
    return f;
  }

  /** A string member's text; a member of another shape (a later kiln's) is passed over. */
  private static String textOrSkip(JsonParser p) throws IOException {
    if (p.currentToken() == JsonToken.VALUE_STRING) {
      return p.getText();
    }
    p.skipChildren();
    return null;
  }

  /** An array of strings, the parser on its START_ARRAY. */
  private static List<String> strings(JsonParser p) throws IOException {
    if (p.currentToken() != JsonToken.START_ARRAY) {
      throw new IllegalArgumentException("a check record whose 'passed' is not an array");
    }
    List<String> strings = new ArrayList<>();
    while (p.nextToken() == JsonToken.VALUE_STRING) {
      strings.add(p.getText());
    }
    return strings;
  }

  /** Phase name to seconds, the parser on its START_OBJECT; in the order written. */
  private static Map<String, Duration> phases(JsonParser p) throws IOException {
    if (p.currentToken() != JsonToken.START_OBJECT) {
      throw new IllegalArgumentException("a plan record whose 'phases' is not an object");
    }
    Map<String, Duration> phases = new LinkedHashMap<>();
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String name = p.currentName();
      if (!p.nextToken().isNumeric()) {
        throw new IllegalArgumentException("phase '" + name + "' is not a number of seconds");
      }
      phases.put(name, Duration.ofNanos(p.getDecimalValue().movePointRight(9).longValue()));
    }
    return phases;
  }

  /**
   * A build's inputs, the parser on its START_OBJECT: {@code digest} and {@code parts}; members
   * this kiln does not know are passed over, and inputs without a digest are taken as none
   * recorded.
   */
  private static BuildInputs inputs(JsonParser p) throws IOException {
    if (p.currentToken() != JsonToken.START_OBJECT) {
      p.skipChildren();
      return null;
    }
    String digest = null;
    Map<String, String> parts = new LinkedHashMap<>();
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String name = p.currentName();
      JsonToken value = p.nextToken();
      if (name.equals("digest") && value == JsonToken.VALUE_STRING) {
        digest = p.getText();
      } else if (name.equals("parts") && value == JsonToken.START_OBJECT) {
        while (p.nextToken() == JsonToken.FIELD_NAME) {
          String part = p.currentName();
          if (p.nextToken() == JsonToken.VALUE_STRING) {
            parts.put(part, p.getText());
          } else {
            p.skipChildren();
          }
        }
      } else {
        p.skipChildren();
      }
    }
    return digest == null ? null : new BuildInputs(digest, new java.util.TreeMap<>(parts));
  }

  /** The entries array, the parser on its START_ARRAY; unknown fields are skipped. */
  private static List<RawEntry> entries(JsonParser p) throws IOException {
    if (p.currentToken() != JsonToken.START_ARRAY) {
      throw new IllegalArgumentException("a stage record whose entries are not an array");
    }
    List<RawEntry> entries = new ArrayList<>();
    while (p.nextToken() == JsonToken.START_OBJECT) {
      entries.add(entry(p));
    }
    return entries;
  }

  private static RawEntry entry(JsonParser p) throws IOException {
    String ident = "";
    String args = "";
    String plan = "";
    List<Integer> deps = new ArrayList<>();
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String name = p.currentName();
      JsonToken value = p.nextToken();
      switch (name) {
        case "ident" -> ident = p.getText();
        case "args" -> args = p.getText();
        case "plan" -> plan = p.getText();
        case "deps" -> {
          if (value != JsonToken.START_ARRAY) {
            throw new IllegalArgumentException("deps of " + ident + " are not an array");
          }
          while (p.nextToken() == JsonToken.VALUE_NUMBER_INT) {
            deps.add(p.getIntValue());
          }
        }
        default -> p.skipChildren();
      }
    }
    return new RawEntry(ident, args, plan, deps);
  }

  private JournalCodec.Record record(Fields f) {
    if (f.kind == null) {
      throw new IllegalArgumentException("no kind");
    }
    return switch (f.kind) {
      case "run" -> new JournalCodec.RunRecord(required(f.run, "run"), f.pid);
      case "session" -> new JournalCodec.SessionRecord(f.pid);
      case "stage" -> new JournalCodec.StageRecord(stage(f));
      case "plan" -> new JournalCodec.PlanRecord(transition(f), instant(required(f.at, "at")));
      case "check" ->
          new JournalCodec.CheckRecord(
              StageName.parse(required(f.stage, "stage")),
              f.passed == null ? List.of() : List.copyOf(f.passed));
      case "hook" ->
          new JournalCodec.HookRecord(
              new HookRun(
                  StageName.parse(required(f.stage, "stage")),
                  required(f.hook, "hook"),
                  HookStatus.parse(required(f.status, "status")),
                  Path.of(required(f.log, "log")),
                  f.reason));
      case "host" ->
          new JournalCodec.HostRecord(
              new HostEvent(
                  required(f.host, "host"),
                  HostEvent.Change.parse(required(f.status, "status")),
                  f.reason,
                  instant(required(f.at, "at"))));
      default -> throw new IllegalArgumentException("unknown kind '" + f.kind + "'");
    };
  }

  private Transition transition(Fields f) {
    Artifact artifact =
        f.artifact == null ? null : new Artifact(Path.of(f.artifact), f.sha256, f.size, f.mtime);
    return new Transition(
        StageName.parse(required(f.stage, "stage")),
        key(required(f.ident, "ident"), f.args),
        EntryStatus.parse(required(f.status, "status")),
        artifact,
        f.log == null ? null : Path.of(f.log),
        f.reason,
        f.cause == null ? null : keys.computeIfAbsent(f.cause, EntryKey::parse),
        f.phases,
        artifact == null ? null : f.inputs,
        f.host);
  }

  /**
   * Reads {@code at} as {@link Instant#toString} writes it ({@code 2026-11-21T13:04:10.2Z}),
   * without a formatter on the common path: a resume reads one per record.
   */
  static Instant instant(String text) {
    int n = text.length();
    if (n < 20
        || text.charAt(n - 1) != 'Z'
        || text.charAt(10) != 'T'
        || text.charAt(19) != (n == 20 ? 'Z' : '.')) {
      return slowly(text);
    }
    try {
      long day =
          LocalDate.of(digits(text, 0, 4), digits(text, 5, 7), digits(text, 8, 10)).toEpochDay();
      long second =
          day * 86_400
              + digits(text, 11, 13) * 3_600L
              + digits(text, 14, 16) * 60L
              + digits(text, 17, 19);
      int nanos = 0;
      if (n > 20) {
        String fraction = text.substring(20, n - 1);
        if (fraction.isEmpty() || fraction.length() > 9) {
          return slowly(text);
        }
        nanos = digits(fraction, 0, fraction.length());
        for (int i = fraction.length(); i < 9; i++) {
          nanos *= 10;
        }
      }
      return Instant.ofEpochSecond(second, nanos);
    } catch (RuntimeException e) {
      return slowly(text); // says what is wrong with it, or reads a form the fast path skips
    }
  }

  private static Instant slowly(String text) {
    try {
      return Instant.parse(text);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("'at' is not an ISO-8601 UTC time: " + text, e);
    }
  }

  /** The decimal digits {@code text[from, to)} as a number. */
  private static int digits(String text, int from, int to) {
    int value = 0;
    for (int i = from; i < to; i++) {
      int digit = text.charAt(i) - '0';
      if (digit < 0 || digit > 9) {
        throw new NumberFormatException("not a digit in " + text);
      }
      value = value * 10 + digit;
    }
    return value;
  }

  private StageWork stage(Fields f) {
    if (f.entries == null) {
      throw new IllegalArgumentException("a stage record without entries");
    }
    List<StageEntry> entries = new ArrayList<>(f.entries.size());
    for (RawEntry e : f.entries) {
      TreeSet<EntryKey> deps = new TreeSet<>();
      for (int d : e.deps()) {
        if (d < 0 || d >= entries.size()) {
          throw new IllegalArgumentException(
              e.ident() + " depends on entry " + d + ", not before it");
        }
        deps.add(entries.get(d).key());
      }
      entries.add(new StageEntry(key(e.ident(), e.args()), e.plan(), deps));
    }
    return new StageWork(StageName.parse(required(f.stage, "stage")), entries, f.ordered);
  }

  private EntryKey key(String ident, String args) {
    String text = args.isEmpty() ? ident : ident + " " + args;
    return keys.computeIfAbsent(text, EntryKey::parse);
  }

  private static String required(String value, String field) {
    if (value == null) {
      throw new IllegalArgumentException("no field '" + field + "'");
    }
    return value;
  }

  private static boolean hasCrcKey(byte[] bytes, int at) {
    for (int i = 0; i < CRC_KEY.length; i++) {
      if (bytes[at + i] != CRC_KEY[i]) {
        return false;
      }
    }
    return true;
  }

  /** Eight lowercase hex digits as a number; -1 when they are not. */
  private static long hex(byte[] bytes, int at) {
    long value = 0;
    for (int i = at; i < at + 8; i++) {
      int digit = Character.digit(bytes[i], 16);
      if (digit < 0) {
        return -1;
      }
      value = value << 4 | digit;
    }
    return value;
  }
}
