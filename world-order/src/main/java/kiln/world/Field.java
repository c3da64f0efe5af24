package kiln.world;

/**
 * One value of a variable (a scalar is an array of one), with where it was written and, when the
 * reader could not evaluate it exactly, why.
 *
 * @param text the value (a placeholder when {@code problem} is set)
 * @param at where the value was written
 * @param problem why the value is not exact, or null when it is
 */
record Field(String text, SourceLocation at, String problem) {

  boolean exact() {
    return problem == null;
  }
}
