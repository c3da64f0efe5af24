package kiln.stages.publish;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import kiln.stages.artifact.KeyName;
import kiln.world.PackageIdent;

/**
 * The index's JSON: written member by member in a fixed order, so the same repository always gives
 * the same bytes; read back checking each member, naming it ({@code packages[3].sha256}).
 */
final class IndexJson {

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private IndexJson() {}

  static byte[] write(RepositoryIndex index) {
    ObjectNode root = JSON.createObjectNode();
    root.put("format", RepositoryIndex.FORMAT);
    root.put("release", index.release());
    ArrayNode packages = root.putArray("packages");
    for (IndexEntry entry : index.packages()) {
      packages.add(entry(entry));
    }
    ArrayNode keys = root.putArray("keys");
    index.keys().forEach(k -> keys.add(k.toString()));
    try {
      return (JSON.writeValueAsString(root) + "\n").getBytes(StandardCharsets.UTF_8);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write the index", e);
    }
  }

  /** One package as a JSON object, as the index and the server's lookups show it. */
  static ObjectNode entry(IndexEntry entry) {
    ObjectNode node = JSON.createObjectNode();
    node.put("ident", entry.ident().toString());
    node.put("target", entry.target());
    node.put("file", entry.file());
    node.put("size", entry.size());
    node.put("sha256", entry.sha256());
    node.put("blake2b", entry.blake2b());
    node.put("signer", entry.signer().toString());
    ArrayNode deps = node.putArray("deps");
    entry.deps().forEach(d -> deps.add(d.toString()));
    ArrayNode tdeps = node.putArray("tdeps");
    entry.tdeps().forEach(d -> tdeps.add(d.toString()));
    return node;
  }

  static String text(JsonNode node) {
    try {
      return JSON.writeValueAsString(node) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write JSON", e);
    }
  }

  /**
   * Reads an index.
   *
   * @throws IllegalArgumentException naming the member that is missing or wrong
   */
  static RepositoryIndex read(String text) {
    JsonNode root;
    try {
      root = JSON.readTree(text);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("not JSON: " + e.getOriginalMessage(), e);
    }
    if (root == null || !RepositoryIndex.FORMAT.equals(root.path("format").asText())) {
      throw new IllegalArgumentException(
          "format: want '" + RepositoryIndex.FORMAT + "', got " + root.path("format"));
    }
    List<IndexEntry> packages = new ArrayList<>();
    JsonNode list = root.path("packages");
    for (int i = 0; i < list.size(); i++) {
      String where = "packages[" + i + "]";
      try {
        packages.add(entry(list.get(i)));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(where + ": " + e.getMessage(), e);
      }
    }
    List<KeyName> keys = new ArrayList<>();
    root.path("keys").forEach(k -> keys.add(KeyName.parse(k.asText())));
    return new RepositoryIndex(member(root, "release").asText(), packages, keys);
  }

  private static IndexEntry entry(JsonNode node) {
    return new IndexEntry(
        PackageIdent.parse(member(node, "ident").asText()),
        member(node, "target").asText(),
        member(node, "file").asText(),
        member(node, "size").asLong(-1),
        member(node, "sha256").asText(),
        member(node, "blake2b").asText(),
        KeyName.parse(member(node, "signer").asText()),
        idents(node.path("deps")),
        idents(node.path("tdeps")));
  }

  private static JsonNode member(JsonNode node, String name) {
    JsonNode value = node.get(name);
    if (value == null || value.isNull() || value.isContainerNode()) {
      throw new IllegalArgumentException(name + ": missing");
    }
    return value;
  }

  private static List<PackageIdent> idents(JsonNode array) {
    List<PackageIdent> idents = new ArrayList<>();
    array.forEach(d -> idents.add(PackageIdent.parse(d.asText())));
    return idents;
  }
}
