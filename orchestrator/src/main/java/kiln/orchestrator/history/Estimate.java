package kiln.orchestrator.history;

/**
 * How long one build is expected to take, and what the figure rests on.
 *
 * @param seconds the expected duration; 0 when the basis is {@link Basis#NONE}
 * @param basis where the figure comes from
 */
public record Estimate(double seconds, Basis basis) {

  /** Where an estimate comes from, best first. */
  public enum Basis {
    /** The entry's own successful builds, recent ones weighing more. */
    HISTORY("history"),
    /** The median of the other entries of its stage that have a history. */
    STAGE_MEDIAN("stage median"),
    /** The median of every entry with a history, in any stage. */
    MEDIAN("median"),
    /** Nothing was ever built: no figure. */
    NONE("none");

    private final String label;

    Basis(String label) {
      this.label = label;
    }

    /** The words users read, in text and JSON alike: {@code stage median}. */
    public String label() {
      return label;
    }
  }

  public Estimate {
    if (!(seconds >= 0) || Double.isInfinite(seconds)) {
      throw new IllegalArgumentException("an estimate is 0 seconds or more, not " + seconds);
    }
    if (basis == null) {
      throw new IllegalArgumentException("an estimate needs a basis");
    }
  }

  /** No history at all. */
  public static final Estimate NONE = new Estimate(0, Basis.NONE);
}
