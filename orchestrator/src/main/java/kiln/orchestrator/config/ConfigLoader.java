package kiln.orchestrator.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.util.TokenBuffer;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import kiln.world.IoFailures;

/**
 * Reads {@code kiln.yaml}: each top-level key with the line it is on, then {@link ConfigChecks}
 * checks them all, so one run reports every problem.
 */
public final class ConfigLoader {

  /** The keys kiln.yaml may have, in the order the docs list them. */
  public static final List<String> KEYS =
      List.of(
          "origin",
          "target",
          "plans",
          "base-plans",
          "toolchain",
          "tools-tarball",
          "studio",
          "backline",
          "keys",
          "check",
          "compare",
          "jobs",
          "timeout",
          "silence-timeout",
          "network",
          "sources",
          "work",
          "hooks",
          "publish");

  private static final YAMLMapper YAML = new YAMLMapper();

  private ConfigLoader() {}

  /**
   * A key's value and the line it was on.
   *
   * @param keyLines for a mapping value: the line of each of its keys (the first of a name), so a
   *     problem with one of them can say where it is
   */
  record Located(JsonNode value, int line, Map<String, Integer> keyLines) {}

  /**
   * Reads and checks a config file.
   *
   * @throws ConfigException listing every problem, each with its line, key and value
   */
  public static KilnConfig load(Path file) throws ConfigException {
    Path absolute = file.toAbsolutePath().normalize();
    if (!Files.isRegularFile(absolute)) {
      throw new ConfigException(absolute, List.of("no such file"));
    }
    List<String> duplicates = new ArrayList<>();
    Map<String, Located> keys = read(absolute, duplicates);
    return new ConfigChecks(absolute, keys, duplicates).config();
  }

  /**
   * The top-level keys, the first of each name kept; a key given again is added to {@code
   * duplicates} so that it is reported with every other problem instead of alone.
   */
  private static Map<String, Located> read(Path file, List<String> duplicates)
      throws ConfigException {
    Map<String, Located> keys = new LinkedHashMap<>();
    try (JsonParser parser = YAML.getFactory().createParser(file.toFile())) {
      JsonToken first = parser.nextToken();
      if (first == null) {
        return keys; // empty file: the checks say what is missing
      }
      if (first != JsonToken.START_OBJECT) {
        throw new ConfigException(file, List.of("line 1: the file must be a mapping of keys"));
      }
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String key = parser.currentName();
        int line = parser.currentLocation().getLineNr();
        parser.nextToken();
        Located earlier = keys.putIfAbsent(key, located(parser, key, line, duplicates));
        if (earlier != null) {
          duplicates.add(
              "line " + line + ": key '" + key + "' twice (first on line " + earlier.line() + ")");
        }
      }
    } catch (JsonProcessingException e) {
      int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
      throw new ConfigException(
          file, List.of("line " + line + ": not valid YAML: " + e.getOriginalMessage()), e);
    } catch (IOException e) {
      throw new ConfigException(file, List.of("cannot read it: " + IoFailures.reason(e)), e);
    }
    return keys;
  }

  /**
   * The value the parser is on. A mapping is copied through once, noting the line of each of its
   * keys (the tree Jackson builds keeps none) and adding a key given twice to {@code duplicates}.
   */
  private static Located located(JsonParser parser, String key, int line, List<String> duplicates)
      throws IOException {
    if (parser.currentToken() != JsonToken.START_OBJECT) {
      return new Located(YAML.readTree(parser), line, Map.of());
    }
    Map<String, Integer> lines = new LinkedHashMap<>();
    TokenBuffer copy = new TokenBuffer(parser);
    int depth = 0;
    do {
      JsonToken token = parser.currentToken();
      if (token == JsonToken.FIELD_NAME && depth == 1) {
        int at = parser.currentLocation().getLineNr();
        Integer first = lines.putIfAbsent(parser.currentName(), at);
        if (first != null) {
          duplicates.add(
              "line "
                  + at
                  + ": key '"
                  + key
                  + "."
                  + parser.currentName()
                  + "' twice (first on line "
                  + first
                  + ")");
        }
      }
      depth += token.isStructStart() ? 1 : token.isStructEnd() ? -1 : 0;
      copy.copyCurrentEvent(parser);
    } while (depth > 0 && parser.nextToken() != null);
    return new Located(YAML.readTree(copy.asParser()), line, lines);
  }
}
