package kiln.toolchain;

/**
 * A tarball that cannot be built, freshened, read or unpacked. The message says which file or entry
 * and what is wrong with it.
 */
public final class TarballException extends Exception {

  TarballException(String message) {
    super(message);
  }

  TarballException(String message, Throwable cause) {
    super(message, cause);
  }
}
