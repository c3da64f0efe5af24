package kiln.resume;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What one build is made from: a digest over named parts, each part a short text (a content hash, a
 * setting's value). Kiln computes it before a build and records it with the build, so a later run
 * can tell whether an entry's inputs changed, and which ones.
 *
 * <p>Part names say what the part is, so a difference reads as a reason: {@code file:plan.sh},
 * {@code file:patches/x.patch}, {@code sourced:../common.sh}, {@code source}, {@code
 * dep:demo/libgreet}, {@code studio:tools}, {@code studio:demo/bash}, {@code var:FIRST_PASS},
 * {@code program}.
 *
 * @param digest the SHA-256, lowercase hex, of the parts as {@code name=value} lines in name order
 * @param parts every part, by name
 */
public record BuildInputs(String digest, SortedMap<String, String> parts) {

  public BuildInputs {
    Objects.requireNonNull(digest, "digest");
    parts = Collections.unmodifiableSortedMap(new TreeMap<>(parts));
    for (Map.Entry<String, String> part : parts.entrySet()) {
      if (part.getKey().isEmpty()
          || part.getKey().contains("\n")
          || part.getValue().contains("\n")) {
        throw new IllegalArgumentException(
            "a build input's name and value are one line each, not '" + part.getKey() + "'");
      }
    }
  }

  /** The inputs made of {@code parts}, with their digest. */
  public static BuildInputs of(Map<String, String> parts) {
    TreeMap<String, String> sorted = new TreeMap<>(parts);
    MessageDigest sha;
    try {
      sha = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java has SHA-256", e);
    }
    sorted.forEach(
        (name, value) -> sha.update((name + "=" + value + "\n").getBytes(StandardCharsets.UTF_8)));
    return new BuildInputs(HexFormat.of().formatHex(sha.digest()), sorted);
  }

  /**
   * The names of the parts that differ from {@code before}'s: changed, added or gone, in name
   * order.
   */
  public List<String> changedSince(BuildInputs before) {
    TreeMap<String, Boolean> names = new TreeMap<>();
    parts.keySet().forEach(n -> names.put(n, true));
    before.parts.keySet().forEach(n -> names.put(n, true));
    List<String> changed = new ArrayList<>();
    for (String name : names.keySet()) {
      if (!Objects.equals(parts.get(name), before.parts.get(name))) {
        changed.add(name);
      }
    }
    return changed;
  }
}
