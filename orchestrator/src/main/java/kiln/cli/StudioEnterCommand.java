package kiln.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import kiln.stages.build.PreparedStudio;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code kiln studio enter}: a shell in a studio made like a build's, to reproduce a failure. */
@Command(
    name = "enter",
    description = {
      "Open a shell (or COMMAND) in a fresh Docker studio with the mounts a build gets;"
          + " the studio is removed when it exits.",
      "With --plan: the studio a build of that plan gets, ready for its callbacks"
          + " (bash /kiln/plan-build.sh build runs them); --studio docker|chroot|auto."
    },
    mixinStandardHelpOptions = true)
final class StudioEnterCommand implements Callable<Integer> {

  @Mixin StudioOptions studio;

  @Mixin PlanStudioOptions plan = new PlanStudioOptions();

  @Parameters(arity = "0..*", paramLabel = "COMMAND", description = "Default: bash -l.")
  List<String> command = new ArrayList<>();

  @Override
  public Integer call() throws Exception {
    List<String> argv = command.isEmpty() ? List.of("/bin/bash", "-l") : command;
    if (plan.given()) {
      return plan.with(
          studio,
          (builder, prepared) -> {
            System.err.println(
                "kiln: the studio of "
                    + prepared.ident()
                    + " ("
                    + builder.studio().kind()
                    + "), as its build pass gets it; `"
                    + PreparedStudio.buildCommand()
                    + "` runs the callbacks");
            return builder.studio().enter(prepared.spec(), argv);
          });
    }
    plan.refuseWithoutPlan();
    return StudioRunCommand.containerStudio(studio).enter(studio.spec(), argv);
  }
}
