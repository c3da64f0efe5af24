package kiln.orchestrator.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.function.BiConsumer;
import kiln.resume.StageName;

/** Reads kiln.yaml's {@code publish:} mapping ({@code repo}, {@code stage}, {@code keep}). */
final class PublishKey {

  private static final List<String> MEMBERS = List.of("repo", "stage", "keep");

  private PublishKey() {}

  /**
   * @param value the key's value, or null when kiln.yaml has no {@code publish}
   * @param problem takes the key and what is wrong, for each problem
   */
  static Optional<PublishSettings> read(
      JsonNode value, Path folder, BiConsumer<String, String> problem) {
    if (value == null) {
      return Optional.empty();
    }
    if (!value.isObject()) {
      problem.accept("publish", "want a mapping, e.g. {repo: ../repo, stage: stage3, keep: 3}");
      return Optional.empty();
    }
    for (Iterator<String> names = value.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!MEMBERS.contains(name)) {
        problem.accept("publish", "unknown member '" + name + "' (known: repo, stage, keep)");
      }
    }
    JsonNode repo = value.get("repo");
    if (repo == null || !repo.isTextual() || repo.asText().isBlank()) {
      problem.accept("publish", "'repo' must name the repository folder");
      return Optional.empty();
    }
    try {
      return Optional.of(
          new PublishSettings(
              stage(value.get("stage")),
              folder.resolve(repo.asText()).normalize(),
              keep(value.get("keep"))));
    } catch (IllegalArgumentException e) {
      problem.accept("publish", e.getMessage());
      return Optional.empty();
    }
  }

  private static StageName stage(JsonNode stage) {
    return stage == null ? StageName.STAGE3 : StageName.parse(stage.asText());
  }

  private static int keep(JsonNode keep) {
    if (keep == null) {
      return PublishSettings.DEFAULT_KEEP;
    }
    if (!keep.isInt()) {
      throw new IllegalArgumentException("'keep' must be a whole number, not " + keep);
    }
    return keep.asInt();
  }
}
