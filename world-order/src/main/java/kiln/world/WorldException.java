package kiln.world;

/** A world that cannot be loaded as asked: unreadable plans under --strict, a bad base list. */
public final class WorldException extends Exception {

  private static final long serialVersionUID = 1L;

  public WorldException(String message) {
    super(message);
  }
}
