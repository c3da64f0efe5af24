package kiln.world;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The rule the reader holds: whatever {@code bash -n} accepts never makes a plan unreadable.
 * Checked on a corpus composed from bash's grammar (one body in eight damaged by a character, so
 * bash refuses some and accepts odd ones), each plan against the real bash. Another corpus: {@code
 * -Dkiln.corpus.seed=N}.
 */
class ReaderAgainstBashTest {

  private static final int BODIES = 3000;

  @TempDir Path tree;

  @Test
  void everyGeneratedPlanBashAcceptsIsReadAndItsSettingsAreSeen() throws Exception {
    ShellCorpus corpus = new ShellCorpus(Long.getLong("kiln.corpus.seed", 20261206L));
    List<Path> files = new ArrayList<>();
    List<String> texts = new ArrayList<>();
    for (int i = 0; i < BODIES; i++) {
      String body = corpus.body();
      if (i % 8 == 7) {
        body = corpus.damaged(body);
      }
      String text =
          "pkg_name=g"
              + i
              + "\npkg_origin=demo\npkg_version=1\n"
              + body
              + "pkg_deps=(core/d"
              + i
              + ")\n";
      Path plan = tree.resolve("g" + i).resolve("plan.sh");
      Files.createDirectories(plan.getParent());
      Files.writeString(plan, text);
      files.add(plan);
      texts.add(text);
    }
    Set<Path> accepted = BashSyntaxCheck.accepted(files);
    PlanReader reader = new PlanReader(file -> false); // the parser alone, no asking bash
    List<String> failures = new ArrayList<>();
    for (int i = 0; i < BODIES; i++) {
      Path plan = files.get(i);
      String problem = null;
      try {
        PlanReading reading = reader.read(plan, EvalContext.stage1());
        boolean wellFormed = i % 8 != 7 && accepted.contains(plan);
        if (wellFormed && !Fixtures.deps(reading.plan()).equals(List.of("core/d" + i))) {
          problem = "read the dependencies as " + Fixtures.deps(reading.plan());
        } else if (wellFormed && !reading.warnings().isEmpty()) {
          problem = "warned " + reading.warnings();
        }
      } catch (UnreadablePlanException e) {
        problem = BashSyntaxCheck.acceptsAlone(plan) ? e.getMessage() : null;
      } catch (RuntimeException e) {
        problem = "crashed: " + e;
      }
      if (problem != null) {
        failures.add(problem + "\n--- " + plan + "\n" + texts.get(i));
      }
    }
    assertTrue(
        failures.isEmpty(),
        failures.size()
            + " plans, the first:\n"
            + String.join("\n", failures.subList(0, Math.min(3, failures.size()))));
    assertTrue(accepted.size() > BODIES * 8 / 10, "bash accepts most: " + accepted.size());
    assertEquals(BODIES, files.size());
  }
}
