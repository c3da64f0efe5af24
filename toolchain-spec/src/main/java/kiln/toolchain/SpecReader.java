package kiln.toolchain;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * Reads a spec file into a {@link ToolchainSpec}. Jackson gives the YAML tree; this class walks it
 * by hand rather than binding it, because binding stops at the first bad field and a maintainer
 * wants every problem of the file in one go, each named by its key path ({@code files[2].to}).
 */
final class SpecReader {

  private static final ObjectMapper YAML =
      new ObjectMapper(new YAMLFactory()).enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

  private final Path specFile;
  private final Path folder;
  private final List<String> problems = new ArrayList<>();
  private final Map<String, String> destinations = new HashMap<>();
  private final Map<String, String> written = new HashMap<>();

  SpecReader(Path specFile) {
    this.specFile = specFile;
    this.folder = specFile.toAbsolutePath().getParent();
  }

  /**
   * What a spec file says.
   *
   * @param spec the spec; when there are problems, only its usable parts (items with problems of
   *     their own left out, placeholders for a bad name or preset), for the file-system checks
   * @param keys the YAML key of each item in the spec's lists
   * @param problems every format problem, each naming its key
   */
  record Reading(ToolchainSpec spec, TreePlan.Keys keys, List<String> problems) {}

  /**
   * Reads the whole file; throws only when it is not a YAML mapping at all.
   *
   * @throws SpecException when the file cannot be read, is not YAML, or is not a mapping
   */
  Reading read() throws SpecException {
    JsonNode root = parse();
    if (!root.isObject()) {
      throw new SpecException(
          specFile, List.of("the spec must be a mapping of keys (name, files, ...)"));
    }
    unknownKeys(root, "", Set.of("name", "base", "files", "scripts", "links", "xz"));
    String name = text(root, "", "name", true);
    if (name != null && !TarballName.isValidName(name)) {
      problem("name", name, "must be letters, digits, '.', '_' or '-'");
      name = null;
    }
    Optional<Path> base = Optional.ofNullable(text(root, "", "base", false)).map(this::base);
    List<String> fileKeys = new ArrayList<>();
    List<String> scriptKeys = new ArrayList<>();
    List<String> linkKeys = new ArrayList<>();
    List<ToolchainSpec.CopiedFile> files = list(root, "files", this::file, fileKeys);
    List<ToolchainSpec.Script> scripts = list(root, "scripts", this::script, scriptKeys);
    List<ToolchainSpec.Link> links = list(root, "links", this::link, linkKeys);
    int preset = xzPreset(root.get("xz"));
    ToolchainSpec spec =
        new ToolchainSpec(name == null ? "unnamed" : name, base, files, scripts, links, preset);
    return new Reading(spec, new TreePlan.Keys(fileKeys, scriptKeys, linkKeys), problems);
  }

  private JsonNode parse() throws SpecException {
    try {
      JsonNode root = YAML.readTree(specFile.toFile());
      numbersAsWritten();
      return root == null ? YAML.createObjectNode() : root;
    } catch (JsonProcessingException e) {
      throw new SpecException(
          specFile, List.of("not valid YAML: " + e.getOriginalMessage() + location(e)), e);
    } catch (IOException e) {
      throw new SpecException(specFile, List.of("cannot read it: " + TarballInput.describe(e)), e);
    }
  }

  /**
   * The text of every unquoted number as the file has it, by JSON pointer: YAML reads {@code mode:
   * 0755} as the octal number 493, but the maintainer wrote 0755 and means it.
   */
  private void numbersAsWritten() throws IOException {
    try (JsonParser parser = YAML.getFactory().createParser(specFile.toFile())) {
      for (JsonToken token; (token = parser.nextToken()) != null; ) {
        if (token.isNumeric()) {
          written.put(parser.getParsingContext().pathAsPointer().toString(), parser.getText());
        }
      }
    }
  }

  private static String location(JsonProcessingException e) {
    return e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ")";
  }

  private Path base(String value) {
    Path base = folder.resolve(value).normalize();
    if (!Files.isDirectory(base)) {
      problem("base", value, "is not a directory (" + base + ")");
      return null;
    }
    return base;
  }

  private ToolchainSpec.CopiedFile file(JsonNode node, String key) {
    unknownKeys(node, key, Set.of("from", "to", "mode"));
    String from = text(node, key, "from", true);
    Path source = null;
    if (from != null) {
      source = folder.resolve(from).normalize();
      if (!Files.exists(source)) {
        problem(key + ".from", from, "does not exist (" + source + ")");
        source = null;
      } else if (!Files.isRegularFile(source)) {
        problem(key + ".from", from, "is not a regular file (" + source + ")");
        source = null;
      }
    }
    String to = destination(node, key);
    OptionalInt mode = mode(node, key);
    return source == null || to == null ? null : new ToolchainSpec.CopiedFile(source, to, mode);
  }

  private ToolchainSpec.Script script(JsonNode node, String key) {
    unknownKeys(node, key, Set.of("to", "mode", "content"));
    String to = destination(node, key);
    OptionalInt mode = mode(node, key);
    String content = text(node, key, "content", true);
    return to == null || content == null
        ? null
        : new ToolchainSpec.Script(to, mode.orElse(0644), content);
  }

  private ToolchainSpec.Link link(JsonNode node, String key) {
    unknownKeys(node, key, Set.of("to", "target"));
    String to = destination(node, key);
    String target = text(node, key, "target", true);
    if (to != null && target != null) {
      ArchiveRoot.TOOLS
          .problemWithSymlinkTarget("tools/" + to, target)
          .ifPresent(
              p ->
                  problem(
                      key + ".target",
                      target,
                      "leads outside tools/ (use a path relative to the link that stays inside, or one under /tools/)"));
    }
    return to == null || target == null ? null : new ToolchainSpec.Link(to, target);
  }

  private String destination(JsonNode node, String key) {
    String to = text(node, key, "to", true);
    if (to == null) {
      return null;
    }
    String clean = ArchiveRoot.stripTrailingSlash(to);
    Optional<String> bad = ArchiveRoot.TOOLS.problemWithEntry("tools/" + clean);
    if (bad.isPresent() || clean.isEmpty()) {
      problem(key + ".to", to, "must be a clean path relative to tools/, like bin/busybox");
      return null;
    }
    String earlier = destinations.putIfAbsent(clean, key + ".to");
    if (earlier != null) {
      problem(key + ".to", to, "is also the destination of " + earlier);
      return null; // reported here; the file-system checks would report it again
    }
    return clean;
  }

  private OptionalInt mode(JsonNode node, String key) {
    JsonNode value = node.get("mode");
    if (value == null || value.isNull()) {
      return OptionalInt.empty();
    }
    // Quoted ("0755") or not (0755, which YAML reads as 493): the digits as written, in octal.
    String text = asWritten(value, key + ".mode");
    if (!(value.isTextual() || value.isIntegralNumber()) || !text.matches("0?[0-7]{3,4}")) {
      problem(key + ".mode", text, "must be an octal mode like \"0755\"");
      return OptionalInt.empty();
    }
    return OptionalInt.of(Integer.parseInt(text, 8));
  }

  private int xzPreset(JsonNode xz) {
    if (xz == null || xz.isNull()) {
      return 9;
    }
    if (!xz.isObject()) {
      problem("xz", xz.toString(), "must be a mapping like { preset: 9 }");
      return 9;
    }
    unknownKeys(xz, "xz", Set.of("preset"));
    JsonNode preset = xz.get("preset");
    if (preset == null) {
      return 9;
    }
    String text = asWritten(preset, "xz.preset");
    if (!(preset.isTextual() || preset.isIntegralNumber()) || !text.matches("[0-9]")) {
      problem("xz.preset", text, "must be a whole number from 0 to 9");
      return 9;
    }
    return Integer.parseInt(text);
  }

  /** A scalar as the file has it, e.g. {@code 0755} rather than the 493 YAML makes of it. */
  private String asWritten(JsonNode value, String key) {
    if (value.isNumber()) {
      String pointer = "/" + key.replace('.', '/').replace("[", "/").replace("]", "");
      return written.getOrDefault(pointer, value.asText());
    }
    return value.isValueNode() ? value.asText() : value.toString();
  }

  private <T> List<T> list(
      JsonNode root, String key, BiFunction<JsonNode, String, T> reader, List<String> keys) {
    JsonNode node = root.get(key);
    List<T> items = new ArrayList<>();
    if (node == null || node.isNull()) {
      return items;
    }
    if (!node.isArray()) {
      problem(key, node.toString(), "must be a list");
      return items;
    }
    for (int i = 0; i < node.size(); i++) {
      String itemKey = key + "[" + i + "]";
      if (!node.get(i).isObject()) {
        problem(itemKey, node.get(i).toString(), "must be a mapping of keys");
        continue;
      }
      T item = reader.apply(node.get(i), itemKey);
      if (item != null) {
        items.add(item);
        keys.add(itemKey);
      }
    }
    return items;
  }

  private String text(JsonNode node, String parent, String key, boolean required) {
    JsonNode value = node.get(key);
    String path = parent.isEmpty() ? key : parent + "." + key;
    if (value == null || value.isNull()) {
      if (required) {
        problems.add(path + ": missing (required)");
      }
      return null;
    }
    if (!value.isValueNode() || value.asText().isEmpty()) {
      problem(path, value.toString(), "must be a non-empty text");
      return null;
    }
    return value.asText();
  }

  private void unknownKeys(JsonNode node, String parent, Set<String> known) {
    for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!known.contains(name)) {
        String path = parent.isEmpty() ? name : parent + "." + name;
        problems.add(
            path
                + ": unknown key (known here: "
                + String.join(", ", known.stream().sorted().toList())
                + ")");
      }
    }
  }

  private void problem(String key, String value, String what) {
    problems.add(key + ": '" + value + "' " + what);
  }
}
