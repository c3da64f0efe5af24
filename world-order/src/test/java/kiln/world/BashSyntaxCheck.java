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
   * Each file's text becomes the body of a function: defining a function parses its body and runs
   * nothing, and one bash can define thousands (a bash -n per file costs a process each). Bash
   * reports some errors (a {@code [[} never closed) and still exits 0, so a file is accepted when
   * bash says nothing of a syntax error.
   */
  private static final String DRIVER =
      """
      errors=$(mktemp)
      while IFS= read -r f; do
        body=
        IFS= read -r -d '' body < "$f"
        eval "kiln_syntax_check() {
      $body
      }" 2>"$errors"
        status=$?
        said=
        IFS= read -r -d '' said < "$errors"
        if [[ $status == 0 && $said != *"syntax error"* ]]; then echo ok; else echo no; fi
      done
      rm -f "$errors"
      """;

  private BashSyntaxCheck() {}

  /**
   * The files bash accepts when their text is a function body: nearly bash -n's answer, fast. It
   * differs for a here-document read to the end of the file (bash -n takes it, a body does not),
   * and a syntax error may leave the parser of that one bash in a state that lets the next file
   * pass: rely on {@link #acceptsAlone} where one answer decides.
   */
  static Set<Path> acceptedAsBodies(List<Path> files) throws IOException, InterruptedException {
    Set<Path> accepted = new HashSet<>();
    int from = 0;
    while (from < files.size()) {
      List<String> answers = ask(files.subList(from, files.size()));
      for (int i = 0; i < answers.size(); i++) {
        if (answers.get(i).equals("ok")) {
          accepted.add(files.get(from + i));
        }
      }
      // Some errors inside a substitution end bash itself: that file is refused, go on after it.
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
