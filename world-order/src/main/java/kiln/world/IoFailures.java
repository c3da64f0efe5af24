package kiln.world;

import java.io.EOFException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.net.http.HttpTimeoutException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;

/**
 * Why an input or output failed, in words a user reads: the JDK's exceptions carry the reason in
 * their type (a {@code NoSuchFileException}'s message is just the path, an {@code EOFException} has
 * none), and kiln's messages must not show Java type names. Callers name the file and what they
 * were doing; this gives the reason that follows, e.g. {@code cannot read x.hart: } + {@code no
 * such file or directory}. It lives in the bottom module so that every module can use it.
 */
public final class IoFailures {

  private IoFailures() {}

  /**
   * What was being done and why it failed: {@code doing + ": " + reason}, the reason naming the
   * file it is about only when {@code doing} does not already name it.
   */
  public static String message(String doing, Throwable failure) {
    Throwable e = failure instanceof UncheckedIOException u ? u.getCause() : failure;
    if (e instanceof FileSystemException f && f.getFile() != null && doing.contains(f.getFile())) {
      return doing + ": " + fileSystemReason(f);
    }
    return doing + ": " + describe(failure);
  }

  /** The reason alone, for a caller whose message already names the one file it reads. */
  public static String reason(Throwable failure) {
    Throwable e = failure instanceof UncheckedIOException u ? u.getCause() : failure;
    return e instanceof FileSystemException f ? fileSystemReason(f) : describe(e);
  }

  /**
   * The reason a failure gives, never a Java type name, with the file it is about when the JDK
   * names one; a failure with no message of its own gives its cause's.
   */
  public static String describe(Throwable failure) {
    Throwable e = failure instanceof UncheckedIOException u ? u.getCause() : failure;
    String known = byType(e);
    if (known != null) {
      return known;
    }
    String message = e.getMessage();
    boolean onlyTheCause = e.getCause() != null && e.getCause().toString().equals(message);
    if (message != null && !message.isBlank() && !onlyTheCause) {
      return message.strip();
    }
    return e.getCause() != null && e.getCause() != e
        ? describe(e.getCause())
        : e instanceof IOException ? "input/output error (no reason given)" : "no reason given";
  }

  private static String byType(Throwable e) {
    if (e instanceof FileSystemException f) {
      return fileSystem(f);
    }
    if (e instanceof EOFException) {
      return "it ends too early: truncated (an incomplete download or copy?)";
    }
    if (e instanceof CharacterCodingException) {
      return "not UTF-8 text";
    }
    if (e instanceof UnknownHostException) {
      return "unknown host" + (e.getMessage() == null ? "" : " " + e.getMessage());
    }
    if (e instanceof HttpTimeoutException || e instanceof SocketTimeoutException) {
      return "timed out";
    }
    if (e instanceof ConnectException) {
      return "connection refused";
    }
    if (e instanceof InterruptedIOException) {
      return "interrupted";
    }
    return null;
  }

  private static String fileSystem(FileSystemException f) {
    String what = fileSystemReason(f);
    // The file the failure is about may be another than the one the caller names (a parent dir,
    // a temporary file, the target of a move): say which.
    return f.getFile() == null ? what : what + " (" + f.getFile() + ")";
  }

  private static String fileSystemReason(FileSystemException f) {
    String what;
    if (f instanceof NoSuchFileException) {
      what = "no such file or directory";
    } else if (f instanceof AccessDeniedException) {
      what = "permission denied";
    } else if (f instanceof FileAlreadyExistsException) {
      what = "it already exists";
    } else if (f instanceof NotDirectoryException) {
      what = "not a directory";
    } else if (f instanceof DirectoryNotEmptyException) {
      what = "the directory is not empty";
    } else {
      what = f.getReason() == null ? "input/output error" : f.getReason();
    }
    return what;
  }
}
