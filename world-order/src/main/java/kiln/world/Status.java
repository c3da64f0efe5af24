package kiln.world;

/** The exit status of a command as the reader knows it: succeeded, failed, or not known. */
enum Status {
  TRUE,
  FALSE,
  UNKNOWN;

  static Status of(boolean b) {
    return b ? TRUE : FALSE;
  }

  Status not() {
    return this == UNKNOWN ? UNKNOWN : of(this == FALSE);
  }

  Status and(java.util.function.Supplier<Status> right) {
    return this == FALSE ? FALSE : combine(right.get(), true);
  }

  Status or(java.util.function.Supplier<Status> right) {
    return this == TRUE ? TRUE : combine(right.get(), false);
  }

  private Status combine(Status right, boolean and) {
    if (this == UNKNOWN) {
      return right == (and ? FALSE : TRUE) ? right : UNKNOWN;
    }
    return right;
  }
}
