package kiln.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** A real git repository made by a test (of plans, say): files written, committed, changed. */
public final class GitRepository {

  private final Path top;

  /** A new repository at {@code top}, on branch main, committing as a test user. */
  public GitRepository(Path top) throws Exception {
    this.top = top;
    git("init", "-q", "-b", "main");
    // Only this repository's config: the machine's user settings stay untouched.
    git("config", "user.name", "kiln test");
    git("config", "user.email", "kiln-test@example.invalid");
    git("config", "commit.gpgsign", "false");
  }

  /** The repository's folder. */
  public Path top() {
    return top;
  }

  /** Writes a file, making its folders. */
  public Path write(String relative, String text) throws IOException {
    Path file = top.resolve(relative);
    Files.createDirectories(file.getParent());
    return Files.writeString(file, text);
  }

  /** Deletes a file from the working tree. */
  public void delete(String relative) throws IOException {
    Files.delete(top.resolve(relative));
  }

  /** Commits everything and returns the commit. */
  public String commit(String message) throws Exception {
    git("add", "-A");
    git("commit", "-q", "-m", message);
    return git("rev-parse", "HEAD").strip();
  }

  /** Runs git in the repository; its output, or an exception with it when git fails. */
  public String git(String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of("git", "-C", top.toString()));
    command.addAll(List.of(args));
    Process git = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (git.waitFor() != 0) {
      throw new IllegalStateException(String.join(" ", command) + " failed: " + out);
    }
    return out;
  }
}
