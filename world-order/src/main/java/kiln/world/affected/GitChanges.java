package kiln.world.affected;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The files changed between a git revision and the working tree, as git itself tells them: a {@code
 * git} process per question, run in the repository. Changed, added (committed, staged or untracked
 * but not ignored) and deleted files; a rename is a deletion and an addition, since a plan that
 * moved is gone from its old folder.
 */
public final class GitChanges implements ChangeSource {

  private final Path top;
  private final String revision;

  private GitChanges(Path top, String revision) {
    this.top = top;
    this.revision = revision;
  }

  /**
   * The changes since {@code revision} in the repository holding {@code dir}.
   *
   * @throws AffectedException when git cannot run, {@code dir} is in no repository, or the revision
   *     names no commit there
   */
  public static GitChanges since(Path dir, String revision) throws AffectedException {
    if (revision.isBlank() || revision.startsWith("-")) {
      throw new AffectedException(
          "--since needs a git revision (a commit, branch or tag), not '" + revision + "'");
    }
    Path absolute = dir.toAbsolutePath().normalize();
    Result cdup = git(absolute, "rev-parse", "--show-cdup");
    if (cdup.exit != 0) {
      throw new AffectedException(
          absolute
              + " is not in a git repository (git: "
              + cdup.error()
              + "); run kiln affected"
              + " --since in the plans repository, or give --repo DIR");
    }
    // The top as the user spells the folder (git prints it with symbolic links resolved).
    Path top = absolute.resolve(cdup.text().strip()).normalize();
    Result commit = git(top, "rev-parse", "--verify", "--quiet", revision + "^{commit}");
    if (commit.exit != 0) {
      throw new AffectedException(
          "--since "
              + revision
              + ": no such commit in the git repository at "
              + top
              + " (a shallow clone may lack it: fetch it first)");
    }
    return new GitChanges(top, revision);
  }

  @Override
  public List<Change> changes() throws AffectedException {
    Map<Path, Change> changes = new LinkedHashMap<>();
    List<String> diff =
        fields(checked("diff", "--name-status", "--no-renames", "-z", revision, "--"));
    for (int i = 0; i + 1 < diff.size(); i += 2) {
      Path file = top.resolve(diff.get(i + 1)).normalize();
      changes.put(file, new Change(file, kind(diff.get(i))));
    }
    for (String path : fields(checked("ls-files", "--others", "--exclude-standard", "-z"))) {
      Path file = top.resolve(path).normalize();
      changes.put(file, new Change(file, Change.Kind.ADDED));
    }
    return List.copyOf(changes.values());
  }

  @Override
  public Optional<String> textBefore(Path file) throws AffectedException {
    String relative = top.relativize(file.toAbsolutePath().normalize()).toString();
    Result shown = git(top, "show", revision + ":" + relative.replace('\\', '/'));
    return shown.exit == 0 ? Optional.of(shown.text()) : Optional.empty();
  }

  private static Change.Kind kind(String status) {
    return switch (status.charAt(0)) {
      case 'A' -> Change.Kind.ADDED;
      case 'D' -> Change.Kind.DELETED;
      default -> Change.Kind.CHANGED; // modified, type changed, unmerged
    };
  }

  private static List<String> fields(String text) {
    List<String> out = new ArrayList<>();
    for (String field : text.split("\0")) {
      if (!field.isEmpty()) {
        out.add(field);
      }
    }
    return out;
  }

  private String checked(String... args) throws AffectedException {
    Result result = git(top, args);
    if (result.exit != 0) {
      throw new AffectedException(
          "git " + String.join(" ", args) + " failed in " + top + ": " + result.error());
    }
    return result.text();
  }

  private record Result(int exit, byte[] out, byte[] err) {
    String text() {
      return new String(out, StandardCharsets.UTF_8);
    }

    String error() {
      String text = new String(err, StandardCharsets.UTF_8).strip();
      return text.isEmpty() ? "exit " + exit : text;
    }
  }

  private static Result git(Path dir, String... args) throws AffectedException {
    List<String> command = new ArrayList<>(List.of("git", "-C", dir.toString()));
    command.addAll(List.of(args));
    try {
      Process git = new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.PIPE).start();
      git.getOutputStream().close();
      CompletableFuture<byte[]> err =
          CompletableFuture.supplyAsync(() -> all(git.getErrorStream()));
      byte[] out = git.getInputStream().readAllBytes();
      return new Result(git.waitFor(), out, err.join());
    } catch (IOException e) {
      throw new AffectedException(
          "cannot run git ("
              + kiln.world.IoFailures.reason(e)
              + "); install git or name the"
              + " changed files instead of --since",
          e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AffectedException("interrupted while git ran", e);
    }
  }

  private static byte[] all(InputStream in) {
    try {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
