package kiln.world.affected;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import kiln.world.DependencyEdge;
import kiln.world.Dependents;
import kiln.world.EvalContext;
import kiln.world.PackageIdent;
import kiln.world.Plan;
import kiln.world.PlanReader;
import kiln.world.UnreadablePlanException;
import kiln.world.World;

/**
 * Finds what a change affects in a world: the plans whose inputs the changed files are ({@link
 * PlanInputs}), the dependents of plans the change deleted, and every plan that depends on those.
 */
public final class Affected {

  private static final String PLAN_FILE = "plan.sh";

  private final World world;
  private final ChangeSource source;
  private final EvalContext context;
  private final Path here = Path.of("").toAbsolutePath();

  private Affected(World world, ChangeSource source, EvalContext context) {
    this.world = world;
    this.source = source;
    this.context = context;
  }

  /**
   * What the changes from {@code source} affect in {@code world}.
   *
   * @param context the variables a deleted plan's former text is read with, to name it
   * @throws AffectedException when the changes cannot be found
   */
  public static AffectedPlans find(World world, ChangeSource source, EvalContext context)
      throws AffectedException {
    return new Affected(world, source, context).find();
  }

  private AffectedPlans find() throws AffectedException {
    List<Change> changes = source.changes();
    PlanInputs inputs = new PlanInputs(world.plans().plans());
    Set<Path> planFiles = new HashSet<>();
    world.plans().plans().forEach(p -> planFiles.add(p.planFile().toAbsolutePath().normalize()));
    List<DeletedPlan> deleted = new ArrayList<>();
    for (Change change : changes) {
      if (change.deleted()
          && change.file().getFileName().toString().equals(PLAN_FILE)
          && !planFiles.contains(change.file())) {
        deleted.add(deletedPlan(change.file()));
      }
    }
    Map<PackageIdent, String> why = new LinkedHashMap<>();
    List<Change> touchingNothing = new ArrayList<>();
    for (Change change : changes) {
      List<PlanInputs.Touch> touches = inputs.touches(change.file());
      boolean gone = inGoneFolder(change.file(), deleted);
      if (gone) {
        touches.removeIf(t -> t.how().equals(PlanInputs.IN_FOLDER));
      }
      for (PlanInputs.Touch t : touches) {
        boolean newPlan =
            change.kind() == Change.Kind.ADDED
                && change.file().equals(t.plan().planFile().toAbsolutePath().normalize());
        why.putIfAbsent(
            t.plan().ident(),
            display(change.file()) + " (" + (newPlan ? "a new plan" : t.how()) + ")");
      }
      if (touches.isEmpty() && !gone) {
        touchingNothing.add(change);
      }
    }
    Set<PackageIdent> roots = new LinkedHashSet<>(why.keySet());
    addDependents(roots, why, "depends on ");
    for (DeletedPlan gone : deleted) {
      if (gone.ident() != null) {
        addDependents(Set.of(gone.ident()), why, "depends on the deleted plan ");
      }
    }
    return new AffectedPlans(changes, touchingNothing, deleted, why);
  }

  private void addDependents(Set<PackageIdent> roots, Map<PackageIdent, String> why, String how) {
    if (roots.isEmpty()) {
      return;
    }
    Dependents found;
    try {
      found = world.dependents(roots, false);
    } catch (IllegalArgumentException e) {
      return; // no plan of this world is or needs it: nothing depends on it
    }
    for (Plan plan : found.plans()) {
      List<DependencyEdge> chain = found.chain(plan.ident());
      PackageIdent root =
          chain.isEmpty() ? roots.iterator().next() : chain.get(chain.size() - 1).target();
      why.putIfAbsent(plan.ident(), how + root);
    }
  }

  /** A file in the folder of a deleted plan was that plan's, not the input of a plan above it. */
  private static boolean inGoneFolder(Path file, List<DeletedPlan> deleted) {
    return deleted.stream().anyMatch(d -> file.startsWith(d.planFile().getParent()));
  }

  /**
   * Names a deleted plan: its former text read as a plan (where the change source knows it), else
   * the one dependency no plan provides now that is named as its folder is.
   */
  private DeletedPlan deletedPlan(Path planFile) throws AffectedException {
    Optional<String> before = source.textBefore(planFile);
    String problem = "its former text is not known (give --since to read it from git)";
    if (before.isPresent()) {
      try {
        return new DeletedPlan(planFile, readIdent(before.get()), "read from its former text");
      } catch (UnreadablePlanException e) {
        problem = "its former text does not read as a plan (" + e.diagnostic().message() + ")";
      }
    }
    String folder = folderName(planFile);
    List<PackageIdent> candidates =
        world.graph().missing().keySet().stream().filter(i -> i.name().equals(folder)).toList();
    if (candidates.size() == 1) {
      return new DeletedPlan(
          planFile,
          candidates.get(0),
          problem
              + "; taken to be the missing dependency "
              + candidates.get(0)
              + ", named as its folder");
    }
    return new DeletedPlan(planFile, null, problem);
  }

  private static String folderName(Path planFile) {
    Path dir = planFile.getParent();
    if (dir.getFileName().toString().equals("habitat") && dir.getParent() != null) {
      dir = dir.getParent();
    }
    return dir.getFileName().toString();
  }

  /**
   * The ident a plan's text gives, read in a folder of its own (a file it sources is not there).
   */
  private PackageIdent readIdent(String text) throws UnreadablePlanException, AffectedException {
    Path dir = null;
    try {
      dir = Files.createTempDirectory("kiln-affected-");
      Path file = Files.writeString(dir.resolve(PLAN_FILE), text);
      return new PlanReader().read(file, context).plan().ident();
    } catch (IOException e) {
      throw new AffectedException(
          "cannot write a deleted plan's former text to read it: "
              + kiln.world.IoFailures.reason(e),
          e);
    } finally {
      if (dir != null) {
        try {
          Files.deleteIfExists(dir.resolve(PLAN_FILE));
          Files.deleteIfExists(dir);
        } catch (IOException e) {
          // A temporary folder left behind is harmless.
        }
      }
    }
  }

  private String display(Path file) {
    return file.startsWith(here) ? here.relativize(file).toString() : file.toString();
  }
}
