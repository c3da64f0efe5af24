package kiln.orchestrator.config;

import java.nio.file.Path;
import java.util.Objects;
import kiln.resume.StageName;

/**
 * kiln.yaml's {@code publish:}: after which stage a repository is published, where, and how many
 * earlier releases are kept (docs/publish.md).
 *
 * @param stage the stage whose artifacts are published, after it ran ({@code stage}, default
 *     stage3)
 * @param repository the repository folder ({@code repo}), absolute
 * @param keep how many releases besides the newest are kept ({@code keep}, default 3)
 */
public record PublishSettings(StageName stage, Path repository, int keep) {

  /** How many earlier releases are kept when kiln.yaml does not say. */
  public static final int DEFAULT_KEEP = 3;

  public PublishSettings {
    Objects.requireNonNull(stage, "stage");
    Objects.requireNonNull(repository, "repository");
    if (stage == StageName.STAGE0) {
      throw new IllegalArgumentException("stage0 makes a tools tarball, not packages to publish");
    }
    if (keep < 0) {
      throw new IllegalArgumentException("keep must be 0 or more, not " + keep);
    }
  }
}
