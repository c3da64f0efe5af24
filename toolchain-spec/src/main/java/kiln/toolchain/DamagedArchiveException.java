package kiln.toolchain;

import java.io.IOException;

/**
 * An archive that cannot be read whole, with a message that already says what is wrong in a
 * maintainer's words (it is shown as it is, not translated).
 */
final class DamagedArchiveException extends IOException {

  DamagedArchiveException(String message) {
    super(message);
  }
}
