package kiln.orchestrator;

import kiln.orchestrator.config.KilnConfig;
import kiln.resume.StageName;
import kiln.resume.StageState;
import kiln.resume.StageWork;

/**
 * What the pipeline does after a stage ran, whatever its outcome: files for people, a report, a
 * published repository. {@link Pipeline} runs each step that {@linkplain #follows follows} the
 * stage, in order, after the stage's results folder is tidied.
 */
public interface PostStageStep {

  /** True when this step runs after {@code stage}. */
  boolean follows(StageName stage);

  /**
   * @param work what the stage was to build
   * @param state the stage as the ledger has it now
   * @throws StageException when the step cannot do its work; the pipeline stops with it
   */
  void run(KilnConfig config, StageWork work, StageState state) throws StageException;

  /** After stage3: {@code stage3_world_order} and its {@code .working} twin beside kiln.yaml. */
  PostStageStep WORLD_ORDER_FILES =
      new PostStageStep() {
        @Override
        public boolean follows(StageName stage) {
          return stage == StageName.STAGE3;
        }

        @Override
        public void run(KilnConfig config, StageWork work, StageState state) throws StageException {
          try {
            WorldOrderFiles.write(config.folder(), work, state);
          } catch (java.io.IOException e) {
            throw new StageException(
                kiln.world.IoFailures.message(
                    "cannot write " + WorldOrderFiles.MASTER + " in " + config.folder(), e),
                e);
          }
        }
      };
}
