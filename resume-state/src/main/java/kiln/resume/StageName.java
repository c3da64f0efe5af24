package kiln.resume;

import java.util.Locale;

/** The stages of a bootstrap, in the order they run. */
public enum StageName {
  STAGE0,
  STAGE1,
  STAGE2,
  STAGE3,
  /**
   * The base rebuilt from stage3's packages and compared with stage2's, file by file: the proof
   * that the system builds itself (optional: {@code compare: true} in kiln.yaml).
   */
  COMPARE;

  /** The name users type and files show: {@code stage0} to {@code stage3}, {@code compare}. */
  public String id() {
    return id;
  }

  private final String id = name().toLowerCase(Locale.ROOT);

  /**
   * Reads {@code stage0}..{@code stage3} (or just the digit).
   *
   * @throws IllegalArgumentException naming the text and the stages there are
   */
  public static StageName parse(String text) {
    for (StageName stage : values()) {
      if (stage.id().equals(text)) {
        return stage; // the ledger's own spelling: no case folding needed
      }
    }
    String t = text.trim().toLowerCase(Locale.ROOT);
    for (StageName stage : values()) {
      if (stage.id().equals(t) || stage.id().equals("stage" + t)) {
        return stage;
      }
    }
    throw new IllegalArgumentException(
        "no stage '" + text + "' (stages: stage0, stage1, stage2, stage3, compare)");
  }

  @Override
  public String toString() {
    return id();
  }
}
