package kiln.resume;

import java.nio.file.Path;

/** Another kiln works in the same work directory. */
public class WorkDirLockedException extends JournalException {

  private final long holder;

  public WorkDirLockedException(Path workDir, long holder) {
    super(
        "another kiln (pid "
            + (holder > 0 ? holder : "unknown")
            + ") is running in "
            + workDir
            + "; wait for it to finish or stop it, then run again");
    this.holder = holder;
  }

  /** The pid of the kiln that holds the lock, or -1 if the lock file does not say. */
  public long holder() {
    return holder;
  }
}
