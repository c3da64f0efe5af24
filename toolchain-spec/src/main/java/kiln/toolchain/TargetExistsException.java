package kiln.toolchain;

import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Path;

/** A tarball's name is taken by a file with other bytes; kiln never replaces it. */
final class TargetExistsException extends FileAlreadyExistsException {

  TargetExistsException(Path target) {
    super(
        target.toString(),
        null,
        "already exists with other content (another build or freshen in the same second, or with"
            + " the same SOURCE_DATE_EPOCH, from other inputs?); kiln does not replace it: remove"
            + " it, or write to another directory (--out)");
  }

  @Override
  public String getMessage() {
    return getFile() + " " + getReason();
  }
}
