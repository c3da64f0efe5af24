package kiln.orchestrator.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
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
          "hosts",
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
   * @param lines the line of each mapping inside the value (a list of mappings such as {@code
   *     hosts}), by identity: messages about an item name its own line
   */
  record Located(
      JsonNode value, int line, Map<String, Integer> keyLines, Map<JsonNode, Integer> lines) {
    Located(JsonNode value, int line) {
      this(value, line, Map.of(), Map.of());
    }

    /** The line {@code item} (a mapping inside the value) starts on, else the key's. */
    int lineOf(JsonNode item) {
      return lines.getOrDefault(item, line);
    }
  }

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
   * The value the parser is on. For a mapping, the line of each of its keys is noted (the tree
   * Jackson builds keeps none) and a key given twice is added to {@code duplicates}; the line of
   * every mapping inside it is noted too.
   */
  private static Located located(JsonParser parser, String key, int line, List<String> duplicates)
      throws IOException {
    Map<JsonNode, Integer> lines = new java.util.IdentityHashMap<>();
    if (parser.currentToken() != JsonToken.START_OBJECT) {
      return new Located(readLocated(parser, lines), line, Map.of(), lines);
    }
    Map<String, Integer> keyLines = new LinkedHashMap<>();
    com.fasterxml.jackson.databind.node.ObjectNode mapping = YAML.createObjectNode();
    lines.put(mapping, parser.currentTokenLocation().getLineNr());
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String name = parser.currentName();
      int at = parser.currentLocation().getLineNr();
      Integer first = keyLines.putIfAbsent(name, at);
      if (first != null) {
        duplicates.add(
            "line " + at + ": key '" + key + "." + name + "' twice (first on line " + first + ")");
      }
      parser.nextToken();
      mapping.set(name, readLocated(parser, lines));
    }
    return new Located(mapping, line, keyLines, lines);
  }

  /** The value the parser is on, noting the line each mapping in it starts on. */
  private static JsonNode readLocated(JsonParser parser, Map<JsonNode, Integer> lines)
      throws IOException {
    int line = parser.currentTokenLocation().getLineNr();
    if (parser.currentToken() == JsonToken.START_OBJECT) {
      com.fasterxml.jackson.databind.node.ObjectNode mapping = YAML.createObjectNode();
      lines.put(mapping, line);
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String name = parser.currentName();
        parser.nextToken();
        mapping.set(name, readLocated(parser, lines));
      }
      return mapping;
    }
    if (parser.currentToken() == JsonToken.START_ARRAY) {
      com.fasterxml.jackson.databind.node.ArrayNode list = YAML.createArrayNode();
      while (parser.nextToken() != JsonToken.END_ARRAY) {
        list.add(readLocated(parser, lines));
      }
      return list;
    }
    return YAML.readTree(parser);
  }
}
