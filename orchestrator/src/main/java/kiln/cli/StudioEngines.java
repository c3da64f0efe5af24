package kiln.cli;

import java.io.PrintWriter;
import java.util.List;
import kiln.orchestrator.farm.EngineLinks;
import kiln.orchestrator.farm.HostInventory;
import kiln.stages.studio.StudioInventory;

/**
 * The engines {@code kiln studio list|rm} act on, open until closed (an SSH host's tunnel):
 * kiln.yaml's build hosts, the engines --engine names, or the one DOCKER_HOST names.
 *
 * @param each each engine's inventory, or why it cannot be asked
 * @param key how an output line names an engine ({@code host} or {@code engine}); empty for the
 *     lone engine of a command given none, whose lines name nothing, as before there were hosts
 * @param links the way to the hosts' engines, closed with this
 */
record StudioEngines(List<HostInventory> each, String key, EngineLinks links)
    implements AutoCloseable {

  StudioEngines {
    each = List.copyOf(each);
  }

  /** What a command does with one engine that answered, {@code name} as its lines name it. */
  interface Action {
    void on(StudioInventory inventory, String name);
  }

  /**
   * Does {@code action} on each engine that answers and names each that does not on {@code err},
   * with what was {@code skipped} there.
   *
   * @return the exit code: 1 when an engine did not answer, else 0
   */
  int forEach(Action action, PrintWriter err, String skipped) {
    int code = 0;
    for (HostInventory engine : each) {
      if (engine instanceof HostInventory.Reached reached) {
        action.on(reached.inventory(), reached.host());
      } else if (engine instanceof HostInventory.Unreached unreached) {
        err.println(
            "kiln: build host "
                + unreached.host()
                + " does not answer: "
                + unreached.problem()
                + "; "
                + skipped);
        code = FailureHandler.FAILED;
      }
    }
    err.flush();
    return code;
  }

  /** {@code " key=name"}, or nothing for the lone engine of a command given none. */
  String label(String name) {
    return key.isEmpty() ? "" : " " + key + "=" + name;
  }

  /** {@code " on name"}, or nothing for the lone engine of a command given none. */
  String place(String name) {
    return key.isEmpty() ? "" : " on " + name;
  }

  @Override
  public void close() {
    if (links != null) {
      links.close();
    }
  }
}
