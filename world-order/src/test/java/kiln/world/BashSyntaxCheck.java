package kiln.world;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/** Asks the real bash whether it accepts shell files, running none of them. */
final class BashSyntaxCheck {

  /**
   * One bash reads every file: a subshell per file evals {@code set -n} followed by the file's
   * text, so the text is parsed and nothing of it runs (bash reads the commands after {@code set
   * -n} without executing them), at the cost of a fork where bash -n costs a fork and an exec. Bash
   * reports some errors (a {@code [[} never closed) and still exits 0, so a file is accepted when
   * bash says nothing of a syntax error.
   */
  private static final String DRIVER =
      """
      errors=$(mktemp)
      while IFS= read -r f; do
        body=
        IFS= read -r -d '' body < "$f"
        ( eval "set -n
      $body" ) 2>"$errors" </dev/null >/dev/null
        status=$?
        said=
        IFS= read -r -d '' said < "$errors"
        if [[ $status == 0 && $said != *"syntax error"* ]]; then echo ok; else echo no; fi
      done
      rm -f "$errors"
      """;

  private BashSyntaxCheck() {}

  /**
   * The files bash parses, asked of one bash (see {@link #DRIVER}): bash -n's answer, faster. Where
   * one answer decides a test, {@link #acceptsAlone} asks bash -n itself.
   */
  static Set<Path> accepted(List<Path> files) throws IOException, InterruptedException {
    Set<Path> accepted = new HashSet<>();
    int from = 0;
    while (from < files.size()) {
      List<String> answers = ask(files.subList(from, files.size()));
      for (int i = 0; i < answers.size(); i++) {
        if (answers.get(i).equals("ok")) {
          accepted.add(files.get(from + i));
        }
      }
      // Should bash itself stop on a file, that file is refused and another bash goes on after it.
      from += answers.size() + (from + answers.size() < files.size() ? 1 : 0);
    }
    return accepted;
  }

  private static List<String> ask(List<Path> files) throws IOException, InterruptedException {
    Process bash =
        new ProcessBuilder("bash", "--noprofile", "--norc", "-c", DRIVER)
            .redirectError(ProcessBuilder.Redirect.DISCARD)
            .start();
    Thread feeder =
        new Thread(
            () -> {
              try (var in = bash.getOutputStream()) {
                for (Path f : files) {
                  in.write((f.toAbsolutePath() + "\n").getBytes(StandardCharsets.UTF_8));
                }
              } catch (IOException e) {
                // bash stopped early: the caller starts another after the file it stopped on.
              }
            });
    feeder.start();
    List<String> answers =
        new String(bash.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines().toList();
    feeder.join();
    bash.waitFor(60, TimeUnit.SECONDS);
    return answers;
  }

  /** Whether {@code bash -n} accepts the file: exits 0 and reports no syntax error. */
  static boolean acceptsAlone(Path file) throws IOException, InterruptedException {
    Process bash =
        new ProcessBuilder("bash", "-n", file.toString()).redirectErrorStream(true).start();
    String said = new String(bash.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    return bash.waitFor() == 0 && !said.contains("syntax error");
  }
}
