package kiln.resume;

import java.nio.file.Path;

/** A child process for lock tests: takes the lock, says so, and holds it until killed. */
public final class LockHolder {
  public static void main(String[] args) throws Exception {
    WorkDirLock lock = WorkDirLock.acquire(Path.of(args[0]));
    System.out.println("locked " + ProcessHandle.current().pid());
    System.out.flush();
    System.in.read(); // held until the test kills this process
    lock.close();
  }
}
