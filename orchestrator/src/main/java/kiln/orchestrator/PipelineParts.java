package kiln.orchestrator;

import java.nio.file.Path;
import java.util.List;
import kiln.orchestrator.config.KilnConfig;
import kiln.resume.StageName;

/**
 * The pieces the pipeline drives, from the modules below: the tools tarball (toolchain-spec), the
 * plans and their order (world-order), the studios and the plan build program (stages).
 *
 * @param stage0 makes the tools tarball when the config gives a spec instead of a tarball
 * @param inputs what each stage builds
 * @param builders a builder per stage
 * @param checks what a stage's artifacts must pass before the next stage may use them (after
 *     stage2: no artifact refers to {@code /tools})
 */
public record PipelineParts(
    ToolsTarballMaker stage0, StageInputs inputs, EntryBuilders builders, StageChecks checks) {

  /** Stage 0: makes the tools tarball from the config's toolchain spec. */
  public interface ToolsTarballMaker {
    /**
     * @param log where the output goes
     * @return the tarball made
     */
    Path make(KilnConfig config, Path log) throws StageException, InterruptedException;

    /**
     * Why a tools tarball cannot be unpacked at {@code /tools} (not xz, damaged, entries leading
     * out), one line each; empty when it can. Asked before stage1's first build, so a bad file is
     * told with its reason instead of failing inside the first studio.
     */
    default List<String> problems(Path tarball) {
      return List.of();
    }
  }

  /**
   * What stages 1 to 3 build, and which of their entries reading the plans shows cannot build (a
   * dependency nothing in the stage's studio will provide).
   */
  public interface StageInputs {
    /**
     * The base-plan list for stage1 or stage2, in list order, deps resolved to earlier entries
     * ({@link StageWork#ordered()} true).
     */
    StagePlan basePlans(KilnConfig config, StageName stage) throws StageException;

    /** Stage3: the world order without the base plans, with each plan's deps within it. */
    StagePlan world(KilnConfig config) throws StageException;
  }

  /**
   * Makes the builder for a stage: its studio kind, what the studio holds. Closed when the run
   * ends, so what it keeps for the whole run (the build hosts' watch, ssh tunnels) ends with it.
   */
  public interface EntryBuilders extends AutoCloseable {
    EntryBuilder forStage(StageContext context) throws StageException;

    @Override
    default void close() {}
  }

  /**
   * Checks a stage's artifacts before the next stage may use them. The pipeline runs it on what the
   * ledger records as built, remembers in the ledger which artifacts passed (so each is checked
   * once), and records an entry whose artifact fails as failed, with what was found.
   */
  public interface StageChecks {
    /**
     * @param stage the stage that built them
     * @param artifacts the artifacts not checked yet
     * @return every problem found, each naming its artifact; empty when all pass
     */
    List<Problem> problems(StageName stage, List<Path> artifacts) throws StageException;

    /** True when {@code stage}'s artifacts are checked at all (nothing is recorded otherwise). */
    default boolean checks(StageName stage) {
      return true;
    }

    /** Checks nothing. */
    StageChecks NONE = (stage, artifacts) -> List.of();

    /** This check and {@code other}: each on the stages it checks. */
    default StageChecks and(StageChecks other) {
      StageChecks first = this;
      return new StageChecks() {
        @Override
        public List<Problem> problems(StageName stage, List<Path> artifacts) throws StageException {
          List<Problem> all = new java.util.ArrayList<>();
          for (StageChecks check : List.of(first, other)) {
            if (check.checks(stage)) {
              all.addAll(check.problems(stage, artifacts));
            }
          }
          return all;
        }

        @Override
        public boolean checks(StageName stage) {
          return first.checks(stage) || other.checks(stage);
        }
      };
    }
  }

  /**
   * One thing wrong with an artifact.
   *
   * @param artifact the artifact, as given to the check
   * @param what one line for people, e.g. {@code refers to /tools: bin/hello (ELF interpreter):
   *     /tools/lib/ld-linux-x86-64.so.2}
   */
  public record Problem(Path artifact, String what) {}
}
